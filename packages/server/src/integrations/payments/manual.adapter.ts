import { type Db, inTenant } from '../../db/scope.js';
import type { PaymentAdapter, ProviderRefundResult } from './payment-adapter.js';

const TRANSFER = 'An agent transfers the money by hand and records the transfer reference.';

/**
 * Refunds a person pays: a bank transfer, or a refund in the shop's own payment system.
 * Nothing moves until an agent records the transfer (`POST /refunds/:id/transfer`); the
 * recorded reference is then the refund's proof.
 */
export function manualAdapter(db: Db): PaymentAdapter {
  return {
    provider: 'manual',
    refund: async () => ({ status: 'requires_action', reason: TRANSFER }),
    status: ({ tenantId, refundId }) =>
      inTenant(db, tenantId, async (tx): Promise<ProviderRefundResult> => {
        const row = await tx
          .selectFrom('refunds')
          .select(['status', 'reference'])
          .where('id', '=', refundId)
          .executeTakeFirst();
        return row?.status === 'succeeded' && row.reference
          ? { status: 'succeeded', providerRefundId: row.reference }
          : { status: 'requires_action', reason: TRANSFER };
      }),
  };
}
