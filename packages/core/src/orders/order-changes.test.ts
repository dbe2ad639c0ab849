import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type OrderFulfilment,
  orderChangeVerdict,
  planCancellation,
  refundableOnPayments,
  unitsLeftToReturn,
} from './order-changes.js';

const T = '2026-03-02T10:00:00.000Z';
const order = (over: Partial<OrderFulfilment> = {}): OrderFulfilment => ({
  status: 'paid',
  deliveredAt: null,
  shipments: [],
  ...over,
});
const parcel = (over: Partial<OrderFulfilment['shipments'][number]> = {}) => ({
  shippedAt: null,
  deliveredAt: null,
  status: null,
  ...over,
});

describe('orderChangeVerdict', () => {
  it('allows a change while the order is placed or paid and no parcel has left', () => {
    expect(orderChangeVerdict(order({ status: 'placed' }))).toEqual({ allowed: true });
    expect(orderChangeVerdict(order({ status: 'paid' }))).toEqual({ allowed: true });
  });

  it('allows a change while a parcel is only announced, with no shipping time and no carrier scan', () => {
    expect(orderChangeVerdict(order({ shipments: [parcel()] }))).toEqual({ allowed: true });
  });

  it('refuses once a parcel has a shipping time', () => {
    expect(orderChangeVerdict(order({ shipments: [parcel(), parcel({ shippedAt: T })] }))).toMatchObject({
      allowed: false,
      block: 'shipped',
    });
  });

  it('refuses once a carrier has scanned a parcel, even without a shipping time from the shop', () => {
    expect(orderChangeVerdict(order({ shipments: [parcel({ status: 'in_transit' })] }))).toMatchObject({
      allowed: false,
      block: 'shipped',
    });
  });

  it('refuses when the shop says shipped, whatever the parcels say', () => {
    expect(orderChangeVerdict(order({ status: 'Shipped' }))).toMatchObject({
      allowed: false,
      block: 'shipped',
    });
  });

  it('says delivered rather than shipped once the goods arrived', () => {
    expect(orderChangeVerdict(order({ status: 'shipped', deliveredAt: T }))).toMatchObject({
      block: 'delivered',
    });
    expect(orderChangeVerdict(order({ shipments: [parcel({ status: 'delivered' })] }))).toMatchObject({
      block: 'delivered',
    });
  });

  it('refuses a cancelled order, also when a later import from the shop lost the status', () => {
    expect(orderChangeVerdict(order({ status: 'canceled' }))).toMatchObject({ block: 'cancelled' });
    expect(orderChangeVerdict(order({ status: 'paid', cancelledHere: true }))).toMatchObject({
      block: 'cancelled',
      message: 'The order is cancelled; there is nothing left to change.',
    });
  });

  it('never allows a change once any parcel shipped, whatever else the order says (property)', () => {
    const parcels = fc.array(
      fc.record({
        shippedAt: fc.option(fc.constant(T)),
        deliveredAt: fc.option(fc.constant(T)),
        status: fc.option(fc.constantFrom('shipped', 'in_transit', 'delivered', 'exception')),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('placed', 'paid', 'shipped', 'delivered', 'cancelled'),
        fc.option(fc.constant(T)),
        parcels,
        (status, deliveredAt, shipments) => {
          const verdict = orderChangeVerdict({ status, deliveredAt, shipments });
          const left = shipments.some((s) => s.shippedAt || s.deliveredAt || s.status);
          if (left || deliveredAt || (status !== 'placed' && status !== 'paid')) {
            expect(verdict.allowed).toBe(false);
          } else {
            expect(verdict.allowed).toBe(true);
          }
        },
      ),
    );
  });
});

describe('planCancellation', () => {
  it('cancels an order that has not shipped', () => {
    expect(planCancellation(order(), 3)).toEqual({ outcome: 'cancel' });
  });

  it('turns a cancellation after shipment into a return of the remaining units', () => {
    expect(planCancellation(order({ shipments: [parcel({ shippedAt: T })] }), 3)).toEqual({
      outcome: 'return',
      block: 'shipped',
      message:
        'The order has already shipped; it can no longer be changed. The cancellation becomes a return of the remaining units.',
    });
    expect(planCancellation(order({ deliveredAt: T }), 1)).toMatchObject({
      outcome: 'return',
      block: 'delivered',
    });
  });

  it('refuses when every unit is already in a case, or the order is cancelled', () => {
    expect(planCancellation(order({ status: 'shipped' }), 0)).toMatchObject({
      outcome: 'refuse',
      block: 'nothing_to_return',
    });
    expect(planCancellation(order({ status: 'cancelled' }), 3)).toMatchObject({
      outcome: 'refuse',
      block: 'cancelled',
    });
  });
});

describe('refundableOnPayments', () => {
  it('gives back what was captured less what was refunded, over every payment', () => {
    expect(
      refundableOnPayments([
        { capturedMinor: 10_000, refundedMinor: 2_500 },
        { capturedMinor: 1_999, refundedMinor: 0 },
      ]),
    ).toBe(9_499);
    expect(refundableOnPayments([])).toBe(0);
  });

  it('never goes below zero, and never above what was captured (property)', () => {
    const payment = fc.record({ capturedMinor: fc.nat(1_000_000), refundedMinor: fc.nat(1_000_000) });
    fc.assert(
      fc.property(fc.array(payment, { maxLength: 5 }), (payments) => {
        const due = refundableOnPayments(payments);
        expect(due).toBeGreaterThanOrEqual(0);
        expect(due).toBeLessThanOrEqual(payments.reduce((sum, p) => sum + p.capturedMinor, 0));
      }),
    );
  });
});

describe('unitsLeftToReturn', () => {
  it('takes every unit no case claims, and skips lines fully claimed', () => {
    expect(
      unitsLeftToReturn([
        { id: 'a', quantity: 2, claimed: 1 },
        { id: 'b', quantity: 1, claimed: 1 },
        { id: 'c', quantity: 3, claimed: 0 },
      ]),
    ).toEqual([
      { lineId: 'a', quantity: 1 },
      { lineId: 'c', quantity: 3 },
    ]);
  });
});
