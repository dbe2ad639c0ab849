import { type Priority, raisePriority } from '../cases/index.js';

/** What decides how urgent a case is beyond its kind. */
export interface PriorityInputs {
  /** The priority the case's kind or channel gives it before anything about the customer. */
  base: Priority;
  vip: boolean;
  /** Anger or anxiety detected in the customer's messages. */
  negativeSentiment: boolean;
  /** The order's total in minor units of the store currency; null when no order is linked. */
  orderTotalMinor: number | null;
  pastComplaints: number;
}

/** Where a case turns high-risk, in minor units of the store currency. */
export interface PriorityThresholds {
  /** Order totals strictly above this raise the priority. */
  orderTotalMinor: number;
  /** This many past complaints or more raise the priority. */
  pastComplaints: number;
}

/** orders over 5,000.00 (two-decimal currencies) or customers with 2 or more complaints. */
export const PRIORITY_THRESHOLDS: Readonly<PriorityThresholds> = {
  orderTotalMinor: 500_000,
  pastComplaints: 2,
};

/** Stable codes, so the inbox can show them in the agent's language. */
export type PriorityReason = 'vip' | 'negative_sentiment' | 'high_value_order' | 'repeat_complainant';

/**
 * The base priority raised one step for each condition that holds (a VIP, an upset customer,
 * a high-value order, a repeat complainant), stopping at urgent. `reasons` lists the
 * conditions that held, even those that could not raise an already urgent case.
 */
export function casePriority(
  inputs: PriorityInputs,
  thresholds: PriorityThresholds = PRIORITY_THRESHOLDS,
): { priority: Priority; reasons: PriorityReason[] } {
  const conditions: [PriorityReason, boolean][] = [
    ['vip', inputs.vip],
    ['negative_sentiment', inputs.negativeSentiment],
    [
      'high_value_order',
      inputs.orderTotalMinor !== null && inputs.orderTotalMinor > thresholds.orderTotalMinor,
    ],
    ['repeat_complainant', inputs.pastComplaints >= thresholds.pastComplaints],
  ];
  const reasons = conditions.filter(([, holds]) => holds).map(([reason]) => reason);
  return { priority: reasons.reduce<Priority>((p) => raisePriority(p), inputs.base), reasons };
}
