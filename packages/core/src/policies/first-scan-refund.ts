import type { FirstScanRefundRule } from './policy.schema.js';

/** What the shop knows of a return and its customer when the carrier first scans the parcel. */
export interface FirstScanFacts {
  kind: string;
  refundMinor: number;
  currency: string;
  customerBlocked: boolean;
  customerOrders: number;
  /** Inspections of this customer's earlier returns that failed. */
  failedInspections: number;
}

export type FirstScanVerdict = { refund: true } | { refund: false; reason: string };

/**
 * Whether a return is refunded on the carrier's first scan: the rule is on, the case is a
 * return (an exchange or a repair still needs the goods), the customer is trusted — not
 * blocked, enough orders, no failed inspection ever — and the amount is within the limit.
 */
export function firstScanRefund(
  rule: FirstScanRefundRule | undefined,
  facts: FirstScanFacts,
): FirstScanVerdict {
  if (!rule?.enabled) return { refund: false, reason: 'The policy refunds after inspection.' };
  if (facts.kind !== 'return')
    return { refund: false, reason: 'Only returns are refunded before the goods arrive.' };
  if (facts.refundMinor <= 0) return { refund: false, reason: 'Nothing to refund.' };
  if (facts.customerBlocked) return { refund: false, reason: 'The customer is blocked.' };
  if (facts.failedInspections > 0) {
    return { refund: false, reason: 'An earlier return of the customer failed inspection.' };
  }
  if (facts.customerOrders < rule.minOrders) {
    return {
      refund: false,
      reason: `The customer has ${facts.customerOrders} of the ${rule.minOrders} orders trust needs.`,
    };
  }
  const limit = rule.maxRefundMinor[facts.currency];
  if (limit === undefined || facts.refundMinor > limit) {
    return { refund: false, reason: `The refund is above the early-refund limit in ${facts.currency}.` };
  }
  return { refund: true };
}
