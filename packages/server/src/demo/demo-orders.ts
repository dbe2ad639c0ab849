import type { OrderInput, OrderLineInput } from '@afterdesk/contract';
import { DateTime } from 'luxon';
import {
  APPAREL_SIZES,
  COLOUR_CODES,
  COLOURS,
  DEMO_PRODUCTS,
  type DemoProduct,
  localPriceMinor,
  type TitleLanguage,
} from './demo-catalogue.js';
import { createDemoPerson, type DemoPerson } from './demo-people.js';
import { DEMO_MARKETS, type Market } from './demo-stores.js';
import { apportion, createPrng, type Prng } from './prng.js';

export { DEMO_STORES, type DemoStore } from './demo-stores.js';

/** What `generateDemoOrders` needs; `now` is passed in so the demo is reproducible and testable. */
export interface DemoOrdersOptions {
  seed?: number;
  count?: number;
  /** ISO 8601 with offset: delivery dates are placed relative to it. */
  now: string;
}

/** The seed `npm start` uses, so every fresh install shows the same demo. */
export const DEMO_DEFAULT_SEED = 20_240_917;

/**
 * A customer whose order was delivered two days before `now`, with two lines, in every generated
 * demo whatever the seed: the docs can say "try a return with order EU-10001 and this e-mail".
 */
export const DEMO_CUSTOMER_FOR_LOGIN = {
  storeCode: 'eu',
  orderNumber: 'EU-10001',
  email: 'lena.fischer@example.com',
  name: 'Lena Fischer',
  deliveredDaysBeforeNow: 2,
} as const;

type Scenario = 'recent' | 'in_transit' | 'paid' | 'older' | 'cancelled';
// Apportioned exactly (200 orders → 80 recent). 40 % delivered within the last six days, so the 7-day return window is open on many orders
// when the demo starts; the rest on their way, just paid, long delivered, or cancelled.
const SCENARIO_SHARES: ReadonlyArray<readonly [Scenario, number]> = [
  ['recent', 40],
  ['in_transit', 15],
  ['paid', 5],
  ['older', 35],
  ['cancelled', 5],
];

/**
 * The demo tenant's orders across `DEMO_STORES`: deterministic for a seed and `now`, and each one a
 * valid `OrderInput`. The first is always `DEMO_CUSTOMER_FOR_LOGIN`'s order.
 */
