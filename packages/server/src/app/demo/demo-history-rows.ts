import { createHash, randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseClock,
  type CaseStatus,
  type ClockSetting,
  type ClockTrigger,
  DEFAULT_CATEGORY,
  earliestDue,
  INITIAL_CASE_STATUS,
  INITIAL_CONVERSATION_STATUS,
  isReturnKind,
  isTerminal,
  type MessageTriage,
  planClocks,
  RESOLVED_STATUSES,
} from '@afterdesk/core';
import type { Insertable } from 'kysely';
import type { Database, NewEvent } from '../../db/schema.js';
import type { DemoHistoryCase } from '../../demo/index.js';
import { eventRow, planTransitions } from '../cases/advance-case.js';
import { toClockRow } from '../sla/case-clocks.js';
import { emotionsOf, messageTriageColumns, writtenIn } from '../triage/triage-inbound.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Everything one history case writes, in the shapes the real use cases write them. */
export interface CaseRows {
  case: Row<'cases'>;
  items: Row<'case_items'>[];
  decision: Row<'decisions'> | null;
  inspection: Row<'inspections'> | null;
  refund: Row<'refunds'> | null;
  clocks: Row<'case_clocks'>[];
  messages: Row<'messages'>[];
  survey: Row<'surveys'> | null;
  events: NewEvent[];
}

/** What the rows of one case point at, resolved by the seed from what it stored. */
export interface CaseRefs {
  tenantId: string;
  orderId: string;
  customerId: string;
  storeId: string;
  customerName: string | null;
  paymentId: string | null;
  lineIds: Map<string, string>;
  agent: { id: string; name: string; teamId: string | null };
  policyVersion: number;
  clockSetting: ClockSetting;
  triage: (text: string) => MessageTriage;
}

const SYSTEM: Actor = { type: 'system', id: null };

/**
 * Turns one planned case into rows: its steps go through the life-cycle machine (so the
 * statuses and event types are the real ones), its clocks through the SLA plan (so hit and
 * missed are what the calendar says), its customer's words through triage.
 */
