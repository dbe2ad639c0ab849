import {
  Problem,
  ReportListQuery,
  ReportPeriodInput,
  ReportSubscriptionInput,
  ReportSubscriptionView,
  ReportView,
  Uuid,
} from '@afterdesk/contract';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { generateWeeklyReport } from '../../app/reports/generate-weekly-report.js';
import { listReportSubscriptions } from '../../app/reports/list-report-subscriptions.js';
import { listReports } from '../../app/reports/list-reports.js';
import { type ReportFileFormat, readReportFile } from '../../app/reports/read-report-file.js';
import { subscribeToReports } from '../../app/reports/subscribe-to-reports.js';
import { unsubscribeFromReports } from '../../app/reports/unsubscribe-from-reports.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const tags = ['reports'];
const Reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const List = (item: TSchema) => Type.Object({ items: Type.Array(item) });

/** Weekly quality reports: stored reports and their files, generation on demand, subscribers. */
export const reportRoutes: Routes = (app, services) => {
  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Stored quality reports, newest period first',
        querystring: ReportListQuery,
        response: { 200: List(ReportView), ...Reads },
      },
    },
    (request) => listReports(ctxOf(services, request), request.query),
  );
  app.post(
    '/reports/weekly',
    {
      schema: {
        tags,
        summary: 'Generate the quality report of a period now (a rerun replaces the stored one)',
        description:
          'Days are read in each store’s own time zone; `to` is exclusive, so a week is Monday to the next Monday. The schedule makes the previous week’s report every Monday after 06:00 and mails it to the subscribers.',
        body: ReportPeriodInput,
        response: { 200: ReportView, 201: ReportView, ...Reads, 422: Problem },
      },
    },
    async (request, reply) => {
      const { report, created } = await generateWeeklyReport(ctxOf(services, request), request.body);
      return reply.code(created ? 201 : 200).send(report);
    },
  );
  for (const format of ['html', 'pdf', 'xlsx'] as const) {
    app.get(
      `/reports/:reportId/${format}`,
      {
        schema: {
          tags,
          summary: `The report as ${format.toUpperCase()}`,
          params: Type.Object({ reportId: Uuid }),
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await readReportFile(ctxOf(services, request), request.params.reportId, format),
          format,
        ),
    );
  }
  app.get(
    '/reports/:reportId/csv/:table',
    {
      schema: {
        tags,
        summary: 'One table of the report as CSV (see the report’s files.csv)',
        params: Type.Object({ reportId: Uuid, table: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await readReportFile(ctxOf(services, request), request.params.reportId, 'csv', request.params.table),
        'csv',
      ),
  );

  app.get(
    '/report-subscriptions',
    {
      schema: {
        tags,
        summary: 'Who receives the weekly report by e-mail',
        response: { 200: List(ReportSubscriptionView), ...Reads },
      },
    },
    (request) => listReportSubscriptions(ctxOf(services, request)),
  );
  app.post(
    '/report-subscriptions',
    {
      schema: {
        tags,
        summary: 'Send the weekly report to an address (again, if it was there before)',
        body: ReportSubscriptionInput,
        response: { 201: ReportSubscriptionView, ...Reads },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await subscribeToReports(ctxOf(services, request), request.body)),
  );
  app.delete(
    '/report-subscriptions/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'Stop sending the weekly report to an address',
        params: Type.Object({ subscriptionId: Uuid }),
        response: { 204: Type.Null(), ...Reads },
      },
    },
    async (request, reply) => {
      await unsubscribeFromReports(ctxOf(services, request), request.params.subscriptionId);
      return reply.code(204).send(null);
    },
  );
};

// The HTML report opens in the browser but may run nothing and load nothing: it is
// self-contained, and this policy keeps it so even if a stored file were tampered with.
function sendFile(
  reply: FastifyReply,
  file: { bytes: Uint8Array; contentType: string; fileName: string },
  format: ReportFileFormat,
) {
  reply
    .type(file.contentType)
    .header(
      'content-disposition',
      `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
    )
    .header('x-content-type-options', 'nosniff');
  if (format === 'html')
    reply.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    );
  return reply.send(Buffer.from(file.bytes));
}
