import { refreshBuckets, touchedBuckets } from '../app/analytics/refresh-rollups.js';
import type { Services } from '../app/context.js';
import { inSystem } from '../db/scope.js';
import { lockCursor, moveCursor, readSettledEvents } from './settled-events.js';

const CURSOR = 'roll-up-measures';

export interface RollUpOptions {
  /** Most events read in one run. Default 2000. */
  batch?: number;
  /** The time the run treats as now. Default the services' clock. */
  now?: Date;
}

/**
 * Keeps the analytics rollups current from the event log: the cases and orders named by
 * the events after the cursor tell which store-local days changed (their facts' days and
 * the event's own), and those buckets are recomputed from the raw rows. The recompute and
 * the cursor move commit together, and the cursor row is locked for the run, so workers
 * take turns and a crash repeats a batch harmlessly (a recompute is idempotent).
 */
export async function rollUpMeasures(
  services: Services,
  { batch = 2000, now = services.clock() }: RollUpOptions = {},
): Promise<{ read: number; buckets: number }> {
  return inSystem(services.db, async (tx) => {
    const position = await lockCursor(tx, CURSOR);
    const events = await readSettledEvents(tx, position, batch, now);
    const last = events.at(-1);
    if (!last) return { read: 0, buckets: 0 };
    const buckets = await touchedBuckets(tx, position, Number(last.id));
    await refreshBuckets(tx, buckets);
    await moveCursor(tx, CURSOR, Number(last.id));
    return { read: events.length, buckets: buckets.length };
  });
}

/** Runs the job until it has read every settled event (tests, backfills, the bench). */
export async function catchUpMeasures(services: Services, options: RollUpOptions = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const { read } = await rollUpMeasures(services, options);
    if (read === 0) return total;
    total += read;
  }
}
