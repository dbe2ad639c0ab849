import type { OrderInput, OrderLineInput } from '@afterdesk/contract';
import { DateTime } from 'luxon';
import { COLOUR_CODES, COLOURS, DEMO_PRODUCTS, type DemoProduct, localPriceMinor } from './demo-catalogue.js';
import { type DemoHistoryCase, planCases, type ShopperRole } from './demo-history-cases.js';
import { type DemoWeek, weeklySeries } from './demo-history-series.js';
import { type Mood, reviewComment, textLanguage } from './demo-history-texts.js';
import { createDemoPerson } from './demo-people.js';
import { DEMO_MARKETS, type Market } from './demo-stores.js';
import { createPrng, type Prng } from './prng.js';

export type { DemoHistoryCase } from './demo-history-cases.js';
export type { DemoWeek } from './demo-history-series.js';

/** What `generateDemoHistory` needs besides the seed; every field has a default. */
export interface DemoHistoryOptions {
  /** End of the history (ISO 8601); the history covers the `weeks` before it. */
  now?: string;
  weeks?: number;
  /** Orders in an ordinary week, before seasonality and growth (default 28: ~3,000 orders in two years). */
  ordersPerWeek?: number;
}

/** The end of the history when no `now` is given, so a backtest sees the same weeks on every run. */
export const DEMO_HISTORY_DEFAULT_NOW = '2025-06-02T08:00:00Z';

/** Where an order went; the contract has no field for it, so the seed writes it beside the order. */
export interface DemoAddress {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  phone?: string;
}

/** Two years of the demo shop: orders (each a valid `OrderInput`), the cases they led to, weekly series. */
export interface DemoHistory {
  seed: number;
  from: string;
  to: string;
  orders: OrderInput[];
  /** Shipping address by order external id. */
  addresses: Record<string, DemoAddress>;
  cases: DemoHistoryCase[];
  weekly: DemoWeek[];
  /** What was planted for the analytics to find, so tests and docs can point at it. */
  planted: {
    spike: { sku: string; supplier: string; batch: string; week: string };
    serialReturner: string;
    sharedPhone: string;
    repeatComplainers: string[];
    highValueOrders: string[];
  };
}

// Sales by month: a November peak (Black Friday), Christmas, a summer dip.
const SEASON = [0.9, 0.85, 0.95, 1, 1, 0.85, 0.75, 0.75, 0.95, 1.05, 1.7, 1.45];
const POPULARITY: Record<string, number> = {
  fashion_shoes: 3,
  fashion_apparel: 3,
  electronics: 2,
  home: 1.6,
  beauty: 2,
  toys: 1.4,
};
const SUPPLIERS: Record<string, string> = {
  fashion_shoes: 'Porto Footwear Lda',
  fashion_apparel: 'Nordic Textile Co',
  electronics: 'Shenzhen Sound Ltd',
  home: 'Hemma Home AB',
  beauty: 'Grasse Labs SARL',
  toys: 'Ningbo Toys Co',
};
/** The planted quality problem: a new supplier's batch of chargers that overheat. */
export const SPIKE_SKU = 'EL-CHARGER-65W';
const SPIKE_SUPPLIER = 'Shenzhen PowerCell Ltd';
const SPIKE_BATCH = 'EL-CHARGER-65W-PC7';
const SHARED_PHONE = '+1 555 0100 77';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** An instant as the contract writes it, in UTC. */
const isoOf = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const SHARED_ADDRESS = { line1: '1200 Harbor Blvd, Unit 4', city: 'Newark', postalCode: '07102' };

interface Shopper {
  externalId: string;
  name: string;
  email: string;
  language: string;
  phone?: string;
  role: ShopperRole;
  market: Market;
  street: string;
}

/**
 * The demo tenant's past two years, deterministic for a seed and `now`: weekly seasonality,
 * categories with their own return rates and reasons, one SKU whose returns spike in the last
 * full week (a new supplier's batch), a serial returner, accounts sharing a phone and address,
 * repeat complainers, two orders above 5,000. Plain data: the demo seed writes it, and the
 * forecast backtest reads `weekly` without a database.
 */
