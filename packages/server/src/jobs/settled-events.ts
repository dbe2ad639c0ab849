/**
 * Readers of the event log after a cursor (customer notices, webhook fan-out) read a little
 * behind the writers: a transaction that took its event id earlier may commit later. So a
 * reader takes the events in id order and stops at the first one logged less than
 * `SETTLE_MS` ago. Filtering on the time instead would let the cursor jump over a lower
 * id whose transaction began later, and that event would never be read.
 */
export const SETTLE_MS = 2000;

/** The leading run of `read` (in id order) whose events are all settled at `now`. */
export function settledRun<T extends { created_at: Date | string }>(read: T[], now: Date): T[] {
  const settledUntil = now.getTime() - SETTLE_MS;
  const fresh = read.findIndex((e) => new Date(e.created_at).getTime() > settledUntil);
  return fresh === -1 ? read : read.slice(0, fresh);
}
