import {
  type CaseKind,
  type CaseStatus,
  type Channel,
  composeSelfServiceAnswer,
  type HandoffReason,
  handoffSummary,
  type MessageTriage,
  selfServiceChoice,
} from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { advanceCase } from '../cases/advance-case.js';
import type { Services } from '../context.js';
import { addMessage } from '../conversations/add-message.js';
import { assignByRouting } from '../routing/assign-case.js';
import { customerStanding } from '../routing/customer-standing.js';
import { loadHelpDeskSettings } from '../settings/help-desk-settings.js';
import { updateCaseClocks } from '../sla/case-clocks.js';
import { loadSelfServiceFacts } from './self-service-facts.js';
import { emotionsOf } from './triage-inbound.js';

// Self-service: the customer's first message is answered at once from live data and
// the knowledge base when triage is sure what they want; otherwise, or when they write
// again, the case goes to a person with a summary, and its service clocks start then.

const ASSISTANT = { type: 'system' as const, id: null, name: 'Afterdesk assistant' };

/** Whether to hold a new case back from routing so the assistant can try first. */
export async function mayServeItself(tx: Tx, triage: MessageTriage): Promise<boolean> {
  const { selfService } = await loadHelpDeskSettings(tx);
  return selfService.enabled && selfServiceChoice(triage, selfService.minConfidence).try;
}

/**
 * Answers the first message of a case held back by `mayServeItself`, or hands it over.
 * Inside the caller's transaction, after the message is stored.
 */
export async function answerOrHandOff(
  services: Services,
  tx: Tx,
  c: CaseRow,
  input: { triage: MessageTriage; text: string; customerEmail: string | null },
  at: Date,
): Promise<'answered' | 'handed_off'> {
  const facts = await loadSelfServiceFacts(tx, c, input, at);
  const answer = composeSelfServiceAnswer(input.triage.intent.label, facts);
  if (!answer || (c.channel === 'email' && !input.customerEmail)) {
    await handOff(services, tx, c, { reason: 'no_answer', triage: input.triage, answered: [] }, at);
    return 'handed_off';
  }
  await addMessage(
    services,
    tx,
    c,
    {
      direction: 'outbound',
      channel: c.channel as Channel,
      author: ASSISTANT,
      subject: answer.subject,
      body: answer.body,
      language: answer.language,
    },
    input.customerEmail,
  );
  await tx.updateTable('cases').set({ self_service: 'answered' }).where('id', '=', c.id).execute();
  await appendEvents(tx, [
    caseEvent(c, 'case.self_served', null, {
      intent: input.triage.intent.label,
      answer: answer.kind,
      summary: answer.summary,
    }),
  ]);
  return 'answered';
}

/**
 * What a customer's new message does to a case the assistant answered: thanks close it; any
 * other word means the answer was not enough, and a person takes over.
 */
export async function followUpAnswered(
  services: Services,
  tx: Tx,
  c: CaseRow,
  triage: MessageTriage,
  at: Date,
) {
  if (triage.intent.label === 'feedback' && triage.sentiment.score > 0.2 && !triage.upset) {
    await advanceCase(
      tx,
      c.tenant_id,
      { id: c.id, kind: c.kind as CaseKind, status: c.status as CaseStatus, version: c.version },
      {
        type: 'solve',
        by: { type: 'system', id: null },
        at: at.toISOString(),
        reason: 'The customer was satisfied with the automatic answer.',
      },
    );
    await tx.updateTable('cases').set({ solved_at: at }).where('id', '=', c.id).execute();
    return;
  }
  const answered = await tx
    .selectFrom('events')
    .select('data')
    .where('stream', '=', 'case')
    .where('stream_id', '=', c.id)
    .where('type', '=', 'case.self_served')
    .orderBy('id')
    .execute();
  const reason: HandoffReason =
    triage.intent.label === 'contact_human' ? 'asked_for_person' : triage.upset ? 'upset' : 'wrote_again';
  await handOff(
    services,
    tx,
    c,
    {
      reason,
      triage,
      answered: answered.map((e) => String((e.data as { summary?: unknown }).summary ?? '')),
    },
    at,
  );
}

/**
 * Gives a case to a person: routed (to a senior agent when the customer is upset), its
 * clocks started now, and, when the customer already had an answer or asked for more, an
 * internal note saying what they want and what the assistant told them, so nobody asks twice.
 */
async function handOff(
  services: Services,
  tx: Tx,
  c: CaseRow,
  input: { reason: HandoffReason; triage: MessageTriage; answered: string[] },
  at: Date,
) {
  const [standing, order] = await Promise.all([
    customerStanding(tx, c.customer_id, at),
    c.order_id
      ? tx.selectFrom('orders').select('number').where('id', '=', c.order_id).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  await assignByRouting(tx, c, {
    at: at.toISOString(),
    dedicatedAgentId: standing.dedicatedAgentId,
    senior: input.triage.upset,
  });
  await updateCaseClocks(tx, c, { type: 'opened', at });
  await tx
    .updateTable('cases')
    .set(
      c.self_service === 'answered'
        ? { self_service: 'handed_off', handed_off_at: at }
        : { handed_off_at: at },
    )
    .where('id', '=', c.id)
    .execute();
  await appendEvents(tx, [caseEvent(c, 'case.handed_off', null, { reason: input.reason })]);
  // Straight from a failed try, the customer's own message says it all; after an answer, the
  // agent needs to know what the assistant already said.
  if (input.answered.length === 0 && input.reason === 'no_answer') return;
  const { intent, sentiment } = input.triage;
  await addMessage(
    services,
    tx,
    c,
    {
      direction: 'note',
      channel: c.channel as Channel,
      author: ASSISTANT,
      body: handoffSummary({
        reason: input.reason,
        intent: intent.label,
        confidence: intent.confidence,
        sentiment: sentiment.score,
        emotions: emotionsOf(input.triage),
        orderNumber: order?.number ?? null,
        answered: input.answered,
      }),
    },
    null,
  );
}

function caseEvent(c: CaseRow, type: string, reason: string | null, data: Record<string, unknown>) {
  return {
    tenant_id: c.tenant_id,
    stream: 'case',
    stream_id: c.id,
    type,
    actor_type: 'system',
    actor_id: null,
    reason,
    data,
  };
}