export function buildCaseRows(c: DemoHistoryCase, refs: CaseRefs): CaseRows {
  const caseId = randomUUID();
  const { tenantId } = refs;
  const agent: Actor = { type: 'agent', id: refs.agent.id };
  const customer: Actor = { type: 'customer', id: refs.customerId };
  const actorOf = (by: 'system' | 'agent' | 'customer') =>
    by === 'agent' ? agent : by === 'customer' ? customer : SYSTEM;
  const returnKind = isReturnKind(c.kind);
  const start = returnKind ? INITIAL_CASE_STATUS : INITIAL_CONVERSATION_STATUS;
  const { snapshot, events: machine } = planTransitions(
    { id: caseId, kind: c.kind, status: start, version: 1 },
    c.steps.map((s) => ({ type: s.type, by: actorOf(s.by), at: s.at, reason: s.reason, data: s.data ?? {} })),
  );
  const event = (
    type: string,
    at: string,
    by: Actor,
    data: Record<string, unknown>,
    reason: string | null = null,
  ): NewEvent => ({
    tenant_id: tenantId,
    stream: 'case',
    stream_id: caseId,
    type,
    actor_type: by.type,
    actor_id: by.id,
    reason,
    data,
    created_at: at,
  });
  const events: NewEvent[] = machine.map((e) => ({ ...eventRow(tenantId, e), created_at: e.at }));
  const handledByAgent = !returnKind || c.steps.some((s) => s.by === 'agent');
  const assignedAt = returnKind ? c.steps.find((s) => s.by === 'agent')?.at : c.createdAt;
  if (returnKind) {
    events.push(
      event('case.submitted', c.createdAt, customer, {
        kind: c.kind,
        orderId: refs.orderId,
        items: c.items.length,
      }),
      event('case.decided', c.createdAt, SYSTEM, {
        outcome: c.decision?.outcome,
        policyVersion: refs.policyVersion,
      }),
    );
  } else {
    events.push(
      event('case.opened', c.createdAt, customer, {
        kind: c.kind,
        category: c.category,
        channel: c.channel,
        priority: 'normal',
        priorityReasons: [],
        relatedCaseId: null,
      }),
    );
  }
  if (handledByAgent && assignedAt) {
    events.push(
      event('case.assigned', assignedAt, SYSTEM, {
        assigneeId: refs.agent.id,
        teamId: refs.agent.teamId,
        code: 'skills',
        candidates: 1,
      }),
    );
  }

  // Messages, triaged as they would have been on arrival.
  let firstResponse: string | null = null;
  let mood: { intent: string; sentiment: number; emotions: string[] } | null = null;
  const messages = c.messages.map((m, i) => {
    const id = randomUUID();
    const inbound = m.direction === 'inbound';
    const triage = inbound ? refs.triage(m.body) : null;
    if (triage)
      mood = { intent: triage.intent.label, sentiment: triage.sentiment.score, emotions: emotionsOf(triage) };
    if (!inbound && firstResponse === null) firstResponse = m.at;
    events.push(
      event(inbound ? 'message.received' : 'message.sent', m.at, inbound ? customer : agent, {
        messageId: id,
        channel: c.channel,
        automated: null,
      }),
    );
    return {
      id,
      tenant_id: tenantId,
      case_id: caseId,
      customer_id: refs.customerId,
      seq: i + 1,
      direction: m.direction,
      channel: c.channel,
      author_type: inbound ? 'customer' : 'agent',
      author_id: inbound ? refs.customerId : refs.agent.id,
      author_name: inbound ? refs.customerName : refs.agent.name,
      body: m.body,
      language: triage ? (writtenIn(triage) ?? c.language) : c.language,
      ...(triage ? messageTriageColumns(triage) : {}),
      ...(inbound ? {} : { delivery_state: 'sent', sent_at: m.at }),
      created_at: m.at,
    } satisfies Row<'messages'>;
  });

  // The service levels, planned trigger by trigger as the case went.
  const triggers: ClockTrigger[] = [{ type: 'opened', at: new Date(c.createdAt) }];
  for (const e of machine) {
    const by = e.actor.type === 'customer' ? ('customer' as const) : ('service' as const);
    triggers.push({ type: 'status_changed', from: e.from, to: e.to, at: new Date(e.at), by });
  }
  c.messages.forEach((m, i) => {
    if (m.direction === 'outbound') triggers.push({ type: 'agent_replied', at: new Date(m.at) });
    else if (i > 0) triggers.push({ type: 'customer_wrote', at: new Date(m.at) });
  });
  triggers.sort((a, b) => a.at.getTime() - b.at.getTime());
  const clocks = new Map<string, CaseClock>();
  for (const trigger of triggers) {
    for (const k of planClocks([...clocks.values()], trigger, refs.clockSetting))
      clocks.set(`${k.metric}/${k.cycle}`, k);
  }
  for (const k of clocks.values()) {
    if (k.state === 'missed' && k.breachedAt) {
      events.push(
        event(
          'sla.breached',
          k.breachedAt.toISOString(),
          SYSTEM,
          { metric: k.metric, cycle: k.cycle, assigneeId: refs.agent.id, priority: 'normal', actions: [] },
          k.rule,
        ),
      );
    }
  }

  const refundId = c.refund ? randomUUID() : null;
  if (c.refund && refundId) {
    const data = {
      refundId,
      amountMinor: c.refund.amountMinor,
      currency: c.currency,
      method: 'original_payment',
      provider: 'manual',
    };
    events.push(
      event('refund.requested', c.refund.at, agent, { ...data, status: 'pending' }),
      event('refund.succeeded', c.refund.at, SYSTEM, { ...data, status: 'succeeded' }),
    );
  }
  const surveyRow = c.survey && {
    id: randomUUID(),
    tenant_id: tenantId,
    case_id: caseId,
    agent_id: refs.agent.id,
    token_hash: createHash('sha256').update(randomUUID()).digest('hex'),
    language: c.language,
    score: c.survey.score,
    sent_at: c.survey.sentAt,
    answered_at: c.survey.answeredAt,
  };
  if (c.survey?.answeredAt && c.survey.score !== null) {
    events.push(
      event('survey.answered', c.survey.answeredAt, customer, { score: c.survey.score, hasComment: false }),
    );
  }

  const last = machine.at(-1);
  const resolvedAt = machine.find((e) => RESOLVED_STATUSES.includes(e.to))?.at ?? null;
  const status = snapshot.status as CaseStatus;
  const finalMood = mood as { intent: string; sentiment: number; emotions: string[] } | null;
  const items = c.items.map((i) => ({
    id: randomUUID(),
    tenant_id: tenantId,
    case_id: caseId,
    order_line_id: refs.lineIds.get(i.lineExternalId) ?? '',
    sku: i.sku,
    quantity: i.quantity,
    reason_code: i.reasonCode,
    conditions: [],
    goods_minor: i.refundableMinor,
    refundable_minor: i.refundableMinor,
  }));
  const refundable = c.items.reduce((sum, i) => sum + i.refundableMinor, 0);
  return {
    case: {
      id: caseId,
      tenant_id: tenantId,
      kind: c.kind,
      status,
      version: snapshot.version,
      store_id: refs.storeId,
      customer_id: refs.customerId,
      order_id: refs.orderId,
      language: c.language,
      channel: c.channel,
      category: c.category ?? DEFAULT_CATEGORY[c.kind],
      complaint_type: c.complaintType,
      assignee_id: handledByAgent ? refs.agent.id : null,
      team_id: handledByAgent ? refs.agent.teamId : null,
      policy_version: returnKind ? refs.policyVersion : null,
      refundable_minor: returnKind ? refundable : null,
      currency: returnKind ? c.currency : null,
      created_by_type: 'customer',
      created_by_id: refs.customerId,
      created_at: c.createdAt,
      updated_at: last?.at ?? c.createdAt,
      closed_at: isTerminal(status) ? (last?.at ?? null) : null,
      first_response_at: firstResponse ?? (returnKind ? (machine[0]?.at ?? null) : null),
      solved_at: !returnKind && status !== 'open' ? resolvedAt : null,
      sla_due_at: earliestDue([...clocks.values()]),
      last_message_seq: messages.length,
      ...(finalMood
        ? { intent: finalMood.intent, sentiment: finalMood.sentiment, emotions: finalMood.emotions }
        : {}),
    },
    items,
    decision: c.decision && {
      id: randomUUID(),
      tenant_id: tenantId,
      case_id: caseId,
      policy_version: refs.policyVersion,
      outcome: c.decision.outcome,
      result: JSON.stringify({
        outcome: c.decision.outcome,
        policyVersion: refs.policyVersion,
        reasons: [
          {
            code: c.decision.outcome === 'approve' ? 'auto_approved' : c.decision.outcome,
            message: c.decision.reason,
          },
        ],
        items: items.map((i) => ({
          lineId: i.order_line_id,
          quantity: i.quantity,
          goodsMinor: i.goods_minor,
          shippingRefundMinor: 0,
          refundableMinor: i.refundable_minor,
        })),
        refundableTotalMinor: refundable,
        currency: c.currency,
        fees: [],
        compensation: [],
        deadlines: { requestBy: null, shipBackBy: null },
        trace: [],
      }),
      created_at: c.createdAt,
    },
    inspection: c.inspection && {
      id: randomUUID(),
      tenant_id: tenantId,
      case_id: caseId,
      passed: c.inspection.passed,
      notes: c.inspection.notes,
      inspected_by: refs.agent.id,
      created_at: c.inspection.at,
    },
    refund:
      c.refund && refundId
        ? {
            id: refundId,
            tenant_id: tenantId,
            case_id: caseId,
            order_id: refs.orderId,
            payment_id: refs.paymentId,
            customer_id: refs.customerId,
            amount_minor: c.refund.amountMinor,
            currency: c.currency,
            method: 'original_payment',
            provider: 'manual',
            status: 'succeeded',
            attempts: 1,
            next_attempt_at: null,
            last_error: null,
            settled_at: c.refund.at,
            idempotency_key: `case:${caseId}:refund`,
            created_by: refs.agent.id,
            created_at: c.refund.at,
            updated_at: c.refund.at,
          }
        : null,
    clocks: [...clocks.values()].map((k) => toClockRow(tenantId, caseId, k)),
    messages,
    survey: surveyRow,
    events,
  };
}
