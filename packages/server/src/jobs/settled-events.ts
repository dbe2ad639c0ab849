/**
 * Readers of the event log after a cursor (customer notices, webhook fan-out) read a little
 * behind the writers: a transaction that took its event id earlier may commit later. So a
 * reader takes the events in id order and stops at the first one logged less than
 * `SETTLE_MS` ago. Filtering on the time instead would let the cursor jump over a lower
 * id whose transaction began later, and that event would never be read.
 */
export const SETTLE_MS = 2000;

/**
 * The leading run of `read` (in id order) whose events are all settled at `now`. An event
 * dated after `now` carries a time its writer chose (the SLA sweep dates a breach at its
 * crossing); when it was written cannot be told from it, so it does not hold the readers
 * back until that date.
 */
export function settledRun<T extends { created_at: Date | string }>(read: T[], now: Date): T[] {
  const settledUntil = now.getTime() - SETTLE_MS;
  const fresh = read.findIndex((e) => {
    const at = new Date(e.created_at).getTime();
    return at > settledUntil && at <= now.getTime();
  });
  return fresh === -1 ? read : read.slice(0, fresh);
}
