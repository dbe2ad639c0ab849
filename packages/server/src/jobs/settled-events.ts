import { sql } from 'kysely';
import type { Tx } from '../db/scope.js';

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

/**
 * The settled events after `position`, in id order, at most `batch` read: what every reader
 * of the event log takes in one turn (see `settledRun`).
 */
export async function readSettledEvents(tx: Tx, position: number, batch: number, now: Date) {
  const read = await tx
    .selectFrom('events')
    .select(['id', 'tenant_id', 'stream', 'stream_id', 'type', 'actor_type', 'reason', 'data', 'created_at'])
    .where('id', '>', position)
    .orderBy('id')
    .limit(batch)
    .execute();
  return settledRun(read, now);
}

/**
 * Locks a reader's cursor row for the transaction (creating it at 0), so readers that move
 * their cursor in the same transaction as their work take turns. Returns its position.
 */
export async function lockCursor(tx: Tx, name: string): Promise<number> {
  await tx
    .insertInto('job_cursors')
    .values({ name, position: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const cursor = await tx
    .selectFrom('job_cursors')
    .select('position')
    .where('name', '=', name)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return Number(cursor.position);
}

/** Moves a cursor locked by `lockCursor` to the last event read. */
export async function moveCursor(tx: Tx, name: string, position: number): Promise<void> {
  await tx
    .updateTable('job_cursors')
    .set({ position, updated_at: sql`now()` })
    .where('name', '=', name)
    .execute();
}
