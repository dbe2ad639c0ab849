import type { Services } from '../app/context.js';
import { type EmailSender, logHash, type OutgoingEmail } from '../channels/email/index.js';
import { appendEvents } from '../db/repositories/events.repository.js';
import { inTenant, type Tx } from '../db/scope.js';
import type { DeliverEmailOptions, DeliverEmailResult } from './deliver-email.job.js';
import { afterFailure, claimDueMail, type MailClaim, markMailSent, sendFailure } from './mail-delivery.js';

// The same lease, attempts and back-off as case mail (mail-delivery.ts).

/**
 * Sends the queued customer notices (shipping news, R-2.4) that are due, across tenants,
 * oldest first, over the same SMTP sender as case mail and with its rules: rows claimed
 * with SKIP LOCKED and a lease, no transaction open while the server talks, exponential
 * back-off on a temporary refusal, and `failed` after a permanent one or the 8th try.
 */
export async function deliverQueuedNotices(
  services: Services,
  sender: EmailSender,
  { batch = 20, now = services.clock() }: DeliverEmailOptions = {},
): Promise<DeliverEmailResult> {
  const result: DeliverEmailResult = { sent: 0, failed: 0, retried: 0 };
  for (const claim of await claimDueMail(services, 'customer_notices', batch, now)) {
    const outcome = await deliverOne(services, sender, claim, now);
    if (outcome) result[outcome] += 1;
  }
  return result;
}

async function deliverOne(
  services: Services,
  sender: EmailSender,
  claim: MailClaim,
  now: Date,
): Promise<keyof DeliverEmailResult | null> {
  let mail: OutgoingEmail | null = null;
  try {
    mail = await inTenant(services.db, claim.tenant_id, (tx) => composeNotice(services, tx, claim.id));
    if (!mail) return null;
    await sender.send(mail);
  } catch (error) {
    return recordFailure(services, claim, mail, error, now);
  }
  await inTenant(services.db, claim.tenant_id, (tx) => markMailSent(tx, 'customer_notices', claim.id, now));
  return 'sent';
}

// From the configured sender in the store's (else the shop's) name. The Message-ID is the
// notice's own, so a mail sent twice after a lost lease shows once.
async function composeNotice(services: Services, tx: Tx, noticeId: string): Promise<OutgoingEmail | null> {
  const row = await tx
    .selectFrom('customer_notices as n')
    .innerJoin('tenants as t', 't.id', 'n.tenant_id')
    .innerJoin('customers as c', 'c.id', 'n.customer_id')
    .leftJoin('orders as o', 'o.id', 'n.order_id')
    .leftJoin('stores as s', 's.id', 'o.store_id')
    .select([
      'n.id',
      'n.kind',
      'n.recipient',
      'n.subject',
      'n.body',
      'c.name',
      's.name as store_name',
      't.name as tenant_name',
    ])
    .where('n.id', '=', noticeId)
    .where('n.delivery_state', '=', 'queued')
    .executeTakeFirst();
  if (!row) return null;
  return {
    from: { address: services.config.mailFrom, name: row.store_name ?? row.tenant_name },
    to: [{ address: row.recipient, name: row.name }],
    subject: row.subject,
    text: row.body,
    messageId: `<notice-${row.id}@${services.config.mailDomain}>`,
    // RFC 3834: a notice nobody asked for is auto-generated; responders then stay quiet.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Afterdesk-Notice': row.kind },
  };
}

async function recordFailure(
  services: Services,
  claim: MailClaim,
  mail: OutgoingEmail | null,
  error: unknown,
  now: Date,
): Promise<'failed' | 'retried' | null> {
  const failure = sendFailure(error);
  const { responseCode, reason } = failure;
  const recorded = await inTenant(services.db, claim.tenant_id, async (tx) => {
    const row = await tx
      .selectFrom('customer_notices')
      .select(['delivery_attempts', 'order_id', 'kind'])
      .where('id', '=', claim.id)
      .where('delivery_state', '=', 'queued')
      .forUpdate()
      .executeTakeFirst();
    if (!row) return null;
    const attempts = row.delivery_attempts + 1;
    const { give, set } = afterFailure(attempts, failure, now);
    await tx.updateTable('customer_notices').set(set).where('id', '=', claim.id).execute();
    if (give && row.order_id)
      await appendEvents(tx, [
        {
          tenant_id: claim.tenant_id,
          stream: 'order',
          stream_id: row.order_id,
          type: 'notice.delivery_failed',
          actor_type: 'system',
          actor_id: null,
          reason: null,
          data: { noticeId: claim.id, kind: row.kind, attempts, responseCode },
        },
      ]);
    return { attempts, give };
  });
  if (!recorded) return null;
  services.log.warn(
    {
      messageIdHash: logHash(mail?.messageId ?? null),
      attempts: recorded.attempts,
      responseCode,
      reason,
      gaveUp: recorded.give,
    },
    'notice: delivery failed',
  );
  return recorded.give ? 'failed' : 'retried';
}
