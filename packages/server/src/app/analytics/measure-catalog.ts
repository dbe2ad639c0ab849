import type { Family, RollupDimension } from './rollup-lattice.js';

/**
 * Every measure: the rollup sums it is made of and how. A measure may have several
 * sources (cases come from the service rollups, or from the returns rollups when split by
 * product); the first whose families carry the query's dimensions answers. Definitions in
 * words, with their time attribution: docs/metrics.md.
 */
export const MEASURE_NAMES = [
  'orders',
  'units_sold',
  'units_delivered',
  'orders_delivered',
  'units_returned',
  'orders_returned',
  'return_rate',
  'order_return_rate',
  'case_units',
  'cases',
  'refunded',
  'refunds',
  'decisions',
  'auto_approval_share',
  'decision_hours',
  'refund_hours',
  'first_response_minutes',
  'resolution_minutes',
  'sla_attainment',
  'closure_rate',
  'complaints',
  'repeat_complaint_rate',
  'csat',
  'csat_score',
  'csat_responses',
  'sentiment',
  'sentiment_messages',
  'reviews',
  'review_score',
  'negative_reviews',
  'review_sentiment',
] as const;
export type MeasureName = (typeof MEASURE_NAMES)[number];

/** Reads one summed column of one family for the row being computed (0 when absent). */
export type Sums = (family: Family, column: string) => number;

export interface MeasureSource {
  /** Families whose rollups must carry every dimension of the query. */
  strict: Family[];
  /** Families read as a denominator: reason and kind do not apply to them and are dropped. */
  loose?: Family[];
  /** Null when a rate's or a mean's denominator is 0. */
  value: (s: Sums) => number | null;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;
const sum = (family: Family, column: string): MeasureSource => ({
  strict: [family],
  value: (s) => s(family, column),
});

/** `refunded` is converted per currency and paid day outside this table (measures.ts). */
export const MEASURES: Record<Exclude<MeasureName, 'refunded'>, MeasureSource[]> & {
  refunded: Array<Omit<MeasureSource, 'value'>>;
} = {
  orders: [sum('sales', 'orders')],
  units_sold: [sum('sales', 'units_sold')],
  units_delivered: [sum('sales', 'units_delivered')],
  orders_delivered: [sum('sales', 'orders_delivered')],
  units_returned: [sum('returns', 'units_returned')],
  orders_returned: [sum('returns', 'orders_returned')],
  return_rate: [
    {
      strict: ['returns'],
      loose: ['sales'],
      value: (s) => ratio(s('returns', 'units_returned'), s('sales', 'units_delivered')),
    },
  ],
  order_return_rate: [
    {
      strict: ['returns'],
      loose: ['sales'],
      value: (s) => ratio(s('returns', 'orders_returned'), s('sales', 'orders_delivered')),
    },
  ],
  case_units: [sum('returns', 'units')],
  cases: [sum('service', 'cases'), sum('returns', 'cases')],
  refunded: [{ strict: ['service'] }, { strict: ['returns'] }],
  refunds: [sum('service', 'refunds')],
  decisions: [sum('service', 'decisions')],
  auto_approval_share: [
    { strict: ['service'], value: (s) => ratio(s('service', 'auto_approvals'), s('service', 'decisions')) },
  ],
  decision_hours: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'decision_seconds') / 3600, s('service', 'decisions')),
    },
  ],
  refund_hours: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'refund_seconds') / 3600, s('service', 'refunds_timed')),
    },
  ],
  first_response_minutes: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'first_response_minutes'), s('service', 'first_responses')),
    },
  ],
  resolution_minutes: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'resolution_minutes'), s('service', 'resolutions')),
    },
  ],
  sla_attainment: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'sla_hit'), s('service', 'sla_hit') + s('service', 'sla_missed')),
    },
  ],
  closure_rate: [
    { strict: ['service'], value: (s) => ratio(s('service', 'cases_resolved'), s('service', 'cases')) },
  ],
  complaints: [sum('service', 'complaints')],
  repeat_complaint_rate: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'repeat_complaints'), s('service', 'complaints')),
    },
  ],
  csat: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'csat_satisfied'), s('service', 'csat_responses')),
    },
  ],
  csat_score: [
    { strict: ['service'], value: (s) => ratio(s('service', 'csat_sum'), s('service', 'csat_responses')) },
  ],
  csat_responses: [sum('service', 'csat_responses')],
  sentiment: [
    {
      strict: ['service'],
      value: (s) => ratio(s('service', 'sentiment_sum'), s('service', 'sentiment_messages')),
    },
  ],
  sentiment_messages: [sum('service', 'sentiment_messages')],
  reviews: [sum('reviews', 'reviews')],
  review_score: [
    { strict: ['reviews'], value: (s) => ratio(s('reviews', 'review_score_sum'), s('reviews', 'reviews')) },
  ],
  negative_reviews: [sum('reviews', 'negative_reviews')],
  review_sentiment: [
    {
      strict: ['reviews'],
      value: (s) => ratio(s('reviews', 'review_sentiment_sum'), s('reviews', 'review_sentiments')),
    },
  ],
};

/** Dimensions that only return flows carry; denominators (sales) ignore them. */
export const RETURN_ONLY_DIMS: readonly RollupDimension[] = ['reason', 'kind'];
