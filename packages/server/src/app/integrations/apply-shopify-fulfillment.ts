import type { OrderInput } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import { type ShopifyFulfillment, shopifyFulfillmentToShipment } from '../../integrations/shopify/index.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { getOrder, type OrderView } from '../orders/get-order.js';
import { upsertOrders } from '../orders/upsert-orders.js';

type Shipment = NonNullable<OrderInput['shipments']>[number];

/**
 * A fulfillments/create or fulfillments/update delivery: the order's shipments with this
 * parcel added or replaced (by tracking number), upserted through the order import like
 * any other change. An order not imported yet is left alone: its orders/create delivery
 * carries the fulfillments anyway.
 */
export async function applyShopifyFulfillment(ctx: Ctx, fulfillment: ShopifyFulfillment) {
  if (fulfillment?.order_id === undefined || fulfillment.order_id === null)
    throw invalid('The body is not a Shopify fulfillment (no order_id).');
  const tenantId = ctx.principal.tenantId;
  const found = await inTenant(ctx.db, tenantId, async (tx) => {
    const order = await tx
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.id', 'customers.external_id as customer_external_id'])
      .where('orders.external_id', '=', String(fulfillment.order_id))
      .orderBy('orders.created_at')
      .executeTakeFirst();
    return order;
  });
  if (!found) return { outcome: 'unknown_order' as const };
  const view = await getOrder(ctx, found.id);
  const parcel = shopifyFulfillmentToShipment(fulfillment);
  const input = orderInputOf(view, found.customer_external_id, parcel);
  const stored = await upsertOrders(ctx, [input]);
  return { outcome: 'applied' as const, orderId: stored.orders[0]?.id as string };
}

/** The stored order written back as import input, with `parcel` merged into its shipments. */
function orderInputOf(view: OrderView, customerExternalId: string, parcel: Shipment | null): OrderInput {
  const shipments: Shipment[] = view.shipments.map((s) => ({
    carrier: s.carrier,
    ...(s.trackingNumber ? { trackingNumber: s.trackingNumber } : {}),
    ...(s.shippedAt ? { shippedAt: s.shippedAt } : {}),
    ...(s.deliveredAt ? { deliveredAt: s.deliveredAt } : {}),
    ...(s.estimatedAt ? { estimatedAt: s.estimatedAt } : {}),
  }));
  if (parcel) {
    const same = (s: Shipment) =>
      parcel.trackingNumber
        ? s.trackingNumber === parcel.trackingNumber
        : !s.trackingNumber && s.carrier === parcel.carrier;
    const at = shipments.findIndex(same);
    if (at >= 0) shipments[at] = parcel;
    else shipments.push(parcel);
  }
  return {
    externalId: view.externalId,
    storeCode: view.storeCode,
    number: view.number,
    // A cancelled order stays cancelled; any other status follows from the shipments.
    ...(view.status === 'cancelled' ? { status: 'cancelled' as const } : {}),
    placedAt: view.placedAt,
    currency: view.currency,
    shippingMinor: view.shippingMinor,
    customer: { externalId: customerExternalId },
    lines: view.lines.map((l) => ({
      externalId: l.externalId,
      sku: l.sku,
      title: l.title,
      ...(l.category ? { category: l.category } : {}),
      attributes: l.attributes as Record<string, string>,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      discountMinor: l.discountMinor,
    })),
    payments: view.payments.map((p) => ({
      method: p.method,
      ...(p.reference ? { reference: p.reference } : {}),
      capturedMinor: p.capturedMinor,
    })),
    shipments,
  };
}
