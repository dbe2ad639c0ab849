import type { Selectable } from 'kysely';
import type { QualityReportsTable, StoredCsv } from '../../db/schema-reports.js';
import type { Figure, HeadlineMeasure, WeeklyQualityReport } from './weekly-report.js';

/** The headline figures kept beside the files, for lists and mail. */
export interface ReportSummary {
  tenantName: string;
  currency: string;
  headline: Record<HeadlineMeasure, Figure>;
  alerts: number;
  reviews: { reviews: number; negative: number } | null;
}

export function summaryOf(report: WeeklyQualityReport): ReportSummary {
  return {
    tenantName: report.tenantName,
    currency: report.currency,
    headline: report.headline,
    alerts: report.alerts.length,
    reviews: report.reviews ? { reviews: report.reviews.reviews, negative: report.reviews.negative } : null,
  };
}

export type QualityReportRow = Selectable<QualityReportsTable>;

/** A stored report as the API shows it: its period, headline summary and where its files are. */
export function toReportView(row: QualityReportRow) {
  const base = `/api/v1/reports/${row.id}`;
  return {
    id: row.id,
    kind: row.kind,
    from: row.period_from,
    to: row.period_to,
    currency: row.currency,
    summary: row.summary as ReportSummary,
    generatedAt: new Date(row.generated_at).toISOString(),
    mailedAt: row.mailed_at ? new Date(row.mailed_at).toISOString() : null,
    mailedTo: Number(row.mailed_to),
    files: {
      html: `${base}/html`,
      pdf: `${base}/pdf`,
      xlsx: `${base}/xlsx`,
      csv: (row.csv_keys as StoredCsv[]).map((c) => ({
        table: c.table,
        title: c.title,
        url: `${base}/csv/${c.table}`,
      })),
    },
  };
}
export type ReportView = ReturnType<typeof toReportView>;
