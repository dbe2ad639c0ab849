import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseKind,
  type CaseStatus,
  type Channel,
  isTerminal,
  type MessageTriage,
} from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import {
  appendMessage,
  attachFiles,
  emailThread,
  findMessageByClientId,
} from '../../db/repositories/messages.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { advanceCase } from '../cases/advance-case.js';
import type { Services } from '../context.js';
import { conflict, invalid } from '../errors.js';
import { updateCaseClocks } from '../sla/case-clocks.js';
import { followUpAnswered } from '../triage/self-service.js';
import { caseTriage, messageTriageColumns, triageInbound, writtenIn } from '../triage/triage-inbound.js';

export type Direction = 'inbound' | 'outbound' | 'note';

/** One message to store on a case, from any way in. */
export interface NewCaseMessage {
  direction: Direction;
  channel: Channel;
  author: Actor & { name?: string | null };
  body: string;
  originalBody?: string | null;
  subject?: string | null;
  language?: string | null;
  clientMessageId?: string | null;
  attachmentIds?: string[];
  /** Inbound mail: its own ids, so replies thread and a redelivery is recognised. */
  email?: { messageId: string | null; inReplyTo: string | null; references: string[] } | null;
  /** Auto-replies, bounces and bulk mail: stored for the record, never answered. */
  automated?: 'auto_reply' | 'bounce' | 'bulk' | null;
  /** A notice written for a case event (the notifier's idempotency key). */
  sourceEventId?: number | null;
  /** The triage of an inbound message, when the caller already ran it (to open its case). */
  triage?: MessageTriage | null;
}

const fromCustomer = (m: NewCaseMessage) =>
  m.direction === 'inbound' && m.author.type === 'customer' && !m.automated;
const toCustomer = (m: NewCaseMessage) => m.direction === 'outbound' && m.author.type !== 'customer';
// A person's answer (or the shop's system acting for one) stops the response clock; an
// automatic notice such as "we received your message" does not.
const answersCustomer = (m: NewCaseMessage) =>
  toCustomer(m) && (m.author.type === 'agent' || m.author.type === 'integration');

/**
 * Stores a message on a case inside the caller's transaction, with what it means for the
 * case: a customer's answer resumes a case waiting on them, an agent's reply stops the
 * response clock, a reply by mail is queued for delivery with its threading headers.
 * A client message id already stored returns the first copy instead (`duplicate`).
 */
