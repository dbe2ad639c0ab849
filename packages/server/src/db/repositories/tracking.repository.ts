import { sql } from 'kysely';
import type { Tx } from '../scope.js';

/** An outbound shipment with what a notice about it needs: its order's number and customer. */
export interface Parcel {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: string | null;
  statusAt: Date | null;
  location: string | null;
  orderNumber: string;
  customerId: string;
  email: string | null;
  language: string | null;
}

/** A stored tracking event, as the state machine reads it. */
export interface StoredTrackingEvent {
  carrier: string;
  trackingNumber: string;
  status: string;
  occurredAt: Date;
  location: string | null;
}

// PostgreSQL allows 65,535 parameters per statement; a batch is at most 1,000 events.
const CHUNK = 1000;

/** The tenant's shipments carrying any of these tracking numbers, in one statement. */
export async function findParcels(tx: Tx, tenantId: string, trackingNumbers: string[]): Promise<Parcel[]> {
  if (trackingNumbers.length === 0) return [];
  const rows = await tx
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([
      's.id',
      's.order_id',
      's.carrier',
      's.tracking_number',
      's.status',
      's.status_at',
      's.location',
      'o.number',
      'o.customer_id',
      'c.email',
      'c.language',
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.tracking_number', 'in', trackingNumbers)
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    carrier: r.carrier,
    trackingNumber: r.tracking_number as string,
    status: r.status,
    statusAt: r.status_at,
    location: r.location,
    orderNumber: r.number,
    customerId: r.customer_id,
    email: r.email,
    language: r.language,
  }));
}

/** Every stored event for these tracking numbers: the history a re-imported shipment resumes from. */
export async function trackingHistory(
  tx: Tx,
  tenantId: string,
  trackingNumbers: string[],
): Promise<StoredTrackingEvent[]> {
  if (trackingNumbers.length === 0) return [];
  const rows = await tx
    .selectFrom('tracking_events')
    .select(['carrier', 'tracking_number', 'status', 'occurred_at', 'location'])
    .where('tenant_id', '=', tenantId)
    .where('tracking_number', 'in', trackingNumbers)
    .execute();
  return rows.map((r) => ({
    carrier: r.carrier,
    trackingNumber: r.tracking_number,
    status: r.status,
    occurredAt: r.occurred_at,
    location: r.location,
  }));
}

export interface NewTrackingEvent {
  id: string;
  tenantId: string;
  shipmentId: string | null;
  carrier: string;
  trackingNumber: string;
  status: string;
  occurredAt: Date;
  location: string | null;
}

/**
 * Stores the events not seen before and returns the ids of those it stored; an event
 * already stored (same carrier, number, status and time) is skipped by the unique key.
 */
export async function insertTrackingEvents(tx: Tx, events: NewTrackingEvent[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = await tx
      .insertInto('tracking_events')
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          id: e.id,
          tenant_id: e.tenantId,
          shipment_id: e.shipmentId,
          carrier: e.carrier,
          tracking_number: e.trackingNumber,
          status: e.status,
          occurred_at: e.occurredAt,
          location: e.location,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'carrier', 'tracking_number', 'status', 'occurred_at']).doNothing(),
      )
      .returning('id')
      .execute();
    for (const row of rows) stored.add(row.id);
  }
  return stored;
}

/** Writes the new state of many shipments in one statement per chunk. */
export async function saveShipmentStates(
  tx: Tx,
  states: { id: string; status: string; statusAt: Date; location: string | null }[],
): Promise<void> {
  for (let i = 0; i < states.length; i += CHUNK) {
    const values = sql.join(
      states
        .slice(i, i + CHUNK)
        .map(
          (s) =>
            sql`(${s.id}::uuid, ${s.status}::text, ${s.statusAt.toISOString()}::timestamptz, ${s.location}::text)`,
        ),
    );
    // The first scan of a parcel is also when it shipped, if the shop did not say.
    await sql`
      update shipments as s set
        status = v.status, status_at = v.status_at, location = v.location,
        shipped_at = coalesce(s.shipped_at, v.status_at),
        delivered_at = case when v.status = 'delivered' then coalesce(s.delivered_at, v.status_at) else s.delivered_at end
      from (values ${values}) as v (id, status, status_at, location)
      where s.id = v.id`.execute(tx);
  }
}
