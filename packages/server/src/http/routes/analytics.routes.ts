import {
  CasesBehindQuery,
  CasesBehindView,
  ExchangeRatesInput,
  ExchangeRatesView,
  HeatMapQuery,
  HeatMapView,
  MeasuresQuery,
  MeasuresView,
  Problem,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { listCasesBehind } from '../../app/analytics/drill-down.js';
import { heatMap } from '../../app/analytics/heat-map.js';
import { listExchangeRates } from '../../app/analytics/list-exchange-rates.js';
import { casesTable, heatMapTable, measuresTable } from '../../app/analytics/measure-export.js';
import {
  DIMENSIONS,
  type Dimension,
  type MeasureName,
  type MeasureQuery,
  queryMeasures,
} from '../../app/analytics/measures.js';
import { setExchangeRates } from '../../app/analytics/set-exchange-rates.js';
import {
  CSV_CONTENT_TYPE,
  type ExportTable,
  tablesToXlsx,
  tableToCsv,
  XLSX_CONTENT_TYPE,
} from '../../exports/index.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };
const Download = Type.String({ description: 'CSV or XLSX when format asks for it' });

/** Measures, heat maps, drill-down, exports and exchange rates (issue 6, R-11, R-12). */
export const analyticsRoutes: Routes = (app, services) => {
  app.get(
    '/analytics/measures',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Any measure over a period, filtered and grouped by dimensions, from the rollups (docs/metrics.md)',
        querystring: MeasuresQuery,
        response: { 200: Type.Union([MeasuresView, Download]), ...Errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const query: MeasureQuery = {
        from: q.from,
        to: q.to,
        measures: listOf(q.measures).filter((m) => m !== '') as MeasureName[],
        groupBy: listOf(q.groupBy).filter((g) => g !== '') as MeasureQuery['groupBy'],
        filters: filtersOf(q),
        ...(q.currency ? { currency: q.currency } : {}),
      };
      const result = await queryMeasures(ctxOf(services, request), query);
      if (!q.format || q.format === 'json') return result;
      return download(
        reply,
        q.format,
        measuresTable(result, query.groupBy ?? [], query.measures),
        'measures',
      );
    },
  );

  app.get(
    '/analytics/heat-map',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Return rate by category (or country) and reason, with units returned and delivered (R-12.4)',
        querystring: HeatMapQuery,
        response: { 200: Type.Union([HeatMapView, Download]), ...Errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const view = await heatMap(ctxOf(services, request), {
        from: q.from,
        to: q.to,
        rows: q.rows ?? 'category',
        filters: filtersOf(q),
      });
      if (!q.format || q.format === 'json') return view;
      return download(reply, q.format, heatMapTable(view), 'heat-map');
    },
  );

  app.get(
    '/analytics/cases',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Drill-down: the cases created in a period that match the filters, newest first, paged',
        querystring: CasesBehindQuery,
        response: { 200: Type.Union([CasesBehindView, Download]), ...Errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const view = await listCasesBehind(ctxOf(services, request), {
        from: q.from,
        to: q.to,
        filters: filtersOf(q),
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      if (!q.format || q.format === 'json') return view;
      return download(reply, q.format, casesTable(view), 'cases');
    },
  );

  app.get(
    '/analytics/exchange-rates',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The reporting currency and the rates money is converted into it with',
        response: { 200: ExchangeRatesView, ...Errors },
      },
    },
    async (request) => listExchangeRates(ctxOf(services, request)),
  );

  app.put(
    '/analytics/exchange-rates',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Sets the reporting currency and upserts rates into it (by currency and valid-from day)',
        body: ExchangeRatesInput,
        response: { 200: ExchangeRatesView, ...Errors },
      },
    },
    async (request) => setExchangeRates(ctxOf(services, request), request.body),
  );
};

/** A repeated or comma-separated query parameter as a list; absent is empty. */
function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim());
}

function filtersOf(q: Partial<Record<Dimension, string | string[]>>): Partial<Record<Dimension, string[]>> {
  const filters: Partial<Record<Dimension, string[]>> = {};
  for (const d of DIMENSIONS) if (q[d] !== undefined) filters[d] = listOf(q[d]);
  return filters;
}

async function download(reply: FastifyReply, format: 'csv' | 'xlsx', table: ExportTable, name: string) {
  reply
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .header('x-content-type-options', 'nosniff');
  if (format === 'csv') return reply.type(CSV_CONTENT_TYPE).send(tableToCsv(table, { bom: true }));
  return reply.type(XLSX_CONTENT_TYPE).send(await tablesToXlsx([table]));
}
