import type { RefundStatus } from '../../db/schema.js';

/** How the customer gets the money back, as the case action names it. */
export type RefundMethod = 'original_payment' | 'store_credit' | 'manual';

/** Who pays a refund: a payment adapter of integrations/payments/. */
export type RefundProvider = 'stripe' | 'store_credit' | 'manual';

// Stripe names what it charged `pi_…` (payment intent) or `ch_…` (charge); a refund needs one.
const STRIPE_PAYMENT = /^(pi|ch)_[A-Za-z0-9]+$/;

/**
 * Which adapter pays a refund and the status it starts in. The refund job pays `pending`
 * refunds; a manual one waits for an agent to record the bank transfer. Money to the
 * original payment goes through Stripe when the shop connected Stripe and the payment is
 * Stripe's; otherwise the agent refunds it in the shop's own payment system and records it.
 */
export function providerFor(
  method: RefundMethod,
  payment: { reference: string | null } | null,
  stripeConnected: boolean,
): { name: RefundProvider; initialStatus: Extract<RefundStatus, 'pending' | 'awaiting_transfer'> } {
  if (method === 'store_credit') return { name: 'store_credit', initialStatus: 'pending' };
  const byStripe =
    method === 'original_payment' && stripeConnected && STRIPE_PAYMENT.test(payment?.reference ?? '');
  return byStripe
    ? { name: 'stripe', initialStatus: 'pending' }
    : { name: 'manual', initialStatus: 'awaiting_transfer' };
}
