import { randomUUID } from 'node:crypto';
import { inTenant } from '../../db/scope.js';
import { CSV_CONTENT_TYPE, tablesToXlsx, tableToCsv, XLSX_CONTENT_TYPE } from '../../exports/index.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { gatherWeeklyReport } from './gather-weekly-report.js';
import { renderReportHtml } from './render-report-html.js';
import { renderReportPdf } from './render-report-pdf.js';
import { reportTables } from './report-tables.js';
import { type QualityReportRow, summaryOf, toReportView } from './report-view.js';
import { checkReportPeriod, type ReportPeriod, type WeeklyQualityReport } from './weekly-report.js';

export interface GenerateOptions {
  /** Keep a report already stored for the period instead of making it again (the schedule). Default false. */
  keepExisting?: boolean;
}

/** The files of one report: what the CLI writes to a folder and the storage keeps. */
export interface RenderedReport {
  report: WeeklyQualityReport;
  baseName: string;
  html: string;
  pdf: Buffer;
  xlsx: Buffer;
  csv: Array<{ table: string; title: string; text: string }>;
}

/** Gathers and renders the report of a period: HTML, PDF and its tables as XLSX and CSV. */
export async function renderWeeklyReport(ctx: Ctx, period: ReportPeriod): Promise<RenderedReport> {
  const report = await gatherWeeklyReport(ctx, period);
  const tables = reportTables(report);
  const [pdf, xlsx] = await Promise.all([renderReportPdf(report), tablesToXlsx(tables)]);
  return {
    report,
    baseName: `weekly-report-${report.period.from}-${report.period.to}`,
    html: renderReportHtml(report),
    pdf,
    xlsx,
    // With a byte order mark: the CSVs are for spreadsheets, which otherwise misread accents.
    csv: tables.map((t) => ({ table: t.slug, title: t.name, text: tableToCsv(t, { bom: true }) })),
  };
}

/**
 * Makes the weekly quality report of a period and stores it: the files in the file storage,
 * one row per tenant and period. Generating a period again replaces the files of the same
 * row (same id), unless `keepExisting`, which returns the stored report untouched.
 */
export async function generateWeeklyReport(ctx: Ctx, input: ReportPeriod, options: GenerateOptions = {}) {
  requirePermission(ctx, 'reports:manage');
  const period = checkReportPeriod(input);
  const tenantId = ctx.principal.tenantId;
  const existing = await inTenant(ctx.db, tenantId, (tx) =>
    tx
      .selectFrom('quality_reports')
      .selectAll()
      .where('kind', '=', 'weekly')
      .where('period_from', '=', period.from)
      .where('period_to', '=', period.to)
      .executeTakeFirst(),
  );
  if (existing && options.keepExisting) return { report: toReportView(existing), created: false };

  const rendered = await renderWeeklyReport(ctx, period);
  const folder = `${tenantId}/reports/${rendered.baseName}`;
  const key = (name: string) => `${folder}/${name}`;
  const csvKeys = rendered.csv.map((c) => ({ table: c.table, title: c.title, key: key(`${c.table}.csv`) }));
  await Promise.all([
    ctx.files.put(key('report.html'), Buffer.from(rendered.html), 'text/html; charset=utf-8'),
    ctx.files.put(key('report.pdf'), rendered.pdf, 'application/pdf'),
    ctx.files.put(key('report.xlsx'), rendered.xlsx, XLSX_CONTENT_TYPE),
    ...rendered.csv.map((c, i) =>
      ctx.files.put(csvKeys[i]?.key as string, Buffer.from(c.text), CSV_CONTENT_TYPE),
    ),
  ]);
  // A table the new run no longer has (a week without reviews) must not leave its old CSV behind.
  const stale = ((existing?.csv_keys ?? []) as Array<{ key: string }>).filter(
    (old) => !csvKeys.some((c) => c.key === old.key),
  );
  await Promise.all(stale.map((old) => ctx.files.delete(old.key)));

  const values = {
    currency: rendered.report.currency,
    html_key: key('report.html'),
    pdf_key: key('report.pdf'),
    xlsx_key: key('report.xlsx'),
    csv_keys: JSON.stringify(csvKeys),
    summary: JSON.stringify(summaryOf(rendered.report)),
    generated_at: ctx.clock(),
  };
  const row: QualityReportRow = await inTenant(ctx.db, tenantId, (tx) =>
    tx
      .insertInto('quality_reports')
      .values({
        id: randomUUID(),
        tenant_id: tenantId,
        kind: 'weekly',
        period_from: period.from,
        period_to: period.to,
        ...values,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'period_from', 'period_to']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return { report: toReportView(row), created: !existing, rendered };
}

/** Reads the row again by id inside the tenant, for callers that only hold the id. */
export async function loadReportRow(ctx: Ctx, id: string): Promise<QualityReportRow | undefined> {
  return inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.selectFrom('quality_reports').selectAll().where('id', '=', id).executeTakeFirst(),
  );
}
