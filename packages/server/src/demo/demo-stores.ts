/** A sales channel of the demo tenant, shaped like the store rows `npm start` seeds. */
export interface DemoStore {
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 4217. */
  currency: string;
  /** IANA zone; return windows and service levels are counted in it. */
  timeZone: string;
  /** BCP 47 tags, the first is the store's own language (product titles are in it). */
  languages: string[];
}

/** The four demo stores: one per market a cross-border seller typically starts with. */
export const DEMO_STORES: readonly DemoStore[] = [
  {
    code: 'eu',
    name: 'Nordlicht Store EU',
    country: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    languages: ['de', 'en'],
  },
  {
    code: 'us',
    name: 'Nordlicht Store US',
    country: 'US',
    currency: 'USD',
    timeZone: 'America/New_York',
    languages: ['en', 'es'],
  },
  {
    code: 'cn',
    name: '北极光旗舰店',
    country: 'CN',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    languages: ['zh-CN'],
  },
  {
    code: 'gb',
    name: 'Nordlicht Store UK',
    country: 'GB',
    currency: 'GBP',
    timeZone: 'Europe/London',
    languages: ['en'],
  },
];

/** How orders of one store look: carriers, payments, shipping fees. Prices are in minor units. */
export interface Market {
  store: DemoStore;
  /** Share of the demo's orders. */
  weight: number;
  /** Customer languages with relative weights. */
  customerLanguages: ReadonlyArray<readonly [string, number]>;
  carriers: ReadonlyArray<{ name: string; weight: number; tracking: string }>;
  payments: ReadonlyArray<readonly [string, number]>;
  shippingFeeMinor: number;
  freeShippingFromMinor: number;
  /** Days from hand-over to delivery. */
  transitDays: readonly [number, number];
  shoeSizes: readonly string[];
  emailDomain: string;
}

// Tracking patterns: '#' is a digit, 'A' a capital letter, anything else is literal; they follow
// the carriers' public formats so the numbers look right in a demo, without being real parcels.
const markets: Record<string, Omit<Market, 'store'>> = {
  eu: {
    weight: 35,
    customerLanguages: [
      ['de', 85],
      ['en', 15],
    ],
    carriers: [
      { name: 'DHL', weight: 8, tracking: '00340434########' },
      { name: 'UPS', weight: 2, tracking: '1ZAAA###68########' },
    ],
    payments: [
      ['card', 45],
      ['paypal', 55],
    ],
    shippingFeeMinor: 490,
    freeShippingFromMinor: 5000,
    transitDays: [1, 3],
    shoeSizes: ['38', '39', '40', '41', '42', '43', '44', '45'],
    emailDomain: 'example.com',
  },
  us: {
    weight: 30,
    customerLanguages: [
      ['en', 80],
      ['es', 20],
    ],
    carriers: [
      { name: 'UPS', weight: 6, tracking: '1ZAAA###03########' },
      { name: 'USPS', weight: 4, tracking: '9400111#################' },
    ],
    payments: [
      ['card', 70],
      ['paypal', 30],
    ],
    shippingFeeMinor: 699,
    freeShippingFromMinor: 7500,
    transitDays: [2, 5],
    shoeSizes: ['7', '8', '8.5', '9', '10', '10.5', '11', '12'],
    emailDomain: 'example.com',
  },
  cn: {
    weight: 20,
    customerLanguages: [['zh-CN', 100]],
    carriers: [{ name: 'SF Express', weight: 1, tracking: 'SF#############' }],
    payments: [
      ['alipay', 75],
      ['card', 25],
    ],
    shippingFeeMinor: 1000,
    freeShippingFromMinor: 9900,
    transitDays: [1, 2],
    shoeSizes: ['38', '39', '40', '41', '42', '43', '44'],
    emailDomain: 'example.cn',
  },
  gb: {
    weight: 15,
    customerLanguages: [['en', 100]],
    carriers: [{ name: 'Royal Mail', weight: 1, tracking: 'AA#########GB' }],
    payments: [
      ['card', 60],
      ['paypal', 40],
    ],
    shippingFeeMinor: 399,
    freeShippingFromMinor: 4000,
    transitDays: [1, 3],
    shoeSizes: ['5', '6', '7', '8', '9', '10', '11'],
    emailDomain: 'example.com',
  },
};

/** The market settings of every demo store, in `DEMO_STORES` order. */
export const DEMO_MARKETS: readonly Market[] = DEMO_STORES.map((store) => {
  const market = markets[store.code];
  if (!market) throw new Error(`demo store ${store.code} has no market settings`);
  return { store, ...market };
});
