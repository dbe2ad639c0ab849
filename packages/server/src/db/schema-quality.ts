import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** An early warning (migration 0015): a return-rate spike or a complaint cluster of one subject in one week. */
export interface QualityAlertsTable {
  id: string;
  tenant_id: string;
  kind: 'spike' | 'complaint_cluster';
  subject_type: 'sku' | 'batch' | 'supplier' | 'category';
  subject: string;
  /** The ISO week's Monday, 'YYYY-MM-DD'. */
  week: string;
  events: number;
  units: number;
  baseline_events: number;
  baseline_units: number;
  rate: number;
  baseline_rate: number;
  p_value: number;
  q_value: number;
  plan: 'recall' | 'improvement' | null;
  top_reasons: ColumnType<Array<{ reason: string; count: number }>, string, string>;
  comments: ColumnType<AlertComment[], string, string>;
  status: Generated<'open' | 'acknowledged' | 'closed'>;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A customer's own words about the subject, shown with an alert. */
export interface AlertComment {
  source: 'case' | 'message' | 'review';
  text: string;
  at: string;
}

/** Kysely types of the quality alerts and risk (migration 0015). */
export interface QualityTables {
  quality_alerts: QualityAlertsTable;
}
