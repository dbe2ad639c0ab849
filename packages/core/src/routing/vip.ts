/** Who counts as a VIP; amounts in minor units of the store currency. */
export interface VipRule {
  /** Spend over the last year must be strictly above this. */
  yearlySpendMinor: number;
  /** At least this many orders. */
  orders: number;
}

/**
 * yearly spend above 10,000 or 5 orders. 10,000.00 assumes a two-decimal currency;
 * a store selling in JPY or KRW sets `yearlySpendMinor: 10_000` for the same figure.
 */
export const DEFAULT_VIP_RULE: VipRule = { yearlySpendMinor: 1_000_000, orders: 5 };

/** A VIP gets a dedicated agent and a raised priority. Either condition suffices. */
export function isVip(
  stats: { yearlySpendMinor: number; orderCount: number },
  rule = DEFAULT_VIP_RULE,
): boolean {
  return stats.yearlySpendMinor > rule.yearlySpendMinor || stats.orderCount >= rule.orders;
}
