import type { InboundEmail } from '../../channels/email/index.js';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { Tx } from '../../db/scope.js';

// Where a DSN carries the mail it returns: the whole original or only its headers
// (RFC 3462), in their internationalised forms too (RFC 6533).
const RETURNED_PARTS = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);

/** A bounced mail of ours, as recorded: which message, on which case. */
export interface RecordedBounce {
  messageId: string;
  caseId: string;
}

/**
 * Marks our outbound message that a bounce names as failed, and appends
 * `message.delivery_failed` to its case. The bounce names it by In-Reply-To or References,
 * or only inside the returned original (most MTAs). Null when it names none of ours, or
 * when that message is already marked (a redelivered bounce changes nothing).
 */
export async function recordBounce(tx: Tx, mail: InboundEmail, at: Date): Promise<RecordedBounce | null> {
  const named = bouncedMessageIds(mail);
  if (named.length === 0) return null;
  const status = deliveryStatus(mail);
  const failed = await tx
    .updateTable('messages')
    .set({
      delivery_state: 'failed',
      next_attempt_at: null,
      // The status code only: the report's diagnostic text quotes the recipient's address.
      delivery_error: `Bounced by the recipient's mail server${status ? ` (status ${status})` : ''}`,
    })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('messages')
        .select('id')
        .where('email_message_id', 'in', named)
        .where('direction', '=', 'outbound')
        .orderBy('created_at', 'desc')
        .limit(1),
    )
    .where((eb) => eb.or([eb('delivery_state', 'is', null), eb('delivery_state', '<>', 'failed')]))
    .returning(['id', 'case_id', 'tenant_id'])
    .executeTakeFirst();
  if (!failed) return null;
  await appendEvents(tx, [
    {
      tenant_id: failed.tenant_id,
      stream: 'case',
      stream_id: failed.case_id,
      type: 'message.delivery_failed',
      actor_type: 'system',
      actor_id: null,
      reason: null,
      data: { messageId: failed.id, cause: 'bounce', status, at: at.toISOString() },
    },
  ]);
  return { messageId: failed.id, caseId: failed.case_id };
}

/** The Message-IDs a bounce may be about, most specific first. At most 50: the sender writes them. */
export function bouncedMessageIds(mail: InboundEmail): string[] {
  const returned = mail.attachments
    .filter((part) => RETURNED_PARTS.has(part.contentType))
    .map((part) => headerOf(part.content, 'message-id'))
    .filter((id): id is string => id !== null);
  const named = [...returned, ...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references.toReversed()];
  return [...new Set(named)].slice(0, 50);
}

// The first Status of the machine-readable report, e.g. 5.1.1; checked to be a status code
// so nothing else from the report (which names addresses) reaches the stored error.
function deliveryStatus(mail: InboundEmail): string | null {
  const report = mail.attachments.find((part) => part.contentType.endsWith('delivery-status'));
  const status = report
    ? /^status:\s*([245]\.\d{1,3}\.\d{1,3})\s*$/im.exec(report.content.toString('utf8'))
    : null;
  return status?.[1] ?? null;
}

// One header of a returned message, read from its header block (folded lines joined).
function headerOf(message: Buffer, name: string): string | null {
  const text = message.subarray(0, 64 * 1024).toString('utf8');
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  const id = line ? /<[^<>\s]+>/.exec(line)?.[0] : undefined;
  return id ?? null;
}