export function generateDemoOrders({
  seed = DEMO_DEFAULT_SEED,
  count = 200,
  now,
}: DemoOrdersOptions): OrderInput[] {
  const nowAt = DateTime.fromISO(now, { setZone: true });
  if (!nowAt.isValid) throw new RangeError(`now "${now}" is not an ISO 8601 date-time`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count ${count} is not a positive integer`);
  const random = createPrng(seed);
  const scenarios = random
    .shuffle(apportion(SCENARIO_SHARES, count))
    .filter((_, i, all) => i !== all.indexOf('recent'));
  const nextNumber = new Map<string, number>();
  const people = new Map<string, Array<DemoPerson & { externalId: string }>>();
  let serial = 0;

  const orderNumber = (market: Market): string => {
    const n = nextNumber.get(market.store.code) ?? 10_001;
    nextNumber.set(market.store.code, n + 1);
    return `${market.store.code.toUpperCase()}-${n}`;
  };
  const customerFor = (market: Market): DemoPerson & { externalId: string } => {
    const pool = people.get(market.store.code) ?? [];
    people.set(market.store.code, pool);
    // About one order in four comes from a returning customer: customer history matters in triage.
    if (pool.length > 0 && random.chance(0.25)) return random.pick(pool);
    serial += 1;
    const language = random.weighted(market.customerLanguages);
    const person = createDemoPerson(random, market.store.code, language, market.emailDomain, serial);
    const customer = { ...person, externalId: `demo-customer-${serial}` };
    pool.push(customer);
    return customer;
  };

  const eu = marketOf('eu');
  const login = DEMO_CUSTOMER_FOR_LOGIN;
  const loginOrder = buildOrder(random, eu, orderNumber(eu), nowAt, {
    scenario: 'recent',
    customer: { name: login.name, email: login.email, language: 'de', externalId: 'demo-customer-login' },
    deliveredAt: nowAt.minus({ days: login.deliveredDaysBeforeNow }).startOf('minute'),
    lines: [
      { sku: 'SHOE-RUN-AERO', colour: 'blue', size: '39', quantity: 1 },
      { sku: 'APP-TEE-ORGANIC', colour: 'white', size: 'M', quantity: 2 },
    ],
  });
  const orders = [loginOrder];
  for (const scenario of scenarios) {
    const market = random.weighted(DEMO_MARKETS.map((m) => [m, m.weight] as const));
    orders.push(
      buildOrder(random, market, orderNumber(market), nowAt, { scenario, customer: customerFor(market) }),
    );
  }
  return orders;
}

interface OrderPlan {
  scenario: Scenario;
  customer: DemoPerson & { externalId: string };
  deliveredAt?: DateTime;
  lines?: Array<{ sku: string; colour: keyof typeof COLOURS; size: string; quantity: number }>;
}

function buildOrder(
  random: Prng,
  market: Market,
  number: string,
  now: DateTime,
  plan: OrderPlan,
): OrderInput {
  const { store } = market;
  const local = now.setZone(store.timeZone);
  const timeline = planTimeline(random, market, local, plan);
  const products = plan.lines
    ? plan.lines.map((l) => ({ product: productOf(l.sku), forced: l }))
    : random
        .shuffle(DEMO_PRODUCTS)
        .slice(
          0,
          random.weighted([
            [1, 50],
            [2, 30],
            [3, 15],
            [4, 5],
          ] as const),
        )
        .map((product) => ({ product, forced: undefined }));
  const lines = products.map(({ product, forced }, i) =>
    buildLine(random, market, product, `${number}-${i + 1}`, forced),
  );
  const goods = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor - (l.discountMinor ?? 0), 0);
  const shippingMinor = goods >= market.freeShippingFromMinor ? 0 : market.shippingFeeMinor;
  const iso = (at: DateTime) => at.setZone(store.timeZone).toISO({ suppressMilliseconds: true }) ?? '';
  // Drawn for every order, used or not, so one scenario's choices do not shift the others'.
  const carrier = random.weighted(market.carriers.map((c) => [c, c.weight] as const));
  const trackingNumber = random.fill(carrier.tracking);
  // A cancelled order's authorisation was voided, so it carries no captured payment.
  const payment = {
    method: random.weighted(market.payments),
    reference: `PAY-${random.fill('AAAA########')}`,
    capturedMinor: goods + shippingMinor,
  };
  const shipment = timeline.shippedAt && {
    carrier: carrier.name,
    trackingNumber,
    shippedAt: iso(timeline.shippedAt),
    ...(timeline.deliveredAt ? { deliveredAt: iso(timeline.deliveredAt) } : {}),
    ...(timeline.estimatedAt ? { estimatedAt: iso(timeline.estimatedAt) } : {}),
  };
  return {
    externalId: number,
    storeCode: store.code,
    number,
    status: timeline.status,
    placedAt: iso(timeline.placedAt),
    currency: store.currency,
    shippingMinor,
    customer: {
      externalId: plan.customer.externalId,
      email: plan.customer.email,
      name: plan.customer.name,
      language: plan.customer.language,
      country: store.country,
    },
    lines,
    ...(timeline.status === 'cancelled' ? {} : { payments: [payment] }),
    ...(shipment ? { shipments: [shipment] } : {}),
  };
}

interface Timeline {
  status: NonNullable<OrderInput['status']>;
  placedAt: DateTime;
  shippedAt?: DateTime;
  deliveredAt?: DateTime;
  estimatedAt?: DateTime;
}

function planTimeline(random: Prng, market: Market, now: DateTime, plan: OrderPlan): Timeline {
  const [minTransit, maxTransit] = market.transitDays;
  const handOver = (shippedAt: DateTime, status: Timeline['status'], deliveredAt?: DateTime): Timeline => ({
    status,
    placedAt: shippedAt.minus({ hours: random.int(3, 30), minutes: random.int(0, 59) }),
    shippedAt,
    ...(deliveredAt ? { deliveredAt } : {}),
    estimatedAt: shippedAt.plus({ days: maxTransit }).set({ hour: 18, minute: 0 }),
  });
  switch (plan.scenario) {
    case 'recent':
    case 'older': {
      const deliveredAt =
        plan.deliveredAt ??
        deliveryTime(random, now, plan.scenario === 'recent' ? random.int(0, 5) : random.int(8, 60));
      const shippedAt = deliveredAt.minus({
        days: random.int(minTransit, maxTransit),
        hours: random.int(0, 6),
      });
      return handOver(shippedAt, 'delivered', deliveredAt);
    }
    case 'in_transit':
      return handOver(now.minus({ hours: random.int(6, 24 * maxTransit - 6) }).startOf('minute'), 'shipped');
    case 'paid':
      return { status: 'paid', placedAt: now.minus({ minutes: random.int(10, 36 * 60) }).startOf('minute') };
    case 'cancelled':
      return {
        status: 'cancelled',
        placedAt: now.minus({ days: random.int(1, 30), hours: random.int(0, 23) }).startOf('minute'),
      };
  }
}

/** A delivery during local working hours `daysAgo` calendar days back, never later than now. */
function deliveryTime(random: Prng, now: DateTime, daysAgo: number): DateTime {
  const at = now
    .minus({ days: daysAgo })
    .set({ hour: random.int(9, 19), minute: random.int(0, 59), second: 0, millisecond: 0 });
  return at <= now ? at : now.minus({ minutes: random.int(30, 180) }).startOf('minute');
}

function buildLine(
  random: Prng,
  market: Market,
  product: DemoProduct,
  externalId: string,
  forced?: { colour: keyof typeof COLOURS; size: string; quantity: number },
): OrderLineInput {
  const language = titleLanguage(market.store.languages[0]);
  const colour = product.colours ? (forced?.colour ?? random.pick(product.colours)) : undefined;
  const sizes =
    product.sizes === 'shoes' ? market.shoeSizes : product.sizes === 'apparel' ? APPAREL_SIZES : undefined;
  const size = sizes ? (forced?.size ?? random.pick(sizes)) : undefined;
  const quantity = forced?.quantity ?? (random.chance(0.75) ? 1 : random.int(1, product.maxQuantity));
  const unitPriceMinor = localPriceMinor(product.priceEurMinor, market.store.currency);
  // One line in five carries a promotion, as a share of the line.
  const discountMinor =
    forced || !random.chance(0.2)
      ? 0
      : Math.round((unitPriceMinor * quantity * random.pick([10, 15, 20])) / 100);
  const attributes: Record<string, string> = {};
  if (size) attributes.size = size;
  if (colour) attributes.colour = COLOURS[colour][language];
  return {
    externalId,
    sku: [product.sku, colour && COLOUR_CODES[colour], size].filter(Boolean).join('-'),
    title: product.titles[language],
    category: product.category,
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    quantity,
    unitPriceMinor,
    ...(discountMinor > 0 ? { discountMinor } : {}),
  };
}

function titleLanguage(language: string | undefined): TitleLanguage {
  return language === 'de' || language === 'zh-CN' ? language : 'en';
}

function marketOf(code: string): Market {
  const market = DEMO_MARKETS.find((m) => m.store.code === code);
  if (!market) throw new Error(`no demo market ${code}`);
  return market;
}

function productOf(sku: string): DemoProduct {
  const product = DEMO_PRODUCTS.find((p) => p.sku === sku);
  if (!product) throw new Error(`no demo product ${sku}`);
  return product;
}
