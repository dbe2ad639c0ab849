import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestedItem } from './decision.js';
import { defaultPolicy } from './default-policy.js';
import { evaluatePolicy } from './evaluate-policy.js';
import { defectItem, inputFixture, noReasonItem } from './policies.test-helpers.js';

// The fixture's nets are 8696 (3 shirts: 2899, 2899, 2898), 8999 and 500; its shipping of
// 495 splits by net value as 236, 245 and 14.

const sizeExchange = (overrides: Partial<RequestedItem> = {}) =>
  noReasonItem({ reasonCode: 'size_not_fit', conditions: ['unworn', 'unwashed', 'resalable'], ...overrides });

describe('evaluatePolicy: refunds of a return', () => {
  it('refunds the discounted unit price and deducts the customer return shipping', () => {
    const decision = evaluatePolicy(inputFixture());
    expect(decision.items).toEqual([
      { lineId: 'L1', quantity: 1, goodsMinor: 2899, shippingRefundMinor: 0, refundableMinor: 2899 },
    ]);
    expect(decision.fees).toEqual([
      { code: 'return_shipping', amountMinor: 695, payer: 'customer', deductedFromRefund: true },
    ]);
    expect(decision.refundableTotalMinor).toBe(2899 - 695);
  });

  it('leaves the return shipping to be paid when the policy does not deduct it', () => {
    const policy = defaultPolicy();
    policy.shipping.deductFromRefund = false;
    const decision = evaluatePolicy(inputFixture({ policy }));
    expect(decision.fees[0]?.deductedFromRefund).toBe(false);
    expect(decision.refundableTotalMinor).toBe(2899);
  });

  it('does not deduct a fee larger than the refund', () => {
    const decision = evaluatePolicy(inputFixture({ items: [noReasonItem({ lineId: 'L3' })] }));
    expect(decision.fees[0]).toEqual({
      code: 'return_shipping',
      amountMinor: 695,
      payer: 'customer',
      deductedFromRefund: false,
    });
    expect(decision.refundableTotalMinor).toBe(250);
  });

  it('refunds the shipping share and charges nothing for a quality defect', () => {
    const decision = evaluatePolicy(inputFixture({ items: [defectItem()] }));
    expect(decision.items).toEqual([
      { lineId: 'L2', quantity: 1, goodsMinor: 8999, shippingRefundMinor: 245, refundableMinor: 9244 },
    ]);
    expect(decision.fees).toEqual([
      { code: 'return_shipping', amountMinor: 0, payer: 'merchant', deductedFromRefund: false },
    ]);
    expect(decision.refundableTotalMinor).toBe(9244);
  });

  it('has the merchant pay the parcel when one item is faulty, refunding shipping only for that item', () => {
    const decision = evaluatePolicy(inputFixture({ items: [noReasonItem(), defectItem()] }));
    expect(decision.items.map((item) => item.shippingRefundMinor)).toEqual([0, 245]);
    expect(decision.fees).toEqual([
      { code: 'return_shipping', amountMinor: 0, payer: 'merchant', deductedFromRefund: false },
    ]);
    expect(decision.refundableTotalMinor).toBe(2899 + 8999 + 245);
    expect(decision.trace.some((entry) => entry.rule === 'shipping_fee_known')).toBe(false);
  });

  it('values partial returns of one line so that they add up to the whole line', () => {
    const shirts = (claimed: number) =>
      evaluatePolicy(inputFixture({ items: [defectItem({ lineId: 'L1' })], alreadyClaimed: { L1: claimed } }))
        .items[0];
    expect([0, 1, 2].map((claimed) => shirts(claimed)?.goodsMinor)).toEqual([2899, 2899, 2898]);
    expect([0, 1, 2].map((claimed) => shirts(claimed)?.shippingRefundMinor)).toEqual([79, 79, 78]);
  });

  it('takes units after earlier items of the same line in one request', () => {
    const items = [defectItem({ lineId: 'L1', quantity: 2 }), defectItem({ lineId: 'L1', quantity: 1 })];
    const decision = evaluatePolicy(inputFixture({ items }));
    expect(decision.items.map((item) => [item.goodsMinor, item.shippingRefundMinor])).toEqual([
      [5798, 158],
      [2898, 78],
    ]);
  });

  it('refunds exactly the line net and its shipping share over any sequence of partial requests', () => {
    const sequence = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).map((cuts) => {
      const parts: number[] = [];
      let left = 3;
      for (const cut of cuts) {
        if (left === 0) break;
        parts.push(Math.min(cut, left));
        left -= Math.min(cut, left);
      }
      if (left > 0) parts.push(left);
      return parts;
    });
    fc.assert(
      fc.property(sequence, (parts) => {
        let claimed = 0;
        let goods = 0;
        let shipping = 0;
        for (const quantity of parts) {
          const item = evaluatePolicy(
            inputFixture({
              items: [defectItem({ lineId: 'L1', quantity })],
              alreadyClaimed: { L1: claimed },
            }),
          ).items[0];
          goods += item?.goodsMinor ?? 0;
          shipping += item?.shippingRefundMinor ?? 0;
          claimed += quantity;
        }
        expect([goods, shipping]).toEqual([8696, 236]);
      }),
    );
  });
});

