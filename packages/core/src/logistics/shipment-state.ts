/** What a carrier can say about an outbound parcel, in the order a parcel normally goes. */
export const SHIPMENT_STATUSES = [
  'shipped',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Where a shipment stands: the status it reached and when the carrier saw it. */
export interface ShipmentState {
  status: ShipmentStatus;
  statusAt: Date;
}

/** One tracking event as the core reads it. */
export interface TrackingUpdate {
  status: ShipmentStatus;
  occurredAt: Date;
}

// Only used to break a tie between two events of the same instant. An exception (a failed
// attempt, a customs hold) is later news than "out for delivery", but nothing follows
// "delivered" in the same second.
const RANK: Record<ShipmentStatus, number> = {
  shipped: 1,
  in_transit: 2,
  out_for_delivery: 3,
  exception: 4,
  delivered: 5,
};

export function isShipmentStatus(value: string): value is ShipmentStatus {
  return (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

/**
 * The state after `event`, or null when the event changes nothing. The later event wins;
 * at the same instant the further status wins; an older event never moves a parcel back,
 * and an event seen twice changes nothing. Events are ordered by (time, rank), a total
 * order, so a set of events ends in the same state whatever order they arrive in.
 */
export function nextShipmentState(
  current: ShipmentState | null,
  event: TrackingUpdate,
): ShipmentState | null {
  const candidate = { status: event.status, statusAt: event.occurredAt };
  if (current === null) return candidate;
  const byTime = event.occurredAt.getTime() - current.statusAt.getTime();
  const newer = byTime > 0 || (byTime === 0 && RANK[event.status] > RANK[current.status]);
  return newer ? candidate : null;
}

/** Applies events in the order given; the final state (null when none applied). */
export function foldShipmentState(
  start: ShipmentState | null,
  events: readonly TrackingUpdate[],
): ShipmentState | null {
  return events.reduce<ShipmentState | null>(
    (state, event) => nextShipmentState(state, event) ?? state,
    start,
  );
}

/** Sorts events as the state machine orders them: by time, then by how far the parcel got. */
export function compareTrackingUpdates(a: TrackingUpdate, b: TrackingUpdate): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || RANK[a.status] - RANK[b.status];
}
