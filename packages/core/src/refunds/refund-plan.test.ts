import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRefund, type RefundablePayment } from './refund-plan.js';

const card = (capturedMinor: number, refundedMinor = 0, id = 'card'): RefundablePayment => ({
  id,
  capturedMinor,
  refundedMinor,
});

describe('planRefund', () => {
  it('takes a refund from the one payment that was captured', () => {
    const plan = planRefund({
      amountMinor: 4999,
      currency: 'EUR',
      orderCurrency: 'EUR',
      payments: [card(12_797)],
    });
    expect(plan).toEqual({ ok: true, parts: [{ paymentId: 'card', amountMinor: 4999 }] });
  });

  it('takes from the first payments first and only what each has left', () => {
    const plan = planRefund({
      amountMinor: 3000,
      currency: 'EUR',
      orderCurrency: 'EUR',
      payments: [card(2000, 500, 'gift'), card(5000, 0, 'card')],
    });
    expect(plan).toEqual({
      ok: true,
      parts: [
        { paymentId: 'gift', amountMinor: 1500 },
        { paymentId: 'card', amountMinor: 1500 },
      ],
    });
  });

  it('stops for an agent when the refund is more than is still refundable', () => {
    const plan = planRefund({
      amountMinor: 5000,
      currency: 'EUR',
      orderCurrency: 'EUR',
      payments: [card(5000, 1000)],
    });
    expect(plan).toMatchObject({ ok: false, anomaly: { code: 'exceeds_refundable', refundableMinor: 4000 } });
  });

  it('stops for an agent when the currency is not the order’s', () => {
    const plan = planRefund({
      amountMinor: 100,
      currency: 'USD',
      orderCurrency: 'EUR',
      payments: [card(5000)],
    });
    expect(plan).toMatchObject({ ok: false, anomaly: { code: 'currency_mismatch' } });
  });

  it('stops for an agent when nothing was captured', () => {
    const plan = planRefund({ amountMinor: 100, currency: 'EUR', orderCurrency: 'EUR', payments: [] });
    expect(plan).toMatchObject({ ok: false, anomaly: { code: 'no_payment' } });
  });

  it('refuses amounts that are not a positive whole number of minor units', () => {
    for (const amountMinor of [0, -1, 1.5, Number.NaN]) {
      expect(() =>
        planRefund({ amountMinor, currency: 'EUR', orderCurrency: 'EUR', payments: [card(1)] }),
      ).toThrow(RangeError);
    }
  });

  const payments = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 })), {
      maxLength: 5,
    })
    .map((pairs) => pairs.map(([a, b], i) => card(Math.max(a, b), Math.min(a, b), `p${i}`)));

  it('pays exactly the amount, never more than a payment has left, or stops', () => {
    fc.assert(
      fc.property(payments, fc.integer({ min: 1, max: 3_000_000 }), (paid, amountMinor) => {
        const plan = planRefund({ amountMinor, currency: 'EUR', orderCurrency: 'EUR', payments: paid });
        const left = paid.reduce((sum, p) => sum + p.capturedMinor - p.refundedMinor, 0);
        if (!plan.ok) return amountMinor > left;
        const byId = new Map(paid.map((p) => [p.id, p]));
        const sum = plan.parts.reduce((s, part) => s + part.amountMinor, 0);
        return (
          sum === amountMinor &&
          plan.parts.every((part) => {
            const payment = byId.get(part.paymentId) as RefundablePayment;
            return part.amountMinor > 0 && part.amountMinor <= payment.capturedMinor - payment.refundedMinor;
          })
        );
      }),
    );
  });

  it('never lets repeated refunds take more than was captured', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 20 }),
        (captured, requests) => {
          let refunded = 0;
          for (const amountMinor of requests) {
            const plan = planRefund({
              amountMinor,
              currency: 'JPY',
              orderCurrency: 'JPY',
              payments: [card(captured, refunded)],
            });
            if (plan.ok) refunded += amountMinor;
          }
          return refunded <= captured;
        },
      ),
    );
  });
});

describe('planRefund for an order the shop sent without its payments', () => {
  const unpaidOrder = (refundedMinor = 0) => ({ orderTotalMinor: 3299, refundedMinor });

  it('refunds by hand, taking nothing from any payment, up to the order total', () => {
    expect(
      planRefund({
        amountMinor: 1250,
        currency: 'EUR',
        orderCurrency: 'EUR',
        payments: [],
        unpaid: unpaidOrder(),
      }),
    ).toEqual({
      ok: true,
      parts: [],
    });
  });

  it('holds what goes beyond the order total less earlier refunds', () => {
    const plan = planRefund({
      amountMinor: 1250,
      currency: 'EUR',
      orderCurrency: 'EUR',
      payments: [],
      unpaid: unpaidOrder(2500),
    });
    expect(plan).toMatchObject({ ok: false, anomaly: { code: 'exceeds_refundable', refundableMinor: 799 } });
  });
});