describe('evaluatePolicy: exchanges (R-3.5)', () => {
  it('exchanges for the same price, the customer paying both legs of shipping for their own reason', () => {
    const decision = evaluatePolicy(inputFixture({ kind: 'exchange', items: [sizeExchange()] }));
    expect(decision.trace.find((entry) => entry.rule === 'exchange_price')?.message).toBe(
      'The replacement costs the same.',
    );
    expect(decision.fees).toEqual([
      { code: 'return_shipping', amountMinor: 695, payer: 'customer', deductedFromRefund: false },
      { code: 'reshipping', amountMinor: 695, payer: 'customer', deductedFromRefund: false },
    ]);
    expect(decision.refundableTotalMinor).toBe(0);
    expect(decision.outcome).toBe('review');
  });

  it('charges the price difference of a dearer replacement when the policy allows it', () => {
    const policy = defaultPolicy();
    policy.exchange.allowHigherPrice = true;
    const item = sizeExchange({ replacement: { sku: 'SHIRT-PREMIUM-M', unitPriceMinor: 3999 } });
    const decision = evaluatePolicy(inputFixture({ policy, kind: 'exchange', items: [item] }));
    expect(decision.outcome).toBe('review');
    expect(decision.fees).toContainEqual({
      code: 'price_difference',
      amountMinor: 1000,
      payer: 'customer',
      deductedFromRefund: false,
    });
    expect(decision.trace.find((entry) => entry.rule === 'exchange_price')?.message).toBe(
      'The replacement costs €10.00 more; you pay the difference.',
    );
  });

  it('refunds the difference of a cheaper replacement', () => {
    const item = sizeExchange({ quantity: 2, replacement: { sku: 'SHIRT-BASIC-M', unitPriceMinor: 2499 } });
    const decision = evaluatePolicy(inputFixture({ kind: 'exchange', items: [item] }));
    expect(decision.items[0]).toEqual({
      lineId: 'L1',
      quantity: 2,
      goodsMinor: 1000,
      shippingRefundMinor: 0,
      refundableMinor: 1000,
    });
    expect(decision.fees.map((fee) => [fee.code, fee.deductedFromRefund])).toEqual([
      ['return_shipping', true],
      ['reshipping', false],
    ]);
    expect(decision.refundableTotalMinor).toBe(1000 - 695);
  });

  it('never refunds more than was paid for the exchanged units', () => {
    const item = sizeExchange({ replacement: { sku: 'GIFT', unitPriceMinor: 0 } });
    expect(evaluatePolicy(inputFixture({ kind: 'exchange', items: [item] })).items[0]?.goodsMinor).toBe(2899);
  });

  it('has the merchant ship both ways when the exchange is for a defect, refunding no shipping', () => {
    const decision = evaluatePolicy(inputFixture({ kind: 'exchange', items: [defectItem()] }));
    expect(decision.fees).toEqual([
      { code: 'return_shipping', amountMinor: 0, payer: 'merchant', deductedFromRefund: false },
      { code: 'reshipping', amountMinor: 0, payer: 'merchant', deductedFromRefund: false },
    ]);
    expect(decision.refundableTotalMinor).toBe(0);
  });
});

describe('evaluatePolicy: refund only and repair (R-3.3)', () => {
  it('approves a refund without a parcel when the policy automates it', () => {
    const policy = defaultPolicy();
    policy.autoApproval = {
      ...policy.autoApproval,
      reasons: ['other'],
      kinds: ['refund_only'],
      requiredConditions: [],
    };
    const item: RequestedItem = {
      lineId: 'L3',
      quantity: 2,
      reasonCode: 'other',
      conditions: [],
      evidenceCount: 0,
    };
    const decision = evaluatePolicy(inputFixture({ policy, kind: 'refund_only', items: [item] }));
    expect(decision.outcome).toBe('approve');
    expect(decision.fees).toEqual([]);
    expect(decision.refundableTotalMinor).toBe(500);
    expect(decision.deadlines.shipBackBy).toBeNull();
  });

  it('refunds nothing for a repair; the merchant ships both ways for a defect', () => {
    const decision = evaluatePolicy(inputFixture({ kind: 'repair', items: [defectItem()] }));
    expect(decision.items).toEqual([
      { lineId: 'L2', quantity: 1, goodsMinor: 0, shippingRefundMinor: 0, refundableMinor: 0 },
    ]);
    expect(decision.refundableTotalMinor).toBe(0);
    expect(decision.fees.map((fee) => [fee.code, fee.payer])).toEqual([
      ['return_shipping', 'merchant'],
      ['reshipping', 'merchant'],
    ]);
  });
});
