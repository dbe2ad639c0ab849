import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIP_RULE, isVip } from './vip.js';

describe('isVip (R-8.3)', () => {
  it('needs spend strictly above 10,000.00 in a year', () => {
    expect(isVip({ yearlySpendMinor: 1_000_000, orderCount: 1 })).toBe(false);
    expect(isVip({ yearlySpendMinor: 1_000_001, orderCount: 1 })).toBe(true);
  });

  it('or at least 5 orders, whatever they cost', () => {
    expect(isVip({ yearlySpendMinor: 12_900, orderCount: 4 })).toBe(false);
    expect(isVip({ yearlySpendMinor: 12_900, orderCount: 5 })).toBe(true);
  });

  it('takes a store rule, e.g. for a zero-decimal currency', () => {
    expect(isVip({ yearlySpendMinor: 15_000, orderCount: 1 }, { yearlySpendMinor: 10_000, orders: 5 })).toBe(
      true,
    );
  });

  it('never takes VIP status away from someone who spends or orders more', () => {
    const stats = fc.record({ yearlySpendMinor: fc.nat(5_000_000), orderCount: fc.nat(20) });
    fc.assert(
      fc.property(stats, fc.nat(5_000_000), fc.nat(20), (s, moreSpend, moreOrders) => {
        const more = {
          yearlySpendMinor: s.yearlySpendMinor + moreSpend,
          orderCount: s.orderCount + moreOrders,
        };
        if (isVip(s)) expect(isVip(more)).toBe(true);
        expect(isVip(s)).toBe(
          s.yearlySpendMinor > DEFAULT_VIP_RULE.yearlySpendMinor || s.orderCount >= DEFAULT_VIP_RULE.orders,
        );
      }),
    );
  });
});
