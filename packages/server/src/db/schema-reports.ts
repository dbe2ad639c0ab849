import type { ColumnType, Generated } from 'kysely';

type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** One stored CSV of a report's appendix. */
export interface StoredCsv {
  /** The table's slug, as the API names it (`return-rate-by-category`). */
  table: string;
  title: string;
  key: string;
}

export interface QualityReportsTable {
  id: string;
  tenant_id: string;
  kind: Generated<'weekly'>;
  /** 'YYYY-MM-DD', inclusive. */
  period_from: string;
  /** 'YYYY-MM-DD', exclusive. */
  period_to: string;
  currency: string;
  html_key: string;
  pdf_key: string;
  xlsx_key: string;
  csv_keys: Json<StoredCsv[]>;
  /** The headline figures (app/reports/report-view.ts, ReportSummary). */
  summary: Json<unknown>;
  mailed_at: Date | null;
  mailed_to: Generated<number>;
  generated_at: ColumnType<Date, Date | string, Date | string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ReportSubscriptionsTable {
  id: string;
  tenant_id: string;
  email: string;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Kysely types of the weekly reports and subscriptions (migration 0016). */
export interface ReportTables {
  quality_reports: QualityReportsTable;
  report_subscriptions: ReportSubscriptionsTable;
}
