/** What a customer or the shop may ask to change on an order before it ships. */
export type OrderChangeKind = 'address' | 'cancel';

/** Why an order can no longer be changed, from the strongest reason down. */
export type OrderChangeBlock = 'cancelled' | 'delivered' | 'shipped';

/** What the rule needs to know of an order: its status and its parcels. */
export interface OrderFulfilment {
  /** The order's status as the shop (or a cancellation here) set it. */
  status: string;
  deliveredAt: string | null;
  /** True when a cancellation was already applied here, whatever the shop's status says since. */
  cancelledHere?: boolean;
  shipments: readonly {
    shippedAt: string | null;
    deliveredAt: string | null;
    /** The latest state a carrier reported, null until the first tracking event. */
    status: string | null;
  }[];
}

export type OrderChangeVerdict =
  | { allowed: true }
  | { allowed: false; block: OrderChangeBlock; message: string };

const CANCELLED = new Set(['cancelled', 'canceled']);
const SHIPPED = new Set(['shipped', 'delivered', 'fulfilled', 'partially_fulfilled']);

const MESSAGES: Record<OrderChangeBlock, string> = {
  cancelled: 'The order is cancelled; there is nothing left to change.',
  delivered: 'The order was already delivered; it can no longer be changed.',
  shipped: 'The order has already shipped; it can no longer be changed.',
};

/**
 * Whether an order can still be changed or cancelled: only while no parcel of it has left
 * the warehouse. When in doubt it says no — a parcel the shop marked shipped, or a carrier
 * has scanned, is treated as gone even without a shipping time, because redirecting a
 * parcel already on the road is a promise the shop cannot keep.
 */
export function orderChangeVerdict(order: OrderFulfilment): OrderChangeVerdict {
  const status = order.status.toLowerCase();
  if (order.cancelledHere || CANCELLED.has(status)) return refuse('cancelled');
  const delivered =
    status === 'delivered' ||
    order.deliveredAt !== null ||
    order.shipments.some((s) => s.deliveredAt !== null || s.status === 'delivered');
  if (delivered) return refuse('delivered');
  const shipped =
    SHIPPED.has(status) || order.shipments.some((s) => s.shippedAt !== null || s.status !== null);
  if (shipped) return refuse('shipped');
  return { allowed: true };
}

function refuse(block: OrderChangeBlock): OrderChangeVerdict {
  return { allowed: false, block, message: MESSAGES[block] };
}

/** What a cancellation request turns into. */
export type CancellationPlan =
  | { outcome: 'cancel' }
  | { outcome: 'return'; block: 'shipped' | 'delivered'; message: string }
  | { outcome: 'refuse'; block: 'cancelled' | 'nothing_to_return'; message: string };

/**
 * Before shipment a cancellation cancels the order; after it, the goods are on their way
 * and only a return brings the money back, so the request becomes a return case for every
 * unit no other case claims yet. An order already cancelled, or whose every unit is in a
 * return already, is refused.
 */
export function planCancellation(order: OrderFulfilment, unitsLeft: number): CancellationPlan {
  const verdict = orderChangeVerdict(order);
  if (verdict.allowed) return { outcome: 'cancel' };
  if (verdict.block === 'cancelled')
    return { outcome: 'refuse', block: 'cancelled', message: verdict.message };
  if (unitsLeft <= 0) {
    return {
      outcome: 'refuse',
      block: 'nothing_to_return',
      message: 'Every unit of the order is already in a return or other case.',
    };
  }
  return {
    outcome: 'return',
    block: verdict.block,
    message: `${verdict.message} The cancellation becomes a return of the remaining units.`,
  };
}

/** Money still held on an order's payments: what a full refund gives back. */
export function refundableOnPayments(
  payments: readonly { capturedMinor: number; refundedMinor: number }[],
): number {
  return payments.reduce((sum, p) => sum + Math.max(0, p.capturedMinor - p.refundedMinor), 0);
}

/** Each line's units that no case claims yet: what a return for the whole order takes. */
export function unitsLeftToReturn<L extends { id: string; quantity: number; claimed: number }>(
  lines: readonly L[],
): { lineId: string; quantity: number }[] {
  return lines.flatMap((l) => {
    const quantity = l.quantity - Math.max(0, l.claimed);
    return quantity > 0 ? [{ lineId: l.id, quantity }] : [];
  });
}
