/** A payment an order was paid with, and how much of it is already promised back. */
export interface RefundablePayment {
  id: string;
  capturedMinor: number;
  refundedMinor: number;
}

/** One payment's share of a refund. */
export interface RefundPart {
  paymentId: string;
  amountMinor: number;
}

/** Why a refund stops and waits for an agent instead of paying. */
export type RefundAnomaly =
  | { code: 'no_payment'; message: string }
  | { code: 'currency_mismatch'; message: string }
  | { code: 'exceeds_refundable'; message: string; refundableMinor: number };

export type RefundPlan = { ok: true; parts: RefundPart[] } | { ok: false; anomaly: RefundAnomaly };

export interface RefundPlanInput {
  amountMinor: number;
  currency: string;
  orderCurrency: string;
  /** In the order the shop lists them; the first payments are refunded first. */
  payments: readonly RefundablePayment[];
  /**
   * For an order the shop sent without its payments (an imported history, cash on
   * delivery): its total, and what refunds already promised back out of it. Without
   * payments to refund to, the money goes back by hand, never beyond this total.
   */
  unpaid?: { orderTotalMinor: number; refundedMinor: number };
}

/**
 * Splits a refund over the order's payments, never taking more from a payment than was
 * captured minus what is already promised back. A refund that does not fit is not cut
 * down silently: it is an anomaly for an agent to verify (R-6.3: "refund amount wrong →
 * verify and refund the actual amount"). An order known without payments (`unpaid`) is
 * refunded by hand, with no part on any payment, up to its total.
 */
export function planRefund({
  amountMinor,
  currency,
  orderCurrency,
  payments,
  unpaid,
}: RefundPlanInput): RefundPlan {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new RangeError(`a refund must be a positive whole number of minor units, not ${amountMinor}`);
  }
  if (currency !== orderCurrency) {
    return anomaly({
      code: 'currency_mismatch',
      message: `The refund is in ${currency} but the order was paid in ${orderCurrency}.`,
    });
  }
  if (payments.length === 0 && !unpaid) {
    return anomaly({ code: 'no_payment', message: 'The order has no captured payment to refund.' });
  }
  const refundableMinor =
    payments.length > 0
      ? payments.reduce((sum, p) => sum + remaining(p), 0)
      : Math.max(0, (unpaid?.orderTotalMinor ?? 0) - (unpaid?.refundedMinor ?? 0));
  if (amountMinor > refundableMinor) {
    return anomaly({
      code: 'exceeds_refundable',
      message: `The refund of ${amountMinor} is more than the ${refundableMinor} still refundable on the order's payments.`,
      refundableMinor,
    });
  }
  const parts: RefundPart[] = [];
  let left = amountMinor;
  for (const payment of payments) {
    const share = Math.min(left, remaining(payment));
    if (share > 0) parts.push({ paymentId: payment.id, amountMinor: share });
    left -= share;
    if (left === 0) break;
  }
  return { ok: true, parts };
}

function remaining(payment: RefundablePayment): number {
  return Math.max(0, payment.capturedMinor - payment.refundedMinor);
}

function anomaly(found: RefundAnomaly): RefundPlan {
  return { ok: false, anomaly: found };
}
