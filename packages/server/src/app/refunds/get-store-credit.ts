import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/** A customer's store credit: the sum of their ledger per currency. */
export async function getStoreCredit(ctx: Ctx, customerId: string) {
  requirePermission(ctx, 'orders:read');
  requireOwnership(ctx, customerId, 'The customer');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const customer = await tx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (!customer) throw notFound('The customer');
    const rows = await tx
      .selectFrom('store_credit_entries')
      .select((eb) => ['currency', eb.fn.sum<string>('amount_minor').as('total')])
      .where('customer_id', '=', customerId)
      .groupBy('currency')
      .orderBy('currency')
      .execute();
    return {
      customerId,
      balances: rows.map((r) => ({ currency: r.currency, amountMinor: Number(r.total) })),
    };
  });
}
