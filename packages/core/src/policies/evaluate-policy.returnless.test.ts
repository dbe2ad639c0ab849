import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyInput, RequestedItem } from './decision.js';
import { defaultPolicy } from './default-policy.js';
import { evaluatePolicy } from './evaluate-policy.js';
import { defectItem, inputFixture, noReasonItem, orderFixture } from './policies.test-helpers.js';
import type { PolicyDocument } from './policy.schema.js';
import { labelCostsTooMuch } from './returnless.js';

// The fixture's socks (L3) are worth 250 a pair, one shirt (L1) 2899; the default label
// cost is 495 in EUR, so with "keep it" on, goods under 990 are kept.

function keepItPolicy(rule: Partial<NonNullable<PolicyDocument['returnless']>> = {}): PolicyDocument {
  const policy = defaultPolicy();
  policy.returnless = { enabled: true, labelCostMinor: { EUR: 495 }, maxLabelShare: 0.5, ...rule };
  return policy;
}

const socks = (overrides: Partial<RequestedItem> = {}) => noReasonItem({ lineId: 'L3', ...overrides });
const keepIt = (overrides: Partial<PolicyInput> = {}) =>
  evaluatePolicy(inputFixture({ policy: keepItPolicy(), items: [socks()], ...overrides }));
const returnlessEntry = (decision: ReturnType<typeof evaluatePolicy>) =>
  decision.trace.find((entry) => entry.rule === 'returnless');

describe('evaluatePolicy: returnless refunds ("keep it")', () => {
  it('lets the customer keep socks that would cost more to send back than half their value', () => {
    const decision = keepIt();
    expect(decision.outcome).toBe('approve');
    expect(decision.returnless).toBe(true);
    expect(returnlessEntry(decision)).toEqual({
      rule: 'returnless',
      passed: true,
      message:
        'Keep the item: sending it back would cost €4.95, more than 50% of its value (€2.50). You are refunded without returning anything.',
    });
  });

  it('charges no return shipping and sets no ship-back deadline when the goods are kept', () => {
    const decision = keepIt();
    expect(decision.fees).toEqual([]);
    expect(decision.refundableTotalMinor).toBe(250);
    expect(decision.deadlines.shipBackBy).toBeNull();
    expect(decision.trace.some((entry) => entry.rule === 'shipping_fee_known')).toBe(false);
  });

  it('has a shirt sent back as usual, saying why, without sending the request to review', () => {
    const decision = keepIt({ items: [noReasonItem()] });
    expect(decision.returnless).toBe(false);
    expect(decision.outcome).toBe('approve');
    expect(decision.reasons).toEqual([]);
    expect(returnlessEntry(decision)).toEqual({
      rule: 'returnless',
      passed: false,
      message: 'Please send the item back: the return label (€4.95) costs at most 50% of its value (€28.99).',
    });
    expect(decision.fees).toEqual([
      { code: 'return_shipping', amountMinor: 695, payer: 'customer', deductedFromRefund: true },
    ]);
    expect(decision.deadlines.shipBackBy).not.toBeNull();
  });

  it('weighs the whole parcel: socks packed with a shirt go back together', () => {
    const decision = keepIt({ items: [socks(), noReasonItem()] });
    expect(decision.returnless).toBe(false);
    expect(returnlessEntry(decision)?.message).toBe(
      'Please send the items back: the return label (€4.95) costs at most 50% of their value (€31.49).',
    );
  });

  it('sends back goods whose label costs exactly the share, and keeps them one cent above', () => {
    const twoPairs = [socks({ quantity: 2 })];
    const at = (labelMinor: number) =>
      evaluatePolicy(
        inputFixture({ policy: keepItPolicy({ labelCostMinor: { EUR: labelMinor } }), items: twoPairs }),
      ).returnless;
    expect(at(250)).toBe(false);
    expect(at(251)).toBe(true);
  });

  it('explains itself in Chinese to a Chinese customer', () => {
    expect(returnlessEntry(keepIt({ language: 'zh-CN' }))?.message).toBe(
      '无需退回商品：寄回运费 €4.95 超过商品价值（€2.50）的 50%，直接为您退款。',
    );
    expect(returnlessEntry(keepIt({ language: 'zh-CN', items: [noReasonItem()] }))?.message).toBe(
      '请寄回商品：退货运费 €4.95 不超过商品价值（€28.99）的 50%。',
    );
  });

  it('explains itself in German to a German customer, in German numbers', () => {
    expect(returnlessEntry(keepIt({ language: 'de' }))?.message).toBe(
      'Behalten Sie den Artikel: Die Rücksendung würde 4,95\u00a0€ kosten, mehr als 50\u00a0% seines Werts (2,50\u00a0€). Sie erhalten Ihre Erstattung, ohne etwas zurückzusenden.',
    );
  });

  it('refunds the shipping share of a defective item that is kept', () => {
    const decision = keepIt({ items: [defectItem({ lineId: 'L3' })] });
    expect(decision.returnless).toBe(true);
    expect(decision.items).toEqual([
      { lineId: 'L3', quantity: 1, goodsMinor: 250, shippingRefundMinor: 7, refundableMinor: 257 },
    ]);
    expect(decision.refundableTotalMinor).toBe(257);
    expect(decision.fees).toEqual([]);
  });

  it('sends the goods back when no label cost is set for the order currency', () => {
    const decision = evaluatePolicy(
      inputFixture({ policy: keepItPolicy({ labelCostMinor: { USD: 595 } }), items: [socks()] }),
    );
    expect(decision.returnless).toBe(false);
    expect(decision.outcome).toBe('approve');
    expect(returnlessEntry(decision)).toMatchObject({
      passed: false,
      message: 'No return label cost is set for EUR, so the goods are sent back as usual.',
    });
  });

  it('is silent when the rule is off, as in the default policy and documents stored before it', () => {
    const stored = defaultPolicy();
    delete stored.returnless;
    for (const policy of [defaultPolicy(), stored]) {
      const decision = evaluatePolicy(inputFixture({ policy, items: [socks()] }));
      expect(decision.returnless).toBe(false);
      expect(returnlessEntry(decision)).toBeUndefined();
    }
  });

  it('applies to returns only: refund only sends nothing, an exchange or a repair needs the goods', () => {
    for (const kind of ['refund_only', 'exchange', 'repair'] as const) {
      const decision = keepIt({ kind, items: [socks({ reasonCode: 'other', conditions: [] })] });
      expect(decision.returnless).toBe(false);
      expect(returnlessEntry(decision)).toBeUndefined();
    }
  });

  it('never tells a rejected customer to keep the goods', () => {
    const decision = keepIt({ order: { ...orderFixture(), status: 'cancelled' } });
    expect(decision.outcome).toBe('reject');
    expect(decision.returnless).toBe(false);
    expect(returnlessEntry(decision)).toBeUndefined();
  });

  it('still says "keep it" on a request an agent reviews, so approving it sends nothing back', () => {
    const decision = keepIt({ customer: { blocked: true } });
    expect(decision.outcome).toBe('review');
    expect(decision.returnless).toBe(true);
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['customer_not_blocked']);
  });
});

