import type { OrderFulfilment } from '@afterdesk/core';

/** What the core's change rule reads of an order and its stored parcels. */
export function fulfilmentOf(
  order: { status: string; delivered_at: Date | null },
  shipments: { shipped_at: Date | null; delivered_at: Date | null; status: string | null }[],
  cancelledHere = false,
): OrderFulfilment {
  return {
    status: order.status,
    deliveredAt: order.delivered_at?.toISOString() ?? null,
    cancelledHere,
    shipments: shipments.map((s) => ({
      shippedAt: s.shipped_at?.toISOString() ?? null,
      deliveredAt: s.delivered_at?.toISOString() ?? null,
      status: s.status,
    })),
  };
}
