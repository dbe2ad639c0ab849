/**
 * The rollup lattice: which pre-aggregated tables exist, what each is keyed by and what it
 * sums. Every table is keyed by (tenant, day, store) plus its own dimensions; a month table
 * holds the same sums per calendar month (its `day` is the month's first day). Measures are
 * read from the smallest table whose dimensions cover a query's filters and groups
 * (measure-plan.ts). Definitions of every column: docs/metrics.md.
 */

/** The four kinds of facts the rollups hold; each family's tables share one column set. */
export type Family = 'sales' | 'returns' | 'service' | 'reviews';

/** The dimensions a rollup table can be keyed by, beside tenant, day and store. */
export type RollupDimension =
  | 'country'
  | 'category'
  | 'sku'
  | 'supplier'
  | 'batch'
  | 'reason'
  | 'kind'
  | 'channel'
  | 'team'
  | 'agent'
  | 'currency';

export interface RollupTable {
  name: string;
  family: Family;
  grain: 'day' | 'month';
  dims: readonly RollupDimension[];
  /** Relative size: the navigator prefers the smallest table that answers. */
  rank: number;
}

/** The summed columns of each family, in table order. */
export const FAMILY_COLUMNS: Record<Family, readonly string[]> = {
  // Orders placed (lines, units) on their placed day; delivered on their delivery day.
  sales: ['orders', 'units_sold', 'orders_delivered', 'units_delivered'],
  // Case items on their case's creation day, credit-note lines on their placed day, paid
  // refunds on their paid day (allocated to the case's items).
  returns: ['units', 'units_returned', 'orders_returned', 'cases', 'refunded_minor'],
  service: [
    'cases',
    'cases_resolved',
    'complaints',
    'repeat_complaints',
    'decisions',
    'auto_approvals',
    'decision_seconds',
    'refunds',
    'refunds_timed',
    'refund_seconds',
    'refunded_minor',
    'first_responses',
    'first_response_minutes',
    'resolutions',
    'resolution_minutes',
    'sla_hit',
    'sla_missed',
    'csat_responses',
    'csat_sum',
    'csat_satisfied',
    'sentiment_messages',
    'sentiment_sum',
  ],
  reviews: ['reviews', 'review_score_sum', 'negative_reviews', 'review_sentiments', 'review_sentiment_sum'],
};

/** Columns that hold fractions (minutes, seconds, sentiment); the others are integers. */
export const REAL_COLUMNS = new Set([
  'decision_seconds',
  'refund_seconds',
  'first_response_minutes',
  'resolution_minutes',
  'sentiment_sum',
  'review_sentiment_sum',
]);

/** The dimensions each family's facts carry (the finest table of the family has them all). */
export const FAMILY_DIMS: Record<Family, readonly RollupDimension[]> = {
  sales: ['country', 'category', 'sku', 'supplier', 'batch'],
  returns: ['country', 'category', 'sku', 'supplier', 'batch', 'reason', 'kind', 'currency'],
  service: ['country', 'channel', 'kind', 'team', 'agent', 'currency'],
  reviews: ['country'],
};

const PRODUCT = ['category', 'sku', 'supplier', 'batch'] as const;
const RETURN = ['reason', 'kind', 'currency'] as const;

/**
 * name suffix → family, dimensions, rank, grains. Tables carry reason and kind only where
 * a query needs them, as each multiplies a table's rows. A table without its own day grain
 * is a month table summed from the smallest day table that carries its dimensions: the
 * per-SKU return rows of a day are about one per returned item whatever else keys them, so
 * a day table of returns by product would be as large as the finest one and save nothing.
 */
const LATTICE: Array<[Family, string, readonly RollupDimension[], number, 'day' | 'month' | 'both']> = [
  ['sales', 'total', [], 1, 'both'],
  ['sales', 'country', ['country'], 2, 'day'],
  ['sales', 'category', ['category'], 2, 'both'],
  ['sales', 'supplier', ['supplier'], 2, 'both'],
  ['sales', 'country_category', ['country', 'category'], 3, 'both'],
  ['sales', 'product', PRODUCT, 4, 'both'],
  ['sales', 'sku', FAMILY_DIMS.sales, 5, 'day'],
  ['returns', 'total', ['kind', 'currency'], 1, 'both'],
  ['returns', 'category', ['category', 'currency'], 2, 'both'],
  ['returns', 'supplier', ['supplier', 'currency'], 2, 'both'],
  ['returns', 'reason', RETURN, 2, 'both'],
  ['returns', 'category_reason', ['category', 'reason', 'currency'], 3, 'both'],
  ['returns', 'country_reason', ['country', 'reason', 'currency'], 3, 'both'],
  ['returns', 'country_category_reason', ['country', 'category', ...RETURN], 4, 'both'],
  ['returns', 'product', [...PRODUCT, 'currency'], 5, 'month'],
  ['returns', 'product_reason', [...PRODUCT, ...RETURN], 6, 'month'],
  ['returns', 'sku', FAMILY_DIMS.returns, 7, 'day'],
  ['service', 'kind', ['channel', 'kind', 'currency'], 1, 'both'],
  ['service', 'agent', ['team', 'agent', 'currency'], 2, 'both'],
  ['service', 'all', FAMILY_DIMS.service, 3, 'both'],
  ['reviews', 'country', ['country'], 1, 'both'],
];

export const ROLLUP_TABLES: readonly RollupTable[] = LATTICE.flatMap(([family, suffix, dims, rank, grains]) =>
  (grains === 'both' ? (['day', 'month'] as const) : [grains]).map((grain) => ({
    name: `rollup_${family}_${grain}_${suffix}`,
    family,
    grain,
    dims,
    rank,
  })),
);

/** The smallest table of a family and grain keyed by every given dimension, if any. */
export function smallestTable(
  family: Family,
  dims: readonly RollupDimension[],
  grain: 'day' | 'month' = 'day',
): RollupTable | undefined {
  return ROLLUP_TABLES.filter(
    (t) => t.family === family && t.grain === grain && dims.every((d) => t.dims.includes(d)),
  ).sort((a, b) => a.rank - b.rank)[0];
}

/** The day table a month table is summed from: the smallest that carries its dimensions. */
export function dayTableOf(month: RollupTable): RollupTable {
  const found = smallestTable(month.family, month.dims, 'day');
  if (!found) throw new Error(`No day table for ${month.name}`);
  return found;
}

/** The DDL of one table (the migration was generated from this; a test keeps them equal). */
export function tableDdl(t: RollupTable): string {
  const dims = t.dims.map((d) => `  ${d} text NOT NULL DEFAULT '',`);
  const sums = FAMILY_COLUMNS[t.family].map(
    (c) => `  ${c} ${REAL_COLUMNS.has(c) ? 'double precision' : 'bigint'} NOT NULL DEFAULT 0,`,
  );
  return [
    `CREATE TABLE ${t.name} (`,
    '  tenant_id uuid NOT NULL REFERENCES tenants (id),',
    '  day date NOT NULL,',
    '  store_id uuid NOT NULL,',
    ...dims,
    ...sums,
    `  PRIMARY KEY (tenant_id, day, store_id${t.dims.map((d) => `, ${d}`).join('')})`,
    ');',
  ].join('\n');
}