describe('evaluatePolicy: returnless properties', () => {
  const request = fc.record({
    labelMinor: fc.integer({ min: 0, max: 20_000 }),
    percent: fc.integer({ min: 0, max: 100 }),
    shirts: fc.integer({ min: 0, max: 3 }),
    pairs: fc.integer({ min: 0, max: 2 }),
    defect: fc.boolean(),
  });
  const itemsOf = ({ shirts, pairs, defect }: { shirts: number; pairs: number; defect: boolean }) => {
    const make = defect ? defectItem : noReasonItem;
    const items = [
      ...(shirts > 0 ? [make({ lineId: 'L1', quantity: shirts })] : []),
      ...(pairs > 0 ? [make({ lineId: 'L3', quantity: pairs })] : []),
    ];
    return items.length > 0 ? items : [make({ lineId: 'L3' })];
  };

  it('keeps the goods exactly when the label costs more than the share of their value', () => {
    fc.assert(
      fc.property(request, (r) => {
        const policy = keepItPolicy({
          labelCostMinor: { EUR: r.labelMinor },
          maxLabelShare: r.percent / 100,
        });
        const decision = evaluatePolicy(inputFixture({ policy, items: itemsOf(r) }));
        const goodsMinor = decision.items.reduce((sum, item) => sum + item.goodsMinor, 0);
        expect(decision.returnless).toBe(r.labelMinor * 100 > r.percent * goodsMinor);
        expect(returnlessEntry(decision)?.passed).toBe(decision.returnless);
      }),
    );
  });

  it('refunds what a return would, plus only the return shipping it no longer charges', () => {
    fc.assert(
      fc.property(request, (r) => {
        const items = itemsOf(r);
        const policy = keepItPolicy({
          labelCostMinor: { EUR: r.labelMinor },
          maxLabelShare: r.percent / 100,
        });
        const kept = evaluatePolicy(inputFixture({ policy, items }));
        const returned = evaluatePolicy(inputFixture({ items }));
        expect(kept.items).toEqual(returned.items);
        expect(kept.outcome).toBe(returned.outcome);
        const waived = kept.returnless
          ? returned.fees
              .filter((fee) => fee.deductedFromRefund)
              .reduce((sum, fee) => sum + fee.amountMinor, 0)
          : 0;
        expect(kept.refundableTotalMinor).toBe(returned.refundableTotalMinor + waived);
        expect(kept.refundableTotalMinor).toBeLessThanOrEqual(
          kept.items.reduce((sum, item) => sum + item.refundableMinor, 0),
        );
      }),
    );
  });

  it('compares exactly, whatever the float of the share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10 ** 9 }), (bp, goods) => {
        const share = bp / 10_000;
        const atShare = Number((BigInt(goods) * BigInt(bp)) / 10_000n);
        const exact = (BigInt(goods) * BigInt(bp)) % 10_000n === 0n;
        // At exactly the share the goods go back; one minor unit above, they stay.
        if (exact) expect(labelCostsTooMuch(atShare, goods, share)).toBe(false);
        expect(labelCostsTooMuch(atShare + 1, goods, share)).toBe(true);
      }),
    );
  });
});