export async function addMessage(
  services: Services,
  tx: Tx,
  c: CaseRow,
  m: NewCaseMessage,
  customerEmail: string | null,
): Promise<{ messageId: string; duplicate: boolean }> {
  if (m.clientMessageId) {
    const first = await findMessageByClientId(tx, c.id, m.clientMessageId);
    if (first) return { messageId: first.id, duplicate: true };
  }
  if (isTerminal(c.status as CaseStatus) && m.direction !== 'note')
    throw conflict(`Case ${c.number} is ${c.status}; start a new conversation instead.`);
  const at = services.clock();
  const id = randomUUID();
  const mailOut = toCustomer(m) && m.channel === 'email';
  if (mailOut && !customerEmail)
    throw invalid('The customer has no e-mail address; reply on another channel.', [
      { field: '/channel', message: 'No e-mail address is known for this customer.' },
    ]);
  const thread = mailOut ? await emailThread(tx, c.id) : [];
  // Every inbound message a person wrote is read as it is stored.
  const triage =
    m.direction === 'inbound' && !m.automated
      ? (m.triage ?? (await triageInbound(services, tx, c.tenant_id, m.body)))
      : null;
  const detected = triage ? writtenIn(triage) : null;
  const triaged = triage ? caseTriage(c, triage) : undefined;
  const stored = await appendMessage(
    tx,
    {
      id,
      tenant_id: c.tenant_id,
      case_id: c.id,
      customer_id: c.customer_id,
      direction: m.direction,
      channel: m.channel,
      author_type: m.author.type,
      author_id: m.author.id,
      author_name: m.author.name ?? null,
      subject: m.subject ?? null,
      body: m.body,
      original_body: m.originalBody ?? null,
      language: m.language ?? detected,
      automated: m.automated ?? null,
      email_message_id: mailOut ? `<${id}@${services.config.mailDomain}>` : (m.email?.messageId ?? null),
      in_reply_to: mailOut ? (thread.at(-1) ?? null) : (m.email?.inReplyTo ?? null),
      email_references: mailOut ? thread.slice(-20) : (m.email?.references ?? []),
      client_message_id: m.clientMessageId ?? null,
      source_event_id: m.sourceEventId ?? null,
      recipient: mailOut ? customerEmail : null,
      delivery_state: mailOut ? 'queued' : null,
      next_attempt_at: mailOut ? at : null,
      ...(triage ? messageTriageColumns(triage) : {}),
    },
    triaged,
  );
  if (stored === null) {
    // Another request stored the same client message id a moment ago.
    const first = await findMessageByClientId(tx, c.id, m.clientMessageId as string);
    if (first) return { messageId: first.id, duplicate: true };
    throw conflict('The message could not be stored; try again.');
  }
  const attached = await attachFiles(tx, c.id, id, m.attachmentIds ?? []);
  if (attached !== (m.attachmentIds?.length ?? 0))
    throw invalid('An attachment was not found or belongs to another message.', [
      { field: '/attachmentIds', message: 'Upload each file with POST /evidence and attach it once.' },
    ]);
  await appendEvents(tx, [
    ...(triaged?.priority
      ? [
          {
            tenant_id: c.tenant_id,
            stream: 'case',
            stream_id: c.id,
            type: 'case.priority_raised',
            actor_type: 'system',
            actor_id: null,
            reason: 'The customer is upset.',
            data: { priority: triaged.priority, reasons: ['negative_sentiment'], messageId: id },
          },
        ]
      : []),
    {
      tenant_id: c.tenant_id,
      stream: 'case',
      stream_id: c.id,
      type:
        m.direction === 'note'
          ? 'message.noted'
          : m.direction === 'inbound'
            ? 'message.received'
            : 'message.sent',
      actor_type: m.author.type,
      actor_id: m.author.id,
      reason: null,
      // Ids and channel only: the body is personal data and lives in the messages table.
      data: { messageId: id, channel: m.channel, automated: m.automated ?? null },
    },
  ]);
  // The assistant answered and the customer wrote again: thanks close it, anything else goes to a person.
  if (c.self_service === 'answered' && c.status === 'open' && fromCustomer(m) && triage)
    await followUpAnswered(services, tx, c, triage, at);
  else await reactToMessage(tx, c, m, at);
  return { messageId: id, duplicate: false };
}

// What a message does to the case besides being stored.
async function reactToMessage(tx: Tx, c: CaseRow, m: NewCaseMessage, at: Date) {
  const by = { type: m.author.type, id: m.author.id };
  if (answersCustomer(m)) {
    if (!c.first_response_at)
      await tx.updateTable('cases').set({ first_response_at: at }).where('id', '=', c.id).execute();
    await updateCaseClocks(tx, c, { type: 'agent_replied', at });
    return;
  }
  if (!fromCustomer(m)) return;
  const snapshot = { id: c.id, kind: c.kind as CaseKind, status: c.status as CaseStatus, version: c.version };
  // The customer answered what was asked: the case (and its paused clocks) carries on.
  if (c.status === 'pending_info') {
    const next = await advanceCase(tx, c.tenant_id, snapshot, {
      type: 'provide_info',
      by,
      at: at.toISOString(),
    });
    await updateCaseClocks(tx, c, { type: 'status_changed', from: 'pending_info', to: next.status, at });
  } else if (c.status === 'solved') {
    const next = await advanceCase(tx, c.tenant_id, snapshot, {
      type: 'reopen',
      by,
      at: at.toISOString(),
      reason: 'The customer wrote again.',
    });
    await tx.updateTable('cases').set({ solved_at: null }).where('id', '=', c.id).execute();
    await updateCaseClocks(tx, c, { type: 'status_changed', from: 'solved', to: next.status, at });
  }
  await updateCaseClocks(tx, c, { type: 'customer_wrote', at });
}
