import {
  type AutomatedEmail,
  caseTokenOf,
  classifyAutomatedEmail,
  type MessageTriage,
  trimQuotedReply,
} from '@afterdesk/core';
import { sql } from 'kysely';
import { type EmailAddress, type InboundEmail, logHash } from '../../channels/email/index.js';
import { findCase } from '../../db/repositories/cases.repository.js';
import { caseOfEmailIds, findMessage } from '../../db/repositories/messages.repository.js';
import type { CaseRow } from '../../db/schema.js';
import { inSystem, inTenant, type Tx } from '../../db/scope.js';
import type { Services } from '../context.js';
import { answerOrHandOff, mayServeItself } from '../triage/self-service.js';
import { triageInbound, writtenIn } from '../triage/triage-inbound.js';
import { addMessage } from './add-message.js';
import { findOrCreateCustomer } from './find-customer.js';
import { landCustomerMessage } from './land-customer-message.js';
import {
  type InspectedAttachment,
  inspectMailAttachments,
  skippedAttachmentsNote,
  storeMailAttachments,
} from './mail-attachments.js';
import { toMessageView } from './message-view.js';
import { openConversationCase } from './open-conversation-case.js';
import { recordBounce } from './record-bounce.js';

interface EmailInbox {
  id: string;
  tenant_id: string;
  store_id: string | null;
  team_id: string | null;
}

// A References header is written by the sender; a real thread names a few dozen at most.
const MAX_REFERENCES = 50;

/** Whether mail to `address` is ours: the SMTP receiver's RCPT TO check. */
export async function acceptsInboxAddress(services: Services, address: string): Promise<boolean> {
  return (await findEmailInboxes(services, [address])).length > 0;
}

/**
 * Files a received mail in every tenant whose e-mail inbox it was delivered to: on the
 * case it answers (by its threading headers, else the `[#1234]` subject token), or on a
 * new inquiry. Auto-replies and bulk mail are kept on their case but change nothing; a
 * bounce of our own mail marks that mail failed. A Message-ID already stored is an MTA
 * redelivery and is skipped. `delivered` counts the tenants whose records changed.
 */
export async function receiveEmail(services: Services, mail: InboundEmail): Promise<{ delivered: number }> {
  const inboxes = await findEmailInboxes(services, mail.envelope.recipients);
  // One copy per shop: a mail sent to two of its inboxes (To and Cc) is one message.
  const perTenant = new Map<string, EmailInbox>();
  for (const inbox of inboxes) if (!perTenant.has(inbox.tenant_id)) perTenant.set(inbox.tenant_id, inbox);
  if (perTenant.size === 0) return { delivered: 0 };
  const automated = classifyAutomatedEmail(mail.headers, mail.from?.address ?? null, mail.contentType);
  const files = automated.kind === 'bounce' ? [] : await inspectMailAttachments(mail.attachments);
  let delivered = 0;
  for (const inbox of perTenant.values()) {
    const outcome = await inTenant(services.db, inbox.tenant_id, (tx) =>
      fileMail(services, tx, { mail, inbox, automated, files }),
    );
    services.log.info(
      {
        inboxId: inbox.id,
        messageIdHash: logHash(mail.messageId),
        outcome: outcome.kind,
        ...(outcome.kind === 'dropped' ? { why: outcome.why } : {}),
        ...(automated.automated ? { automated: automated.kind } : {}),
      },
      'email: inbound mail filed',
    );
    if (outcome.kind === 'duplicate' || outcome.kind === 'dropped') continue;
    delivered += 1;
    publish(services, inbox.tenant_id, outcome);
  }
  return { delivered };
}

type Outcome =
  | { kind: 'duplicate' }
  | { kind: 'dropped'; why: string }
  | { kind: 'bounce'; caseRow: CaseRow }
  | {
      kind: 'stored';
      caseRow: CaseRow;
      opened: boolean;
      message: ReturnType<typeof toMessageView>;
    };

