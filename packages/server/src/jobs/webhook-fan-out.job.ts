import { randomUUID } from 'node:crypto';
import type { Services } from '../app/context.js';
import { matchesEventType, RETRY_WINDOW_MS } from '../app/webhooks/webhook-rules.js';
import { inSystem } from '../db/scope.js';
import { lockCursor, moveCursor, readSettledEvents } from './settled-events.js';

const CURSOR = 'webhook-fan-out';

export interface FanOutOptions {
  /** Most events read in one run. Default 500. */
  batch?: number;
  /** The time the run treats as now. Default the services' clock. */
  now?: Date;
}

/**
 * Turns the event log (the transactional outbox) into webhook deliveries: every event
 * after the cursor becomes one queued delivery per active subscription of its tenant whose
 * patterns take its type and which existed when the event was logged. The deliveries and
 * the cursor move commit together, and the cursor row is locked for the run, so workers
 * take turns and an event becomes each delivery once.
 */
export async function fanOutWebhooks(
  services: Services,
  { batch = 500, now = services.clock() }: FanOutOptions = {},
): Promise<{ read: number; queued: number }> {
  return inSystem(services.db, async (tx) => {
    const position = await lockCursor(tx, CURSOR);
    const events = await readSettledEvents(tx, position, batch, now);
    const last = events.at(-1);
    if (!last) return { read: 0, queued: 0 };
    const tenants = [...new Set(events.map((e) => e.tenant_id))];
    const subscriptions = await tx
      .selectFrom('webhook_subscriptions')
      .select(['id', 'tenant_id', 'event_types', 'created_at'])
      .where('active', '=', true)
      .where('tenant_id', 'in', tenants)
      .execute();
    const retryUntil = new Date(now.getTime() + RETRY_WINDOW_MS);
    const deliveries = events.flatMap((event) =>
      subscriptions
        .filter(
          (s) =>
            s.tenant_id === event.tenant_id &&
            new Date(s.created_at) <= new Date(event.created_at) &&
            matchesEventType(s.event_types, event.type),
        )
        .map((s) => ({
          id: randomUUID(),
          tenant_id: event.tenant_id,
          subscription_id: s.id,
          event_id: Number(event.id),
          event_type: event.type,
          stream_id: event.stream_id,
          payload: JSON.stringify({
            id: String(event.id),
            type: event.type,
            occurredAt: new Date(event.created_at).toISOString(),
            tenantId: event.tenant_id,
            stream: event.stream,
            streamId: event.stream_id,
            data: event.data,
          }),
          next_attempt_at: now,
          retry_until: retryUntil,
          created_at: now,
        })),
    );
    // In slices, to stay under PostgreSQL's 65,535 parameters per statement.
    for (let at = 0; at < deliveries.length; at += 1000)
      await tx
        .insertInto('webhook_deliveries')
        .values(deliveries.slice(at, at + 1000))
        .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
        .execute();
    await moveCursor(tx, CURSOR, Number(last.id));
    return { read: events.length, queued: deliveries.length };
  });
}