export function generateDemoHistory(seed = 20_240_917, options: DemoHistoryOptions = {}): DemoHistory {
  const now = DateTime.fromISO(options.now ?? DEMO_HISTORY_DEFAULT_NOW, { zone: 'utc' });
  if (!now.isValid) throw new RangeError(`now "${options.now}" is not an ISO 8601 date-time`);
  const weeks = options.weeks ?? 104;
  const perWeek = options.ordersPerWeek ?? 28;
  const random = createPrng(seed ^ 0x5eed);
  const start = now.startOf('week').minus({ weeks });
  // The last full week before now: where the spike shows.
  const spikeWeek = now.startOf('week').minus({ weeks: 1 });
  const shoppers = createShoppers(random);
  const orders: OrderInput[] = [];
  const addresses: Record<string, DemoAddress> = {};
  const roles = new Map<string, Shopper>();
  const numbers = new Map<string, number>();
  const highValueOrders: string[] = [];

  // Times are epoch milliseconds here: Luxon is used per week, not per order, to stay fast.
  const cutoff = now.toMillis() - 2 * HOUR;
  const batchFrom = spikeWeek.minus({ weeks: 3 }).toMillis();
  for (let w = 0; w < weeks; w++) {
    const weekStart = start.plus({ weeks: w });
    const growth = 1 + (0.2 * w) / weeks;
    const count = Math.round(
      perWeek * (SEASON[weekStart.month - 1] ?? 1) * growth * (0.85 + 0.3 * random.next()),
    );
    const promo = weekStart.toMillis() >= batchFrom;
    for (let i = 0; i < count; i++) {
      const placed = weekStart.toMillis() + random.int(0, 7 * 24 * 60 - 1) * MINUTE;
      if (placed >= cutoff) continue;
      const shopper = pickShopper(random, shoppers);
      const highValue = (w === Math.floor(weeks / 3) || w === Math.floor((2 * weeks) / 3)) && i === 0;
      const order = buildOrder(random, shopper, placed, now.toMillis(), {
        number: nextNumber(numbers, shopper.market),
        promo,
        spike: placed >= batchFrom,
        highValue,
      });
      if (highValue) highValueOrders.push(order.externalId);
      orders.push(order);
      roles.set(order.externalId, shopper);
      addresses[order.externalId] = {
        name: shopper.name,
        ...(shopper.role === 'ring'
          ? SHARED_ADDRESS
          : {
              line1: shopper.street,
              city: cityOf(shopper.market),
              postalCode: postalCodeOf(random, shopper.market),
            }),
        country: shopper.market.store.country,
        ...(shopper.phone ? { phone: shopper.phone } : {}),
      };
    }
  }

  const cases = planCases(random, orders, (id) => roles.get(id)?.role ?? 'ordinary', now);
  const trouble = new Map(cases.map((c) => [c.orderExternalId, c]));
  for (const order of orders) addReview(random, order, trouble.get(order.externalId), now.toMillis());
  const repeatComplainers = [
    ...new Set(shoppers.filter((s) => s.role === 'complainer').map((s) => s.externalId)),
  ];
  return {
    seed,
    from: start.toISO() ?? '',
    to: now.toISO() ?? '',
    orders,
    addresses,
    cases,
    weekly: weeklySeries(orders, cases),
    planted: {
      spike: {
        sku: SPIKE_SKU,
        supplier: SPIKE_SUPPLIER,
        batch: SPIKE_BATCH,
        week: spikeWeek.toISODate() ?? '',
      },
      serialReturner: shoppers.find((s) => s.role === 'serial_returner')?.externalId ?? '',
      sharedPhone: SHARED_PHONE,
      repeatComplainers: repeatComplainers.filter(
        (id) => cases.filter((c) => c.kind === 'complaint' && c.customerExternalId === id).length >= 2,
      ),
      highValueOrders,
    },
  };
}