interface Filing {
  mail: InboundEmail;
  inbox: EmailInbox;
  automated: AutomatedEmail;
  files: InspectedAttachment[];
}

async function fileMail(
  services: Services,
  tx: Tx,
  { mail, inbox, automated, files }: Filing,
): Promise<Outcome> {
  if (mail.messageId && (await isStored(tx, mail.messageId))) return { kind: 'duplicate' };
  const at = services.clock();
  if (automated.kind === 'bounce') {
    const bounced = await recordBounce(tx, mail, at);
    if (bounced) return { kind: 'bounce', caseRow: (await findCase(tx, bounced.caseId)) as CaseRow };
  }
  const sender = senderOf(mail);
  const thread = await threadOf(tx, mail);
  const senderOwns = thread !== null && sender !== null && thread.customerEmail === sender.address;
  const body = trimQuotedReply(mail.text ?? '').reply.trim();
  // The subject often says more than a short body ("Where is my parcel?" over "Hello?").
  const triage = automated.automated
    ? null
    : await triageInbound(services, tx, inbox.tenant_id, [mail.subject, body].filter(Boolean).join('\n'));
  let target: CaseRow;
  let opened = false;
  let selfServe = false;
  if (automated.automated) {
    // A machine's mail never opens or reopens a case. Threading headers name our own
    // Message-IDs or the customer's, which outsiders cannot guess, so an out-of-office of a
    // colleague in Cc is welcome there; a subject token can be typed by anyone.
    const trusted = thread !== null && (thread.by === 'headers' || senderOwns);
    const landed = trusted ? await followMerges(tx, thread.caseRow) : null;
    if (!landed || landed.closed_at !== null)
      return { kind: 'dropped', why: 'automated mail that continues no open case' };
    target = landed;
  } else if (!sender) {
    return { kind: 'dropped', why: 'no sender address' };
  } else if (thread && senderOwns) {
    target = await landCustomerMessage(tx, thread.caseRow, 'email', at);
  } else {
    // A new conversation, also for a stranger quoting someone else's case token: nobody
    // writes into another customer's case by copying its subject.
    selfServe = triage !== null && (await mayServeItself(tx, triage));
    target = await openCase(tx, inbox, mail, sender, at, triage, selfServe);
    opened = true;
  }
  const owner = { tenantId: inbox.tenant_id, caseId: target.id, customerId: target.customer_id };
  const attachmentIds = await storeMailAttachments(services, tx, owner, files);
  const text = mail.text ?? '';
  const stored = await addMessage(
    services,
    tx,
    target,
    {
      direction: 'inbound',
      channel: 'email',
      author: { type: 'customer', id: target.customer_id, name: sender?.name ?? null },
      // Untrimmed when nothing was quoted; mail bodies end in a line break nobody wrote.
      body,
      originalBody: text,
      subject: mail.subject,
      automated: automated.kind,
      attachmentIds,
      triage,
      email: {
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references.slice(-MAX_REFERENCES),
      },
    },
    sender?.address ?? null,
  );
  const note = skippedAttachmentsNote(files);
  if (note)
    await addMessage(
      services,
      tx,
      target,
      { direction: 'note', channel: 'email', author: { type: 'system', id: null }, body: note },
      null,
    );
  if (selfServe && triage && sender)
    await answerOrHandOff(services, tx, target, { triage, text: body, customerEmail: sender.address }, at);
  const row = await findMessage(tx, stored.messageId);
  return { kind: 'stored', caseRow: target, opened, message: toMessageView(row as NonNullable<typeof row>) };
}

async function findEmailInboxes(services: Services, addresses: readonly string[]): Promise<EmailInbox[]> {
  const wanted = [...new Set(addresses.map((address) => address.toLowerCase()))];
  if (wanted.length === 0) return [];
  // System scope: the recipient address is all there is to tell the tenant by.
  const rows = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('inboxes')
      .select(['id', 'tenant_id', 'store_id', 'team_id', 'address'])
      .where('channel', '=', 'email')
      .where(sql<string>`lower(address)`, 'in', wanted)
      .execute(),
  );
  // In the order the mail named them, so the first inbox of a shop is the one it lands in.
  return rows.toSorted(
    (a, b) =>
      wanted.indexOf((a.address ?? '').toLowerCase()) - wanted.indexOf((b.address ?? '').toLowerCase()),
  );
}

