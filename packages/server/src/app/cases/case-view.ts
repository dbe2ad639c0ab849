import { allowedActions, type CaseKind, type CaseStatus, type Decision } from '@afterdesk/core';
import type { CaseViewRow } from '../../db/repositories/case-view.repository.js';
import type { CaseRow } from '../../db/schema.js';

// JSON built inside PostgreSQL carries timestamps as text in the session's zone.
const iso = (value: string | Date | null | undefined) =>
  value == null ? null : new Date(value).toISOString();

/** The list form of a case. */
export function toCaseSummary(row: CaseRow) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    version: row.version,
    orderId: row.order_id,
    customerId: row.customer_id,
    language: row.language,
    channel: row.channel,
    priority: row.priority,
    returnCode: row.return_code,
    refundableMinor: row.refundable_minor,
    currency: row.currency,
    category: row.category,
    subject: row.subject,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    slaDueAt: iso(row.sla_due_at),
    intent: row.intent,
    intentConfirmed: row.intent_confirmed,
    sentiment: row.sentiment,
    emotions: row.emotions,
    selfService: row.self_service as 'answered' | 'handed_off' | null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The full form of a case, as GET /cases/:id returns it. */
export function toCaseView(row: CaseViewRow) {
  const kind = row.kind;
  return {
    ...toCaseSummary(row),
    description: row.description,
    allowedActions: allowedActions(kind as CaseKind, row.status as CaseStatus, {
      returnless: (row.decision?.result as Partial<Decision> | undefined)?.returnless === true,
    }),
    complaintType: row.complaint_type,
    arbitrationGroup: row.arbitration_group,
    mergedIntoId: row.merged_into_id,
    messageCount: row.last_message_seq,
    links: row.links.map((l) => ({ caseId: l.linked_case_id, relation: l.relation })),
    clocks: row.clocks.map((k) => ({
      metric: k.metric,
      cycle: k.cycle,
      state: k.state,
      rule: k.rule,
      startedAt: iso(k.started_at) as string,
      dueAt: iso(k.due_at),
      warnAt: iso(k.warn_at),
      remainingMinutes: k.remaining_minutes,
      completedAt: iso(k.completed_at),
    })),
    items: row.items.map((i) => ({
      id: i.id,
      orderLineId: i.order_line_id,
      sku: i.sku,
      quantity: i.quantity,
      reasonCode: i.reason_code,
      description: i.description,
      conditions: i.conditions,
      replacement: (i.replacement as Record<string, unknown> | null) ?? null,
      refundableMinor: Number(i.refundable_minor),
    })),
    decision: row.decision ? (row.decision.result as Decision) : null,
    returnShipment: row.return_shipment
      ? {
          carrier: row.return_shipment.carrier,
          waybillNumber: row.return_shipment.waybill_number,
          shippedAt: iso(row.return_shipment.shipped_at),
          receivedAt: iso(row.return_shipment.received_at),
        }
      : null,
    refunds: row.refunds.map((r) => ({
      id: r.id,
      amountMinor: Number(r.amount_minor),
      currency: r.currency,
      method: r.method,
      provider: r.provider,
      status: r.status,
      lastError: r.last_error,
      createdAt: iso(r.created_at) as string,
    })),
    evidence: row.evidence.map((f) => ({
      id: f.id,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      caseItemId: f.case_item_id,
    })),
    rating:
      row.rating?.score != null
        ? {
            score: row.rating.score,
            comment: row.rating.comment,
            answeredAt: iso(row.rating.answered_at) as string,
          }
        : null,
    timeline: row.timeline.map((e) => ({
      id: Number(e.id),
      type: e.type,
      at: iso(e.created_at) as string,
      actorType: e.actor_type,
      actorId: e.actor_id,
      reason: e.reason,
      data: e.data as Record<string, unknown>,
    })),
  };
}
export type CaseViewModel = ReturnType<typeof toCaseView>;
