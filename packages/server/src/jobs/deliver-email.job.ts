import type { Services } from '../app/context.js';
import { type EmailSender, logHash } from '../channels/email/index.js';
import { appendEvents } from '../db/repositories/events.repository.js';
import { inTenant } from '../db/scope.js';
import { type ComposedEmail, composeEmail } from './compose-email.js';
import { afterFailure, claimDueMail, type MailClaim, markMailSent, sendFailure } from './mail-delivery.js';

export interface DeliverEmailOptions {
  /** Most mails sent in one run. Default 20. */
  batch?: number;
  /** The time the run treats as now: what is due, and when a retry is. Default the services' clock. */
  now?: Date;
}

export interface DeliverEmailResult {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * Sends the queued outbound mail that is due, across tenants, oldest first. Rows are
 * claimed in one short transaction (SKIP LOCKED, then a lease), so concurrent workers
 * never take the same mail and no transaction stays open while the SMTP server talks. A
 * permanent refusal, or the 8th temporary one, marks the message failed and tells the case
 * (`message.delivery_failed`); a temporary one retries with exponential back-off.
 */
export async function deliverQueuedEmail(
  services: Services,
  sender: EmailSender,
  { batch = 20, now = services.clock() }: DeliverEmailOptions = {},
): Promise<DeliverEmailResult> {
  const result: DeliverEmailResult = { sent: 0, failed: 0, retried: 0 };
  for (const claim of await claimDueMail(services, 'messages', batch, now)) {
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
  let composed: ComposedEmail | null = null;
  try {
    composed = await inTenant(services.db, claim.tenant_id, (tx) => composeEmail(services, tx, claim.id));
    // Deleted or no longer queued since it was claimed: nothing to send.
    if (!composed) return null;
    await sender.send(composed.mail);
  } catch (error) {
    return recordFailure(services, claim, composed, error, now);
  }
  await inTenant(services.db, claim.tenant_id, (tx) => markMailSent(tx, 'messages', claim.id, now));
  return 'sent';
}

async function recordFailure(
  services: Services,
  claim: MailClaim,
  composed: ComposedEmail | null,
  error: unknown,
  now: Date,
): Promise<'failed' | 'retried' | null> {
  const failure = sendFailure(error);
  const { responseCode, reason } = failure;
  const recorded = await inTenant(services.db, claim.tenant_id, async (tx) => {
    const row = await tx
      .selectFrom('messages')
      .select(['delivery_attempts', 'case_id'])
      .where('id', '=', claim.id)
      .where('delivery_state', '=', 'queued')
      .forUpdate()
      .executeTakeFirst();
    if (!row) return null;
    const attempts = row.delivery_attempts + 1;
    const { give, set } = afterFailure(attempts, failure, now);
    await tx.updateTable('messages').set(set).where('id', '=', claim.id).execute();
    if (!give) return { attempts, give, caseRow: null };
    await appendEvents(tx, [
      {
        tenant_id: claim.tenant_id,
        stream: 'case',
        stream_id: row.case_id,
        type: 'message.delivery_failed',
        actor_type: 'system',
        actor_id: null,
        reason: null,
        data: { messageId: claim.id, cause: 'send', attempts, responseCode },
      },
    ]);
    const caseRow = await tx
      .selectFrom('cases')
      .select(['id', 'customer_id', 'status', 'version'])
      .where('id', '=', row.case_id)
      .executeTakeFirstOrThrow();
    return { attempts, give, caseRow };
  });
  if (!recorded) return null;
  services.log.warn(
    {
      messageIdHash: logHash(composed?.mail.messageId ?? null),
      attempts: recorded.attempts,
      responseCode,
      reason,
      gaveUp: recorded.give,
    },
    'email: delivery failed',
  );
  if (recorded.caseRow)
    services.live.publish({
      type: 'case',
      tenantId: claim.tenant_id,
      caseId: recorded.caseRow.id,
      customerId: recorded.caseRow.customer_id,
      event: 'message.delivery_failed',
      status: recorded.caseRow.status,
      version: recorded.caseRow.version,
    });
  return recorded.give ? 'failed' : 'retried';
}
