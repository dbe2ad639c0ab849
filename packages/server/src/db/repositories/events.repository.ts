import type { NewEvent } from '../schema.js';
import type { Tx } from '../scope.js';

/** Appends to the event log: timeline, audit trail and outbox in one. */
export async function appendEvents(tx: Tx, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('events')
    .values(events.map((e) => ({ ...e, data: JSON.stringify(e.data ?? {}) })))
    .execute();
}

export function streamEvents(tx: Tx, streamId: string) {
  return tx.selectFrom('events').selectAll().where('stream_id', '=', streamId).orderBy('id').execute();
}
