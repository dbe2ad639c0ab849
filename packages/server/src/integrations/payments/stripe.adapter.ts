import Stripe from 'stripe';
import {
  type PaymentAdapter,
  type ProviderRefundRequest,
  type ProviderRefundResult,
  TransientPaymentError,
} from './payment-adapter.js';

export interface StripeAdapterOptions {
  secretKey: string;
  /** Stripe's API base URL; a test double's in tests. */
  apiUrl: string;
  timeoutMs?: number;
}

/**
 * Refunds through Stripe's Refunds API with the stripe SDK. Our refund id goes with each
 * request as the Idempotency-Key, so a repeated request returns Stripe's first refund
 * instead of making a second, and as metadata, by which a later try finds a refund whose
 * answer never reached us.
 *
 * Amounts are ISO 4217 minor units, which Stripe uses too except for a few currencies
 * (HUF, TWD, ISK, UGX) that it treats specially; shops charging in those are not supported yet.
 */
export function stripeAdapter({
  secretKey,
  apiUrl,
  timeoutMs = 20_000,
}: StripeAdapterOptions): PaymentAdapter {
  const url = new URL(apiUrl);
  const stripe = new Stripe(secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === 'http:' ? 80 : 443),
    protocol: url.protocol === 'http:' ? 'http' : 'https',
    // Our job retries with back-off; the SDK's own retries would only hide the failures.
    maxNetworkRetries: 0,
    timeout: timeoutMs,
    appInfo: { name: 'Afterdesk' },
  });
  return {
    provider: 'stripe',
    async refund(request: ProviderRefundRequest) {
      const reference = request.paymentReference ?? '';
      const target = reference.startsWith('ch_') ? { charge: reference } : { payment_intent: reference };
      try {
        if (request.attempt > 1 || request.round > 1) {
          const earlier = await findEarlierRefund(stripe, target, request.refundId);
          if (earlier) return fromStripe(earlier);
        }
        const refund = await stripe.refunds.create(
          { ...target, amount: request.amountMinor, metadata: { afterdesk_refund_id: request.refundId } },
          { idempotencyKey: idempotencyKey(request) },
        );
        return fromStripe(refund);
      } catch (error) {
        return failureOf(error);
      }
    },
    async status({ providerRefundId }) {
      if (!providerRefundId)
        return { status: 'failed', providerRefundId: null, reason: 'No Stripe refund to ask about.' };
      try {
        return fromStripe(await stripe.refunds.retrieve(providerRefundId));
      } catch (error) {
        return failureOf(error);
      }
    },
  };
}

/**
 * Stripe replays the saved answer to a repeated key for a day — even a 500, which leaves
 * open whether the refund was made. So a later try first looks for a refund carrying our
 * id (made by a try whose answer was lost) and, finding none, asks again under a new key.
 */
function idempotencyKey({ refundId, round, attempt }: ProviderRefundRequest): string {
  const base = `afterdesk-refund-${refundId}`;
  return round === 1 && attempt === 1 ? base : `${base}-${round}-${attempt}`;
}

async function findEarlierRefund(
  stripe: Stripe,
  target: { charge: string } | { payment_intent: string },
  refundId: string,
): Promise<Stripe.Refund | undefined> {
  for await (const refund of stripe.refunds.list({ ...target, limit: 100 })) {
    if (refund.metadata?.afterdesk_refund_id === refundId) return refund;
  }
  return undefined;
}

function fromStripe(refund: Stripe.Refund): ProviderRefundResult {
  switch (refund.status) {
    case 'succeeded':
      return { status: 'succeeded', providerRefundId: refund.id };
    case 'failed':
    case 'canceled':
      return {
        status: 'failed',
        providerRefundId: refund.id,
        reason: `Stripe ${refund.status} the refund${refund.failure_reason ? ` (${refund.failure_reason})` : ''}.`,
      };
    default:
      // pending, requires_action (the customer must give bank details): Stripe finishes it.
      return { status: 'pending', providerRefundId: refund.id };
  }
}

// Stripe's own words decide: a refused request (already refunded, amount too large, unknown
// payment, a key reused for other parameters) is final; anything else may pass later.
function failureOf(error: unknown): ProviderRefundResult {
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripeIdempotencyError
  ) {
    const code = error.code ? ` (${error.code})` : '';
    return {
      status: 'failed',
      providerRefundId: null,
      reason: `Stripe refused the refund${code}: ${error.message}`,
    };
  }
  if (error instanceof Stripe.errors.StripeError) {
    throw new TransientPaymentError(
      `Stripe ${error.rawType ?? error.type}${error.statusCode ? ` ${error.statusCode}` : ''}: ${error.message}`,
    );
  }
  throw new TransientPaymentError(`Stripe unreachable: ${(error as Error).message ?? String(error)}`);
}
