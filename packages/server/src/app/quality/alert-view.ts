import type { AlertView } from '@afterdesk/contract';
import type { Selectable } from 'kysely';
import type { QualityAlertsTable } from '../../db/schema-quality.js';

/** The API's view of a stored alert. */
export function toAlertView(row: Selectable<QualityAlertsTable>): AlertView {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subject: row.subject,
    week: row.week,
    events: Number(row.events),
    units: Number(row.units),
    baselineEvents: Number(row.baseline_events),
    baselineUnits: Number(row.baseline_units),
    rate: Number(row.rate),
    baselineRate: Number(row.baseline_rate),
    ratio: Number(row.baseline_rate) > 0 ? Number(row.rate) / Number(row.baseline_rate) : 0,
    pValue: Number(row.p_value),
    qValue: Number(row.q_value),
    plan: row.plan,
    topReasons: row.top_reasons,
    comments: row.comments,
    status: row.status,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
