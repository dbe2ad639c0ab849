import { EmailSendError } from '../channels/email/index.js';
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