function createShoppers(random: Prng): Shopper[] {
  const shoppers: Shopper[] = [];
  let serial = 100_000;
  const make = (market: Market, role: ShopperRole, extra: Partial<Shopper> = {}): Shopper => {
    serial += 1;
    const language = random.weighted(market.customerLanguages);
    const person = createDemoPerson(random, market.store.code, language, market.emailDomain, serial);
    return {
      externalId: `demo-history-customer-${serial}`,
      ...person,
      role,
      market,
      street: `${random.int(1, 180)} ${random.pick(['Main St', 'Park Ave', 'Lindenweg', 'High Street', 'Jiefang Rd'])}`,
      ...extra,
    };
  };
  for (let i = 0; i < 900; i++) {
    const market = random.weighted(DEMO_MARKETS.map((m) => [m, m.weight] as const));
    shoppers.push(make(market, random.chance(0.03) ? 'complainer' : 'ordinary'));
  }
  const eu = DEMO_MARKETS.find((m) => m.store.code === 'eu') as Market;
  const us = DEMO_MARKETS.find((m) => m.store.code === 'us') as Market;
  shoppers.push(make(eu, 'serial_returner'));
  for (let i = 0; i < 4; i++) shoppers.push(make(us, 'ring', { phone: SHARED_PHONE }));
  return shoppers;
}

function pickShopper(random: Prng, shoppers: Shopper[]): Shopper {
  // A few orders each for the planted roles; repeat buyers come from the pool's skew.
  if (random.chance(0.005)) return shoppers.find((s) => s.role === 'serial_returner') as Shopper;
  if (random.chance(0.004)) return random.pick(shoppers.filter((s) => s.role === 'ring'));
  const skewed = Math.floor(random.next() ** 1.6 * 900);
  return shoppers[skewed] as Shopper;
}

function nextNumber(numbers: Map<string, number>, market: Market): string {
  const n = (numbers.get(market.store.code) ?? 0) + 1;
  numbers.set(market.store.code, n);
  return `${market.store.code.toUpperCase()}-H${String(n).padStart(5, '0')}`;
}

function buildOrder(
  random: Prng,
  shopper: Shopper,
  placed: number,
  now: number,
  o: { number: string; promo: boolean; spike: boolean; highValue: boolean },
): OrderInput {
  const { market } = shopper;
  const weights = DEMO_PRODUCTS.map((p) => {
    let weight = POPULARITY[p.category] ?? 1;
    if (p.sku === SPIKE_SKU && o.promo) weight *= 12;
    if (shopper.role === 'ring' && p.category !== 'electronics') weight = 0;
    return [p, weight] as const;
  });
  const count = o.highValue
    ? 1
    : random.weighted([
        [1, 55],
        [2, 30],
        [3, 15],
      ] as const);
  const chosen = new Set<DemoProduct>();
  // A business customer's bulk order of smartwatches: above 5,000, a proactive check.
  if (o.highValue)
    chosen.add(DEMO_PRODUCTS.find((p) => p.sku === 'EL-WATCH-PULSE') ?? (DEMO_PRODUCTS[0] as DemoProduct));
  while (chosen.size < count) chosen.add(random.weighted(weights));
  const lines = [...chosen].map((product, i) =>
    buildLine(random, market, product, `${o.number}-${i + 1}`, placed, o.spike, o.highValue ? 40 : undefined),
  );
  const goods = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor - (l.discountMinor ?? 0), 0);
  const shippingMinor = goods >= market.freeShippingFromMinor ? 0 : market.shippingFeeMinor;
  const cancelled = random.chance(0.02);
  const shippedAt = placed + random.int(3, 30) * HOUR;
  const deliveredAt = shippedAt + random.int(...market.transitDays) * DAY + random.int(0, 8) * HOUR;
  const carrier = random.weighted(market.carriers.map((c) => [c, c.weight] as const));
  const iso = isoOf;
  const shipped = !cancelled && shippedAt < now;
  const delivered = shipped && deliveredAt < now;
  return {
    externalId: o.number,
    storeCode: market.store.code,
    number: o.number,
    status: cancelled ? 'cancelled' : delivered ? 'delivered' : shipped ? 'shipped' : 'paid',
    placedAt: iso(placed),
    currency: market.store.currency,
    shippingMinor,
    customer: {
      externalId: shopper.externalId,
      email: shopper.email,
      name: shopper.name,
      language: shopper.language,
      country: market.store.country,
      ...(shopper.phone ? { phone: shopper.phone } : {}),
    },
    lines,
    ...(cancelled
      ? {}
      : { payments: [{ method: random.weighted(market.payments), capturedMinor: goods + shippingMinor }] }),
    ...(shipped
      ? {
          shipments: [
            {
              carrier: carrier.name,
              trackingNumber: random.fill(carrier.tracking),
              shippedAt: iso(shippedAt),
              ...(delivered ? { deliveredAt: iso(deliveredAt) } : {}),
            },
          ],
        }
      : {}),
  };
}

