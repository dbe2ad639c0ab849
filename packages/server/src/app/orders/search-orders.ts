import { searchOrders as findOrders } from '../../db/repositories/orders.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';

export interface OrderSearch {
  number?: string | undefined;
  email?: string | undefined;
  customerId?: string | undefined;
  limit: number;
}

/** Finds orders by number, customer e-mail or customer id; a customer only ever finds their own. */
export async function searchOrders(ctx: Ctx, search: OrderSearch) {
  requirePermission(ctx, 'orders:read');
  const own = ctx.principal.kind === 'customer' ? { customerId: ctx.principal.customerId } : {};
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => findOrders(tx, { ...search, ...own }));
  return rows.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    placedAt: o.placed_at.toISOString(),
    deliveredAt: o.delivered_at?.toISOString() ?? null,
    currency: o.currency,
    totalMinor: o.total_minor,
    customerId: o.customer_id,
    customerEmail: o.customer_email,
    customerName: o.customer_name,
  }));
}
