import { sql } from 'kysely';
import type { Services } from '../app/context.js';
import { EmailSendError } from '../channels/email/index.js';
import { inSystem, type Tx } from '../db/scope.js';
import { UnsendableEmailError } from './compose-email.js';

// What the two mail queues (replies in `messages`, proactive `customer_notices`) share: how
// long a claim hides a row, when to retry, when to give up, and what a failure says.

/** A claimed mail is hidden from other workers this long; one a worker dropped mid-send goes again after that, with the same Message-ID, so clients show it once. */
export const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3600_000;

/** When to try again after `attempts` failed tries: 1 min, 2, 4 … up to 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * What a failed send means: permanent (the server refused for good, or the mail cannot be
 * built), the SMTP code, and a reason safe to store and log — EmailSendError's message
 * carries codes only; other errors are named, never quoted, as they may hold an address.
 */
export function sendFailure(error: unknown) {
  const known = error instanceof EmailSendError || error instanceof UnsendableEmailError;
  return {
    permanent: error instanceof UnsendableEmailError || (error instanceof EmailSendError && error.permanent),
    responseCode: error instanceof EmailSendError ? error.responseCode : null,
    reason: known
      ? error.message
      : `Unexpected error (${error instanceof Error ? error.name : typeof error})`,
  };
}

/** The queue columns after the `attempts`-th failed try: failed for good, or due again later. */
export function afterFailure(attempts: number, failure: ReturnType<typeof sendFailure>, now: Date) {
  const give = failure.permanent || attempts >= MAX_ATTEMPTS;
  const set = give
    ? {
        delivery_state: 'failed',
        next_attempt_at: null,
        delivery_attempts: attempts,
        delivery_error: failure.permanent
          ? failure.reason
          : `Gave up after ${attempts} attempts: ${failure.reason}`,
      }
    : {
        delivery_attempts: attempts,
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
        delivery_error: failure.reason,
      };
  return { give, set };
}

/** The two tables mail waits in: replies on a case, and proactive customer notices. */
export type MailQueue = 'messages' | 'customer_notices';

export interface MailClaim {
  id: string;
  tenant_id: string;
}

/**
 * Claims up to `batch` due mails of a queue across tenants, oldest first, in one short
 * statement (SKIP LOCKED, then a lease), so concurrent workers never take the same mail and
 * no transaction stays open while the SMTP server talks. Read by the queue's partial index.
 */
export function claimDueMail(services: Services, queue: MailQueue, batch: number, now: Date) {
  const lease = new Date(now.getTime() + LEASE_MS);
  return inSystem(services.db, async (tx) => {
    const { rows } = await sql<MailClaim>`
      update ${sql.table(queue)} set next_attempt_at = ${lease}
       where id in (select id from ${sql.table(queue)}
                     where delivery_state = 'queued' and next_attempt_at <= ${now}
                     order by next_attempt_at limit ${batch}
                     for update skip locked)
      returning id, tenant_id`.execute(tx);
    return rows;
  });
}

/** Marks a claimed mail sent, unless something else settled it meanwhile. */
export async function markMailSent(tx: Tx, queue: MailQueue, id: string, now: Date): Promise<void> {
  await sql`
    update ${sql.table(queue)}
       set delivery_state = 'sent', sent_at = ${now}, next_attempt_at = null, delivery_error = null,
           delivery_attempts = delivery_attempts + 1
     where id = ${id} and delivery_state = 'queued'`.execute(tx);
}
