import { randomUUID } from 'node:crypto';
import { type Db, inTenant, type Tx } from '../../db/scope.js';
import type { PaymentAdapter, ProviderRefundResult } from './payment-adapter.js';

/**
 * Refunds as store credit: an entry in the customer's ledger, keyed by the refund, so a
 * second call finds the first entry and credits nothing more.
 */
export function storeCreditAdapter(db: Db): PaymentAdapter {
  return {
    provider: 'store_credit',
    refund: (request) =>
      inTenant(db, request.tenantId, async (tx): Promise<ProviderRefundResult> => {
        if (!request.customerId) {
          return { status: 'failed', providerRefundId: null, reason: 'Store credit needs a customer.' };
        }
        await tx
          .insertInto('store_credit_entries')
          .values({
            id: randomUUID(),
            tenant_id: request.tenantId,
            customer_id: request.customerId,
            currency: request.currency,
            amount_minor: request.amountMinor,
            refund_id: request.refundId,
            note: 'Refund',
          })
          .onConflict((oc) => oc.column('refund_id').doNothing())
          .execute();
        return creditFor(tx, request.refundId);
      }),
    status: ({ tenantId, refundId }) => inTenant(db, tenantId, (tx) => creditFor(tx, refundId)),
  };
}

async function creditFor(tx: Tx, refundId: string): Promise<ProviderRefundResult> {
  const entry = await tx
    .selectFrom('store_credit_entries')
    .select('id')
    .where('refund_id', '=', refundId)
    .executeTakeFirst();
  return entry
    ? { status: 'succeeded', providerRefundId: entry.id }
    : { status: 'failed', providerRefundId: null, reason: 'No store credit was written for this refund.' };
}
