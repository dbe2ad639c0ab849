import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './default-policy.js';
import { evaluatePolicy } from './evaluate-policy.js';
import { berlinDay, inputFixture, noReasonItem, orderFixture } from './policies.test-helpers.js';

const failedRules = (decision: ReturnType<typeof evaluatePolicy>) =>
  decision.trace.filter((entry) => !entry.passed).map((entry) => entry.rule);

describe('evaluatePolicy: automatic approval (R-5.4)', () => {
  it('approves a no-reason return of an unused shirt three days after delivery', () => {
    const decision = evaluatePolicy(inputFixture());
    expect(decision.outcome).toBe('approve');
    expect(decision.reasons).toEqual([]);
    expect(decision.deadlines).toEqual({
      requestBy: '2025-03-10T23:59:59.999+01:00',
      shipBackBy: '2025-03-13T23:59:59.999+01:00',
    });
    expect(decision.policyVersion).toBe(3);
    expect(decision.currency).toBe('EUR');
  });

  it('traces every rule it ran, in order, all passed', () => {
    const decision = evaluatePolicy(inputFixture());
    expect(decision.trace.map((entry) => entry.rule)).toEqual([
      'order_not_cancelled',
      'order_delivered',
      'customer_not_blocked',
      'items_present',
      'line_known',
      'quantity_available',
      'category_returnable',
      'reason_known',
      'reason_allowed_for_kind',
      'within_window',
      'conditions_met',
      'evidence_provided',
      'shipping_fee_known',
      'auto_approval_enabled',
      'auto_approval_kind',
      'auto_approval_reason',
      'auto_approval_conditions',
      'auto_approval_evidence',
      'order_value_limit',
    ]);
    expect(decision.trace.every((entry) => entry.passed)).toBe(true);
    expect(decision.trace.find((entry) => entry.rule === 'within_window')).toEqual({
      rule: 'within_window',
      passed: true,
      lineId: 'L1',
      message: 'Requested 3 days after delivery, within the 7-day window.',
    });
  });

  it('approves at 23:59:59 local time on the 7th day', () => {
    expect(evaluatePolicy(inputFixture({ now: '2025-03-10T22:59:59.000Z' })).outcome).toBe('approve');
  });

  it('gives the same decision for the same input and leaves the input alone', () => {
    const input = inputFixture();
    const copy = structuredClone(input);
    expect(evaluatePolicy(input)).toEqual(evaluatePolicy(copy));
    expect(input).toEqual(copy);
  });

  it('approves on day N and refuses on day N + 1 in any zone, whatever the hour of delivery', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Shanghai',
      'Pacific/Auckland',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2029, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 12 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (deliveredMs, timeZone, offset, fraction) => {
          const day = DateTime.fromMillis(deliveredMs).setZone(timeZone).plus({ days: offset });
          const start = day.startOf('day').toMillis();
          const now = new Date(
            start + Math.floor((day.endOf('day').toMillis() - start) * fraction),
          ).toISOString();
          const order = { ...orderFixture(), deliveredAt: new Date(deliveredMs).toISOString() };
          const decision = evaluatePolicy(inputFixture({ now, order, store: { timeZone, currency: 'EUR' } }));
          expect(decision.outcome).toBe(offset <= 7 ? 'approve' : 'reject');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('evaluatePolicy: rejections', () => {
  it('refuses a no-reason return 8 days after delivery', () => {
    const decision = evaluatePolicy(inputFixture({ now: berlinDay(8) }));
    expect(decision.outcome).toBe('reject');
    expect(decision.reasons).toEqual([
      { code: 'within_window', message: 'Requested 8 days after delivery; the window is 7 days.' },
    ]);
    expect(decision.deadlines.shipBackBy).toBeNull();
  });

  it('refuses a cancelled order', () => {
    const order = { ...orderFixture(), status: 'cancelled' };
    const decision = evaluatePolicy(inputFixture({ order }));
    expect(decision.outcome).toBe('reject');
    expect(decision.reasons).toEqual([
      { code: 'order_not_cancelled', message: 'Order ord_1001 was cancelled; there is nothing to return.' },
    ]);
  });

  it('refuses a line that is not on the order, and values it at zero', () => {
    const decision = evaluatePolicy(inputFixture({ items: [noReasonItem({ lineId: 'L9' })] }));
    expect(decision.outcome).toBe('reject');
    expect(decision.reasons).toEqual([
      { code: 'line_known', message: 'Item L9 is not part of order ord_1001.' },
    ]);
    expect(decision.items).toEqual([
      { lineId: 'L9', quantity: 1, goodsMinor: 0, shippingRefundMinor: 0, refundableMinor: 0 },
    ]);
  });

  it('refuses more units than were bought minus those already claimed', () => {
    const decision = evaluatePolicy(
      inputFixture({ items: [noReasonItem({ quantity: 2 })], alreadyClaimed: { L1: 2 } }),
    );
    expect(decision.outcome).toBe('reject');
    expect(decision.reasons).toEqual([
      {
        code: 'quantity_available',
        message: '2 units of SHIRT-M requested, but only 1 can still be returned.',
      },
    ]);
  });

  it('counts earlier items of the same request against the line', () => {
    const items = [noReasonItem({ quantity: 2 }), noReasonItem({ quantity: 2 })];
    const decision = evaluatePolicy(inputFixture({ items }));
    expect(decision.outcome).toBe('reject');
    expect(failedRules(decision)).toEqual(['quantity_available']);
  });

  it.each([0, -1, 1.5])('refuses a quantity of %s', (quantity) => {
    expect(failedRules(evaluatePolicy(inputFixture({ items: [noReasonItem({ quantity })] })))).toContain(
      'quantity_available',
    );
  });

  it('refuses a category the merchant does not take back', () => {
    const policy = { ...defaultPolicy(), nonReturnableCategories: ['fashion_tops'] };
    const decision = evaluatePolicy(inputFixture({ policy }));
    expect(decision.outcome).toBe('reject');
    expect(decision.reasons).toEqual([
      { code: 'category_returnable', message: 'Items of category fashion_tops cannot be returned.' },
    ]);
  });

  it('refuses a replacement that costs more when the policy does not allow it', () => {
    const item = noReasonItem({
      reasonCode: 'size_not_fit',
      conditions: ['unworn', 'unwashed', 'resalable'],
      replacement: { sku: 'SHIRT-PREMIUM-M', unitPriceMinor: 3999 },
    });
    const decision = evaluatePolicy(inputFixture({ kind: 'exchange', items: [item] }));
    expect(decision.outcome).toBe('reject');
    expect(decision.reasons).toEqual([
      {
        code: 'exchange_price',
        message: 'The replacement costs €10.00 more; please choose one of the same price or less.',
      },
    ]);
  });

  it('refuses a request without items', () => {
    expect(evaluatePolicy(inputFixture({ items: [] })).reasons).toEqual([
      { code: 'items_present', message: 'No items were selected.' },
    ]);
  });
});