async function isStored(tx: Tx, messageId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('messages')
    .select('id')
    .where('email_message_id', '=', messageId)
    .executeTakeFirst();
  return row !== undefined;
}

// From: is who wrote; the envelope sender only stands in when the header is missing.
function senderOf(mail: InboundEmail): EmailAddress | null {
  if (mail.from) return mail.from;
  return mail.envelope.from ? { address: mail.envelope.from, name: null } : null;
}

/** The case a mail continues: In-Reply-To, then References, then the subject's case token. */
async function threadOf(tx: Tx, mail: InboundEmail) {
  const byHeaders =
    (mail.inReplyTo ? await caseOfEmailIds(tx, [mail.inReplyTo]) : null) ??
    (await caseOfEmailIds(tx, mail.references.slice(-MAX_REFERENCES)));
  const number = byHeaders ? null : caseTokenOf(mail.subject);
  let query = tx
    .selectFrom('cases as c')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .selectAll('c')
    .select(sql<string | null>`lower(p.email)`.as('customer_email'));
  if (byHeaders) query = query.where('c.id', '=', byHeaders);
  else if (number !== null) query = query.where('c.number', '=', number);
  else return null;
  const found = await query.executeTakeFirst();
  if (!found) return null;
  const { customer_email, ...caseRow } = found;
  return { caseRow: caseRow as CaseRow, customerEmail: customer_email, by: byHeaders ? 'headers' : 'token' };
}

// A merged case hands its mail to the case it was merged into.
async function followMerges(tx: Tx, c: CaseRow): Promise<CaseRow | null> {
  let current: CaseRow | undefined = c;
  for (let hops = 0; current?.merged_into_id && hops < 10; hops++)
    current = (await findCase(tx, current.merged_into_id)) as CaseRow | undefined;
  return current ?? null;
}

async function openCase(
  tx: Tx,
  inbox: EmailInbox,
  mail: InboundEmail,
  sender: EmailAddress,
  at: Date,
  triage: MessageTriage | null,
  selfServe: boolean,
) {
  const customerId = await findOrCreateCustomer(tx, inbox.tenant_id, {
    email: sender.address,
    name: sender.name,
  });
  const customer = await tx
    .selectFrom('customers')
    .select('language')
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  return openConversationCase(
    tx,
    inbox.tenant_id,
    {
      kind: 'inquiry',
      subject: mail.subject,
      channel: 'email',
      // The language they wrote in, else the one we know them by.
      language: (triage ? writtenIn(triage) : null) ?? customer.language ?? 'en',
      customerId,
      storeId: inbox.store_id,
      inboxId: inbox.id,
      teamId: inbox.team_id,
      by: { type: 'customer', id: customerId },
      triage,
      selfServe,
    },
    at,
  );
}

// After commit, so a console never shows what was rolled back.
function publish(
  services: Services,
  tenantId: string,
  outcome: Exclude<Outcome, { kind: 'duplicate' | 'dropped' }>,
) {
  const { caseRow } = outcome;
  const base = { tenantId, caseId: caseRow.id, customerId: caseRow.customer_id };
  if (outcome.kind === 'bounce') {
    services.live.publish({
      type: 'case',
      ...base,
      event: 'message.delivery_failed',
      status: caseRow.status,
      version: caseRow.version,
    });
    return;
  }
  if (outcome.opened)
    services.live.publish({
      type: 'case',
      ...base,
      event: 'case.opened',
      status: caseRow.status,
      version: caseRow.version,
    });
  services.live.publish({ type: 'message', ...base, message: outcome.message });
}
