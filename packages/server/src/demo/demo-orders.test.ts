import { ensureContractFormats, OrderInput } from '@afterdesk/contract';
import { Value } from '@sinclair/typebox/value';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER_FOR_LOGIN, DEMO_STORES, generateDemoOrders } from './demo-orders.js';
import { apportion, createPrng } from './prng.js';

const now = '2025-06-12T10:30:00+02:00';
const nowAt = DateTime.fromISO(now);
const daysBeforeNow = (iso: string | undefined) =>
  iso ? nowAt.diff(DateTime.fromISO(iso), 'days').days : Number.NaN;

beforeAll(() => ensureContractFormats());

describe('generateDemoOrders', () => {
  it('gives the same orders for the same seed and now, and others for another seed', () => {
    expect(generateDemoOrders({ seed: 7, now })).toEqual(generateDemoOrders({ seed: 7, now }));
    expect(generateDemoOrders({ seed: 8, now })).not.toEqual(generateDemoOrders({ seed: 7, now }));
  });

  it('makes 200 orders by default, each a valid OrderInput of a demo store', () => {
    const orders = generateDemoOrders({ now });
    expect(orders).toHaveLength(200);
    const codes = new Set(DEMO_STORES.map((s) => s.code));
    for (const order of orders) {
      const errors = [...Value.Errors(OrderInput, order)].map((e) => `${e.path}: ${e.message}`);
      expect(errors, order.number).toEqual([]);
      expect(codes.has(order.storeCode ?? '')).toBe(true);
      expect(order.customer.email).toMatch(/@example\.(com|cn)$/);
    }
    expect(new Set(orders.map((o) => `${o.storeCode}/${o.externalId}`)).size).toBe(200);
  });

  it('stays valid for other seeds and sizes', () => {
    for (const seed of [1, 2, 3, 42, 2 ** 31]) {
      for (const order of generateDemoOrders({ seed, count: 60, now }))
        expect(Value.Check(OrderInput, order)).toBe(true);
    }
  });

  it('opens the return window on 40 % of orders: delivered within the last six days', () => {
    const orders = generateDemoOrders({ now });
    const recent = orders.filter((o) => daysBeforeNow(o.shipments?.[0]?.deliveredAt) <= 6);
    expect(recent).toHaveLength(80);
    expect(orders.filter((o) => o.status === 'shipped').length).toBe(30);
    expect(orders.filter((o) => daysBeforeNow(o.shipments?.[0]?.deliveredAt) > 7).length).toBe(70);
    for (const order of orders) {
      const shipment = order.shipments?.[0];
      expect(daysBeforeNow(order.placedAt)).toBeGreaterThan(0);
      if (shipment?.deliveredAt) expect(daysBeforeNow(shipment.deliveredAt)).toBeGreaterThanOrEqual(0);
      if (shipment?.shippedAt)
        expect(DateTime.fromISO(shipment.shippedAt) > DateTime.fromISO(order.placedAt)).toBe(true);
    }
  });

  it('charges what the lines, discounts and shipping add up to, in the store currency and time zone', () => {
    for (const order of generateDemoOrders({ now })) {
      const store = DEMO_STORES.find((s) => s.code === order.storeCode);
      const goods = order.lines.reduce(
        (sum, l) => sum + l.quantity * l.unitPriceMinor - (l.discountMinor ?? 0),
        0,
      );
      expect(order.currency).toBe(store?.currency);
      expect(DateTime.fromISO(order.placedAt, { setZone: true }).offset).toBe(
        DateTime.fromISO(order.placedAt).setZone(store?.timeZone).offset,
      );
      if (order.status !== 'cancelled')
        expect(order.payments?.[0]?.capturedMinor).toBe(goods + (order.shippingMinor ?? 0));
    }
  });

  it('writes titles in the store language and uses local carriers', () => {
    const orders = generateDemoOrders({ now });
    const cn = orders.find((o) => o.storeCode === 'cn');
    expect(cn?.lines[0]?.title).toMatch(/\p{Script=Han}/u);
    expect(cn?.customer.email).toMatch(/@example\.cn$/);
    const carriers = new Set(
      orders.flatMap((o) => (o.shipments ?? []).map((s) => `${o.storeCode}:${s.carrier}`)),
    );
    expect([...carriers].sort()).toEqual([
      'cn:SF Express',
      'eu:DHL',
      'eu:UPS',
      'gb:Royal Mail',
      'us:UPS',
      'us:USPS',
    ]);
  });

  it('always contains the login example: delivered two days before now, two lines', () => {
    for (const seed of [undefined, 1, 99]) {
      const orders = generateDemoOrders({ seed, count: 5, now });
      const order = orders.find((o) => o.number === DEMO_CUSTOMER_FOR_LOGIN.orderNumber);
      expect(order).toMatchObject({
        storeCode: DEMO_CUSTOMER_FOR_LOGIN.storeCode,
        status: 'delivered',
        customer: { email: DEMO_CUSTOMER_FOR_LOGIN.email },
      });
      expect(order?.lines.length).toBeGreaterThanOrEqual(2);
      expect(daysBeforeNow(order?.shipments?.[0]?.deliveredAt)).toBeCloseTo(2, 2);
      expect(orders.filter((o) => o.customer.email === DEMO_CUSTOMER_FOR_LOGIN.email)).toHaveLength(1);
    }
  });

  it('refuses a now without a date', () => {
    expect(() => generateDemoOrders({ now: 'today' })).toThrow(RangeError);
  });
});

describe('createPrng', () => {
  it('repeats its sequence for a seed', () => {
    const a = createPrng(123);
    const b = createPrng(123);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(createPrng(1).next()).toBeCloseTo(0.6270739405881613, 15);
  });
});

describe('apportion', () => {
  it('gives exactly count labels in proportion, rounding by largest remainder', () => {
    expect(
      apportion(
        [
          ['a', 40],
          ['b', 60],
        ],
        5,
      ),
    ).toEqual(['a', 'a', 'b', 'b', 'b']);
    expect(
      apportion(
        [
          ['a', 1],
          ['b', 1],
          ['c', 1],
        ],
        4,
      ),
    ).toHaveLength(4);
  });
});
