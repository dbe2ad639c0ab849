/** A refund as a payment adapter sees it. `refundId` is also the idempotency key. */
export interface ProviderRefundRequest {
  tenantId: string;
  refundId: string;
  /** The provider's name for what was charged (a Stripe payment intent or charge). */
  paymentReference: string | null;
  customerId: string | null;
  amountMinor: number;
  currency: string;
  /** 1 for the first try. A later try first looks for what an earlier one may have done. */
  attempt: number;
  /** 1, then one more each time an agent starts a refund the job gave up on again. */
  round: number;
}

/**
 * What the provider says of a refund. `pending`: accepted, the money is not there yet
 * (ask `status` later). `failed`: final, trying again will not help. `requires_action`:
 * only a person can pay it (a bank transfer).
 */
export type ProviderRefundResult =
  | { status: 'succeeded'; providerRefundId: string }
  | { status: 'pending'; providerRefundId: string }
  | { status: 'failed'; providerRefundId: string | null; reason: string }
  | { status: 'requires_action'; reason: string };

/** The provider could not answer now (network, rate limit, its own fault): try again later. */
export class TransientPaymentError extends Error {
  override readonly name = 'TransientPaymentError';
}

/**
 * Pays refunds back. Each implementation passes the shared contract in
 * payment-adapter.contract.ts. `refund` must be idempotent on `refundId`: asked twice, the
 * provider moves the money once and answers with the same refund, which is what makes a
 * worker that died after the call and before its commit safe to run again.
 */
export interface PaymentAdapter {
  readonly provider: 'stripe' | 'store_credit' | 'manual';
  refund(request: ProviderRefundRequest): Promise<ProviderRefundResult>;
  status(request: {
    tenantId: string;
    refundId: string;
    providerRefundId: string | null;
  }): Promise<ProviderRefundResult>;
}
