import type { StoredCsv } from '../../db/schema-reports.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { requireStaff } from '../staff.js';
import { loadReportRow } from './generate-weekly-report.js';

export type ReportFileFormat = 'html' | 'pdf' | 'xlsx' | 'csv';

/** One file of a stored report, with the name a download should get. `table` picks the CSV. */
export async function readReportFile(ctx: Ctx, id: string, format: ReportFileFormat, table?: string) {
  requireStaff(ctx, 'measures:read');
  const row = await loadReportRow(ctx, id);
  if (!row) throw notFound('The report');
  const csv = format === 'csv' ? (row.csv_keys as StoredCsv[]).find((c) => c.table === table) : undefined;
  if (format === 'csv' && !csv) throw notFound('The report table');
  const key =
    format === 'html'
      ? row.html_key
      : format === 'pdf'
        ? row.pdf_key
        : format === 'xlsx'
          ? row.xlsx_key
          : (csv?.key as string);
  const file = await ctx.files.get(key);
  if (!file) throw notFound('The report file');
  const base = `weekly-report-${row.period_from}-${row.period_to}`;
  return { ...file, fileName: format === 'csv' ? `${base}-${table}.csv` : `${base}.${format}` };
}
