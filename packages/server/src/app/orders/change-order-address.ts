import { randomUUID } from 'node:crypto';
import type { OrderChangeView, ShippingAddress } from '@afterdesk/contract';
import { orderChangeVerdict } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import {
  findCancellation,
  insertOrderChange,
  lockOrderForChange,
} from '../../db/repositories/order-changes.repository.js';
import { findOrderDetails } from '../../db/repositories/orders.repository.js';
import type { ShippingAddressValue } from '../../db/schema.js';
import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { toOrderChangeView } from './order-change-view.js';
import { fulfilmentOf } from './order-fulfilment.js';

export interface AddressChanged {
  change: OrderChangeView;
  shippingAddress: ShippingAddress;
}

/**
 * Sends an order somewhere else, while it has not shipped. After shipment the
 * request is refused with 409 and the order stays as it was; the refusal is still written
 * down and announced, so the shop sees that the customer asked.
 *
 * Whoever may file an after-sales request for the order may ask: the customer for their
 * own order, agents and the shop's API keys for any.
 */
export async function changeOrderAddress(
  ctx: Ctx,
  orderId: string,
  address: ShippingAddress,
): Promise<AddressChanged> {
  requirePermission(ctx, 'cases:create');
  const tenantId = ctx.principal.tenantId;
  const actor = actorOf(ctx.principal);
  const at = ctx.clock();
  const wanted = tidy(address);
  type Outcome = AddressChanged | { refused: string };
  const outcome = await inTenant(ctx.db, tenantId, async (tx): Promise<Outcome> => {
    const order = await lockOrderForChange(tx, orderId);
    if (!order) throw notFound('The order');
    requireOwnership(ctx, order.customer_id, 'The order');
    const { shipments } = await findOrderDetails(tx, orderId);
    const cancellation = await findCancellation(tx, orderId);
    const verdict = orderChangeVerdict(fulfilmentOf(order, shipments, cancellation?.status === 'applied'));
    const change = await insertOrderChange(tx, {
      id: randomUUID(),
      tenant_id: tenantId,
      order_id: orderId,
      kind: 'address',
      status: verdict.allowed ? 'applied' : 'refused',
      block: verdict.allowed ? null : verdict.block,
      address: JSON.stringify(wanted),
      previous_address: order.shipping_address ? JSON.stringify(order.shipping_address) : null,
      requested_by_type: actor.type,
      requested_by_id: actor.id,
    });
    const event = {
      tenant_id: tenantId,
      stream: 'order',
      stream_id: orderId,
      actor_type: actor.type,
      actor_id: actor.id,
    };
    if (!verdict.allowed) {
      const data = { changeId: change.id, kind: 'address', block: verdict.block, address: wanted };
      await appendEvents(tx, [{ ...event, type: 'order.change_refused', reason: verdict.message, data }]);
      return { refused: verdict.message };
    }
    await tx
      .updateTable('orders')
      .set({ shipping_address: JSON.stringify(wanted), updated_at: at })
      .where('id', '=', orderId)
      .execute();
    // The shop ships from its own system: this event, through the outbound webhooks, is
    // how it learns where the parcel must go now.
    const data = { changeId: change.id, address: wanted, previousAddress: order.shipping_address };
    await appendEvents(tx, [{ ...event, type: 'order.address_changed', reason: null, data }]);
    return { change: toOrderChangeView(change), shippingAddress: wanted };
  });
  // Thrown after the commit, so the refusal stays recorded.
  if ('refused' in outcome) throw conflict(outcome.refused);
  return outcome;
}

// Labels are printed from this: no stray spaces, no empty optional lines, upper-case codes.
function tidy(address: ShippingAddress): ShippingAddressValue {
  const optional = (value: string | undefined) => value?.trim() || undefined;
  const line2 = optional(address.line2);
  const region = optional(address.region);
  const phone = optional(address.phone);
  return {
    name: address.name.trim(),
    line1: address.line1.trim(),
    ...(line2 ? { line2 } : {}),
    city: address.city.trim(),
    postalCode: address.postalCode.trim().toUpperCase(),
    ...(region ? { region } : {}),
    country: address.country,
    ...(phone ? { phone } : {}),
  };
}
