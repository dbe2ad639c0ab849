import { currencyExponent } from '../money/index.js';

/**
 * Where orders and customers turn risky. Order values are in major units of the order's own
 * currency: names "5,000" with no currency, so a shop selling in several currencies
 * sets a figure per currency where 5,000 is wrong for it (JPY, HUF…).
 */
export interface RiskThresholds {
  /** An order whose total is strictly above this (major units, the order's currency) is high-risk. */
  orderValue: number;
  /** Overrides of `orderValue` per ISO currency. */
  orderValueByCurrency: Record<string, number>;
  /** A customer with this many complaints or disputes before the order makes it high-risk. */
  pastComplaints: number;
  /** Abuse score (0..100) from which a customer is flagged. */
  abuseScore: number;
  /** Each signal of the abuse score: where it starts counting, where it gives all its points, and its points. */
  signals: Record<AbuseSignal, { from: number; full: number; weight: number }>;
  /** Fewest units bought before the return share counts (one return of one unit says little). */
  minUnitsForShare: number;
}

export const ABUSE_SIGNALS = [
  'return_share',
  'value_returned',
  'contradicted_claims',
  'shared_identity',
] as const;
export type AbuseSignal = (typeof ABUSE_SIGNALS)[number];

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  orderValue: 5000,
  orderValueByCurrency: {},
  pastComplaints: 2,
  abuseScore: 60,
  signals: {
    // Units returned ÷ units bought: 20 % starts to count, 80 % gives all 35 points.
    return_share: { from: 0.2, full: 0.8, weight: 35 },
    // Value returned (major units) over the customer's history: from 200 up to 3,000.
    value_returned: { from: 200, full: 3000, weight: 20 },
    // Items claimed defective, not as described or wrong that inspection found as sold: 10 points each up to 3.
    contradicted_claims: { from: 0, full: 3, weight: 30 },
    // Other accounts sharing the customer's phone or a delivery address: 5 points each up to 3.
    shared_identity: { from: 0, full: 3, weight: 15 },
  },
  minUnitsForShare: 3,
};

/** The order-value threshold of a currency in minor units. */
export function orderValueThresholdMinor(
  currency: string,
  t: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): number {
  const major = t.orderValueByCurrency[currency.toUpperCase()] ?? t.orderValue;
  return Math.round(major * 10 ** currencyExponent(currency));
}

export type OrderRiskReason =
  | { code: 'high_value_order'; totalMinor: number; currency: string; thresholdMinor: number }
  | { code: 'repeat_complainant'; pastComplaints: number; threshold: number };

/** is this order to be checked before anything goes wrong, and why. */
export function assessOrderRisk(
  order: { totalMinor: number; currency: string; pastComplaints: number },
  t: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): { flagged: boolean; reasons: OrderRiskReason[] } {
  const reasons: OrderRiskReason[] = [];
  const thresholdMinor = orderValueThresholdMinor(order.currency, t);
  if (order.totalMinor > thresholdMinor)
    reasons.push({
      code: 'high_value_order',
      totalMinor: order.totalMinor,
      currency: order.currency,
      thresholdMinor,
    });
  if (order.pastComplaints >= t.pastComplaints)
    reasons.push({
      code: 'repeat_complainant',
      pastComplaints: order.pastComplaints,
      threshold: t.pastComplaints,
    });
  return { flagged: reasons.length > 0, reasons };
}

/** What is known of a customer's returns, as figures. */
export interface CustomerReturnFacts {
  unitsBought: number;
  unitsReturned: number;
  /** Value of the returned units, major units of the reporting currency. */
  valueReturned: number;
  /** Items claimed as a product fault that inspection passed as sold. */
  contradictedClaims: number;
  /** Items claimed as a product fault that were inspected at all (context for the figure above). */
  inspectedClaims: number;
  /** Other customer accounts with the same phone or a shared delivery address. */
  sharedAccounts: number;
}

