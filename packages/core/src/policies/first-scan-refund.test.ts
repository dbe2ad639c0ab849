import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FirstScanFacts, firstScanRefund } from './first-scan-refund.js';
import type { FirstScanRefundRule } from './policy.schema.js';

const rule: FirstScanRefundRule = { enabled: true, minOrders: 3, maxRefundMinor: { EUR: 20_000 } };
const trusted: FirstScanFacts = {
  kind: 'return',
  refundMinor: 5_499,
  currency: 'EUR',
  customerBlocked: false,
  customerOrders: 4,
  failedInspections: 0,
};

describe('firstScanRefund', () => {
  it('refunds a trusted customer’s return on the first scan', () => {
    expect(firstScanRefund(rule, trusted)).toEqual({ refund: true });
  });

  it('waits for the inspection when the rule is off or absent', () => {
    expect(firstScanRefund(undefined, trusted).refund).toBe(false);
    expect(firstScanRefund({ ...rule, enabled: false }, trusted).refund).toBe(false);
  });

  it.each([
    ['an exchange', { kind: 'exchange' }, 'Only returns'],
    ['a new customer', { customerOrders: 2 }, '2 of the 3 orders'],
    ['a customer whose return once failed inspection', { failedInspections: 1 }, 'failed inspection'],
    ['a blocked customer', { customerBlocked: true }, 'blocked'],
    ['an amount above the limit', { refundMinor: 20_001 }, 'limit'],
    ['a currency without a limit', { currency: 'USD' }, 'limit in USD'],
  ])('waits for the inspection for %s', (_, change, reason) => {
    expect(firstScanRefund(rule, { ...trusted, ...change })).toEqual({
      refund: false,
      reason: expect.stringContaining(reason),
    });
  });

  it('never refunds early more than the limit, whoever asks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (refundMinor, customerOrders, failedInspections, customerBlocked) => {
          const verdict = firstScanRefund(rule, {
            ...trusted,
            refundMinor,
            customerOrders,
            failedInspections,
            customerBlocked,
          });
          return (
            !verdict.refund ||
            (refundMinor > 0 &&
              refundMinor <= 20_000 &&
              customerOrders >= 3 &&
              failedInspections === 0 &&
              !customerBlocked)
          );
        },
      ),
    );
  });
});
