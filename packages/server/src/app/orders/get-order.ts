import { findOrderChanges } from '../../db/repositories/order-changes.repository.js';
import { findOrder, findOrderDetails } from '../../db/repositories/orders.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { toOrderChangeView } from './order-change-view.js';

/** One order with its lines, payments and shipments, as the API shows it. */
export async function getOrder(ctx: Ctx, orderId: string) {
  requirePermission(ctx, 'orders:read');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order) throw notFound('The order');
    requireOwnership(ctx, order.customer_id, 'The order');
    const { payments, shipments } = await findOrderDetails(tx, orderId);
    const { shippingAddress, changes } = await findOrderChanges(tx, orderId);
    return {
      id: order.id,
      externalId: order.external_id,
      number: order.number,
      status: order.status,
      storeCode: order.store_code,
      customerId: order.customer_id,
      placedAt: order.placed_at.toISOString(),
      deliveredAt: order.delivered_at?.toISOString() ?? null,
      currency: order.currency,
      shippingMinor: order.shipping_minor,
      totalMinor: order.total_minor,
      lines: order.lines.map((l) => ({
        id: l.id,
        externalId: l.external_id,
        sku: l.sku,
        title: l.title,
        category: l.category,
        attributes: l.attributes,
        quantity: l.quantity,
        unitPriceMinor: l.unit_price_minor,
        discountMinor: l.discount_minor,
      })),
      payments: payments.map((p) => ({
        method: p.method,
        reference: p.reference,
        capturedMinor: p.captured_minor,
      })),
      shipments: shipments.map((s) => ({
        carrier: s.carrier,
        trackingNumber: s.tracking_number,
        shippedAt: s.shipped_at?.toISOString() ?? null,
        deliveredAt: s.delivered_at?.toISOString() ?? null,
        estimatedAt: s.estimated_at?.toISOString() ?? null,
      })),
      shippingAddress,
      changes: changes.map(toOrderChangeView),
    };
  });
}
export type OrderView = Awaited<ReturnType<typeof getOrder>>;