export interface AbuseReason {
  signal: AbuseSignal;
  /** The figure behind the signal (a share, an amount, a count). */
  value: number;
  /** Points the signal adds to the score. */
  points: number;
  /** One line a reviewer can check. */
  text: string;
}

/**
 * A customer's abuse score, 0..100: each signal gives its weight times where its figure
 * sits between `from` (0) and `full` (1), linearly. Every signal that gives points is listed
 * with its figure, so a reviewer sees why, and a score is never a verdict by itself.
 */
export function scoreCustomerAbuse(
  f: CustomerReturnFacts,
  t: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): { score: number; flagged: boolean; reasons: AbuseReason[] } {
  const share = f.unitsBought >= t.minUnitsForShare ? f.unitsReturned / f.unitsBought : 0;
  const figures: Record<AbuseSignal, { value: number; text: string }> = {
    return_share: {
      value: share,
      text: `returned ${f.unitsReturned} of ${f.unitsBought} units bought (${Math.round(share * 100)} %)`,
    },
    value_returned: { value: f.valueReturned, text: `returned goods worth ${f.valueReturned.toFixed(2)}` },
    contradicted_claims: {
      value: f.contradictedClaims,
      text: `${f.contradictedClaims} of ${f.inspectedClaims} inspected fault claims were found as sold`,
    },
    shared_identity: {
      value: f.sharedAccounts,
      text: `${f.sharedAccounts} other account(s) share this customer's phone or address`,
    },
  };
  const reasons: AbuseReason[] = [];
  for (const signal of ABUSE_SIGNALS) {
    const { from, full, weight } = t.signals[signal];
    const { value, text } = figures[signal];
    const ramp = full > from ? (value - from) / (full - from) : value >= full ? 1 : 0;
    const points = Math.round(weight * Math.min(1, Math.max(0, ramp)) * 10) / 10;
    if (value >= from && points > 0) reasons.push({ signal, value, points, text });
  }
  const score = Math.min(100, Math.round(reasons.reduce((s, r) => s + r.points, 0)));
  return { score, flagged: score >= t.abuseScore, reasons: reasons.sort((a, b) => b.points - a.points) };
}

/** Problems of a thresholds document, as field paths and messages; empty when it is sound. */
export function validateRiskThresholds(t: RiskThresholds): Array<{ field: string; message: string }> {
  const errors: Array<{ field: string; message: string }> = [];
  if (!(t.orderValue > 0)) errors.push({ field: '/orderValue', message: 'Must be above 0.' });
  for (const [currency, value] of Object.entries(t.orderValueByCurrency)) {
    if (!/^[A-Z]{3}$/.test(currency))
      errors.push({ field: `/orderValueByCurrency/${currency}`, message: 'Must be an ISO currency code.' });
    if (!(value > 0))
      errors.push({ field: `/orderValueByCurrency/${currency}`, message: 'Must be above 0.' });
  }
  if (!(Number.isInteger(t.pastComplaints) && t.pastComplaints >= 1))
    errors.push({ field: '/pastComplaints', message: 'Must be a whole number of at least 1.' });
  if (!(t.abuseScore > 0 && t.abuseScore <= 100))
    errors.push({ field: '/abuseScore', message: 'Must be within 1..100.' });
  let weights = 0;
  for (const signal of ABUSE_SIGNALS) {
    const s = t.signals[signal];
    if (!(s.full > s.from)) errors.push({ field: `/signals/${signal}/full`, message: 'Must be above from.' });
    if (!(s.from >= 0)) errors.push({ field: `/signals/${signal}/from`, message: 'Must not be negative.' });
    if (!(s.weight >= 0))
      errors.push({ field: `/signals/${signal}/weight`, message: 'Must not be negative.' });
    weights += s.weight;
  }
  if (weights !== 100)
    errors.push({
      field: '/signals',
      message: `The weights must add up to 100 (they add up to ${weights}).`,
    });
  return errors;
}