function buildLine(
  random: Prng,
  market: Market,
  product: DemoProduct,
  externalId: string,
  placed: number,
  spike: boolean,
  quantity?: number,
): OrderLineInput {
  const language =
    market.store.languages[0] === 'de' ? 'de' : market.store.languages[0] === 'zh-CN' ? 'zh-CN' : 'en';
  const colour = product.colours ? random.pick(product.colours) : undefined;
  const sizes =
    product.sizes === 'shoes'
      ? market.shoeSizes
      : product.sizes === 'apparel'
        ? ['XS', 'S', 'M', 'L', 'XL']
        : undefined;
  const size = sizes ? random.pick(sizes) : undefined;
  const newBatch = product.sku === SPIKE_SKU && spike;
  const attributes: Record<string, string> = {
    ...(size ? { size } : {}),
    ...(colour ? { colour: COLOURS[colour][language] } : {}),
    supplier: newBatch ? SPIKE_SUPPLIER : (SUPPLIERS[product.category] ?? 'Nordlicht Sourcing'),
    batch: newBatch ? SPIKE_BATCH : `${product.sku}-${quarterOf(placed)}`,
  };
  const units = quantity ?? (random.chance(0.8) ? 1 : random.int(1, Math.max(1, product.maxQuantity)));
  return {
    externalId,
    sku: [product.sku, colour && COLOUR_CODES[colour], size].filter(Boolean).join('-'),
    title: product.titles[language],
    category: product.category,
    attributes,
    quantity: units,
    unitPriceMinor: localPriceMinor(product.priceEurMinor, market.store.currency),
  };
}

// One delivered order in four gets a review; its mood follows what happened to the order.
function addReview(random: Prng, order: OrderInput, trouble: DemoHistoryCase | undefined, now: number): void {
  const delivered = order.shipments?.[0]?.deliveredAt;
  if (!delivered || !random.chance(0.25)) return;
  const at = Date.parse(delivered) + random.int(2, 12) * DAY;
  if (at >= now) return;
  const mood: Mood = trouble
    ? trouble.kind === 'complaint' || trouble.items.some((i) => i.reasonCode === 'quality_defect')
      ? 'angry'
      : 'unhappy'
    : random.weighted([
        ['happy', 70],
        ['neutral', 25],
        ['unhappy', 5],
      ] as const);
  const score = { angry: 1, unhappy: random.int(2, 3), neutral: random.int(3, 4), happy: random.int(4, 5) }[
    mood
  ];
  order.review = {
    externalId: `review-${order.externalId}`,
    score,
    ...(random.chance(0.7)
      ? { comment: reviewComment(random, textLanguage(order.customer.language ?? 'en'), mood) }
      : {}),
    reviewedAt: isoOf(at),
  };
}

function quarterOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

function cityOf(market: Market): string {
  return { eu: 'Berlin', us: 'Columbus', cn: '杭州', gb: 'Leeds' }[market.store.code] ?? 'Berlin';
}

function postalCodeOf(random: Prng, market: Market): string {
  return market.store.code === 'gb' ? random.fill('LS# #AA') : random.fill('#####');
}
