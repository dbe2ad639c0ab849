import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseCategory,
  type Channel,
  type ConversationKind,
  DEFAULT_CATEGORY,
  INITIAL_CONVERSATION_STATUS,
  type MessageTriage,
} from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { assignByRouting } from '../routing/assign-case.js';
import { customerStanding, startingPriority } from '../routing/customer-standing.js';
import { updateCaseClocks } from '../sla/case-clocks.js';
import { emotionsOf } from '../triage/triage-inbound.js';

export interface NewConversation {
  kind: ConversationKind;
  /** What the case is about; when not given, what triage read in the first message, else the kind's default. */
  category?: CaseCategory | null;
  complaintType?: string | null;
  subject?: string | null;
  channel: Channel;
  language: string;
  customerId: string;
  orderId?: string | null;
  storeId?: string | null;
  inboxId?: string | null;
  teamId?: string | null;
  by: Actor;
  /** The case this one grew out of: a complaint about a return, a follow-up of a closed case. */
  relatedCaseId?: string | null;
  relation?: 'opened_from' | 'related';
  /** The triage of the customer's first message: category, mood, and whether they are upset. */
  triage?: MessageTriage | null;
  /**
   * Hold the case back from routing and clocks: the assistant tries to answer first
   * (`answerOrHandOff`), and the case reaches a person, with its clocks, only if it cannot.
   */
  selfServe?: boolean;
}

/**
 * Opens a help-desk case: its priority from who the customer is (VIP, past complaints,
 * order value) and how they feel, a link to the case it came from, an agent (a senior
 * one for an upset customer) or a queue, and its clocks. Shared by every way in (API, web
 * form, e-mail, chat), inside the caller's transaction.
 */
export async function openConversationCase(tx: Tx, tenantId: string, input: NewConversation, at: Date) {
  const iso = at.toISOString();
  const [standing, order] = await Promise.all([
    customerStanding(tx, input.customerId, at),
    input.orderId
      ? tx
          .selectFrom('orders')
          .select(['total_minor', 'store_id'])
          .where('id', '=', input.orderId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const triage = input.triage ?? null;
  const upset = triage?.upset ?? false;
  const category = input.category ?? triage?.category ?? DEFAULT_CATEGORY[input.kind];
  const { priority, reasons } = startingPriority(standing, order ? Number(order.total_minor) : null, upset);
  const row = (await tx
    .insertInto('cases')
    .values({
      id: randomUUID(),
      tenant_id: tenantId,
      kind: input.kind,
      status: INITIAL_CONVERSATION_STATUS,
      category,
      complaint_type: input.complaintType ?? null,
      subject: input.subject ?? null,
      channel: input.channel,
      language: input.language,
      priority,
      customer_id: input.customerId,
      order_id: input.orderId ?? null,
      store_id: input.storeId ?? order?.store_id ?? null,
      inbox_id: input.inboxId ?? null,
      team_id: input.teamId ?? null,
      ...(triage
        ? { intent: triage.intent.label, sentiment: triage.sentiment.score, emotions: emotionsOf(triage) }
        : {}),
      created_by_type: input.by.type,
      created_by_id: input.by.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as CaseRow;
  await appendEvents(tx, [
    {
      tenant_id: tenantId,
      stream: 'case',
      stream_id: row.id,
      type: 'case.opened',
      actor_type: input.by.type,
      actor_id: input.by.id,
      reason: null,
      data: {
        kind: row.kind,
        category: row.category,
        channel: row.channel,
        priority,
        priorityReasons: reasons,
        ...(triage ? { intent: triage.intent.label, categorySuggested: input.category == null } : {}),
        relatedCaseId: input.relatedCaseId ?? null,
      },
    },
  ]);
  if (input.relatedCaseId) {
    await tx
      .insertInto('case_links')
      .values([
        {
          tenant_id: tenantId,
          case_id: row.id,
          linked_case_id: input.relatedCaseId,
          relation: input.relation ?? 'opened_from',
        },
        { tenant_id: tenantId, case_id: input.relatedCaseId, linked_case_id: row.id, relation: 'related' },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (input.selfServe) return row;
  await assignByRouting(tx, row, { at: iso, dedicatedAgentId: standing.dedicatedAgentId, senior: upset });
  await updateCaseClocks(tx, row, { type: 'opened', at });
  return row;
}
