import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { PaymentAdapter, ProviderRefundRequest } from './payment-adapter.js';

export interface PaymentAdapterSubject {
  adapter: PaymentAdapter;
  /** A refund request this adapter can pay (its payment, customer and tenant exist). */
  request: (amountMinor: number) => Omit<ProviderRefundRequest, 'refundId' | 'attempt' | 'round'>;
  /** How much money has really moved to the customer, by the provider's own books. */
  moneyMoved: () => Promise<number>;
  /** Whether this adapter pays by itself, or leaves the paying to a person. */
  pays: boolean;
  /** A refund id the adapter may pay under (an owed refund, where the adapter checks). */
  newRefundId?: () => Promise<string>;
}

/**
 * The contract every payment adapter keeps (STYLE.md rule 6): refunds are idempotent on
 * the refund id, whichever try asks, and `status` tells what `refund` did.
 */
const fresh = async () => randomUUID();

export function paymentAdapterContract(subject: () => PaymentAdapterSubject) {
  it('moves the money once when the same refund is asked for twice', async () => {
    const { adapter, request, moneyMoved, pays, newRefundId = fresh } = subject();
    const before = await moneyMoved();
    const refund = { ...request(1250), refundId: await newRefundId(), attempt: 1, round: 1 };
    const first = await adapter.refund(refund);
    const second = await adapter.refund(refund);
    expect(second).toEqual(first);
    expect(first.status).toBe(pays ? 'succeeded' : 'requires_action');
    expect((await moneyMoved()) - before).toBe(pays ? 1250 : 0);
  });

  it('finds on a later try the refund an earlier try made', async () => {
    const { adapter, request, moneyMoved, pays, newRefundId = fresh } = subject();
    const before = await moneyMoved();
    const refundId = await newRefundId();
    const first = await adapter.refund({ ...request(700), refundId, attempt: 1, round: 1 });
    const later = await adapter.refund({ ...request(700), refundId, attempt: 3, round: 1 });
    expect(later).toEqual(first);
    expect((await moneyMoved()) - before).toBe(pays ? 700 : 0);
  });

  it('reports through status what the refund did', async () => {
    const { adapter, request, newRefundId = fresh } = subject();
    const refundId = await newRefundId();
    const paid = await adapter.refund({ ...request(300), refundId, attempt: 1, round: 1 });
    const providerRefundId = 'providerRefundId' in paid ? paid.providerRefundId : null;
    const { tenantId } = request(300);
    expect(await adapter.status({ tenantId, refundId, providerRefundId })).toEqual(paid);
  });
}
