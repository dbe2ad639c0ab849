import { replySubject, subjectWithToken } from '@afterdesk/core';
import type { Services } from '../app/context.js';
import type { OutgoingEmail } from '../channels/email/index.js';
import type { Tx } from '../db/scope.js';

/** A queued message ready to send, with what recording the result needs. */
export interface ComposedEmail {
  mail: OutgoingEmail;
  caseId: string;
  caseNumber: number;
  attempts: number;
}

/** Thrown when a queued mail can never be built as stored (a file gone from storage). */
export class UnsendableEmailError extends Error {
  override name = 'UnsendableEmailError';
}

/**
 * Builds the mail for a queued outbound message, inside its tenant's transaction: from the
 * case's e-mail inbox (else the configured sender) in the store's or shop's name, to the
 * recipient recorded when it was queued, with the case token in the subject and the
 * threading headers stored with it. Null when the message is no longer queued.
 */
export async function composeEmail(
  services: Services,
  tx: Tx,
  messageId: string,
): Promise<ComposedEmail | null> {
  const row = await tx
    .selectFrom('messages as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('tenants as t', 't.id', 'm.tenant_id')
    .innerJoin('customers as p', 'p.id', 'm.customer_id')
    .leftJoin('inboxes as i', (join) => join.onRef('i.id', '=', 'c.inbox_id').on('i.channel', '=', 'email'))
    .leftJoin('stores as s', 's.id', 'c.store_id')
    .select([
      'm.id',
      'm.case_id',
      'm.subject',
      'm.body',
      'm.author_type',
      'm.email_message_id',
      'm.in_reply_to',
      'm.email_references',
      'm.recipient',
      'm.delivery_attempts',
      'c.number',
      'c.subject as case_subject',
      'i.address as inbox_address',
      's.name as store_name',
      't.name as tenant_name',
      'p.name as customer_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('messages as first')
        .select('first.subject')
        .whereRef('first.case_id', '=', 'm.case_id')
        .where('first.subject', 'is not', null)
        .orderBy('first.seq')
        .limit(1)
        .as('first_subject'),
    )
    .where('m.id', '=', messageId)
    .where('m.delivery_state', '=', 'queued')
    .executeTakeFirst();
  if (!row?.recipient || !row.email_message_id) return null;
  const displayName = row.store_name ?? row.tenant_name;
  // An agent's own subject (from a macro) is kept; otherwise the mail answers the thread.
  const subject = row.subject
    ? subjectWithToken(row.subject, row.number)
    : replySubject(row.case_subject ?? row.first_subject ?? '', row.number);
  const headers: Record<string, string> = { 'X-Afterdesk-Case': String(row.number) };
  // RFC 3834: an automatic notice says so, or out-of-office responders answer it and two
  // machines write to each other.
  if (row.author_type === 'system') headers['Auto-Submitted'] = 'auto-replied';
  return {
    mail: {
      from: { address: row.inbox_address ?? services.config.mailFrom, name: displayName },
      to: [{ address: row.recipient, name: row.customer_name }],
      subject,
      text: row.body,
      messageId: row.email_message_id,
      inReplyTo: row.in_reply_to,
      references: row.email_references,
      headers,
      attachments: await attachmentsOf(services, tx, row.id),
    },
    caseId: row.case_id,
    caseNumber: row.number,
    attempts: row.delivery_attempts,
  };
}

async function attachmentsOf(services: Services, tx: Tx, messageId: string) {
  const files = await tx
    .selectFrom('evidence_files')
    .select(['storage_key', 'content_type', 'original_name'])
    .where('message_id', '=', messageId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const attachments: NonNullable<OutgoingEmail['attachments']> = [];
  for (const [index, file] of files.entries()) {
    const stored = await services.files.get(file.storage_key);
    if (!stored) throw new UnsendableEmailError('An attachment of the message is missing from file storage');
    const extension = file.storage_key.split('.').at(-1) ?? 'bin';
    attachments.push({
      filename: file.original_name ?? `attachment-${index + 1}.${extension}`,
      contentType: file.content_type,
      content: Buffer.from(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength),
    });
  }
  return attachments;
}
