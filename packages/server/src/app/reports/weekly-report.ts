import { DateTime } from 'luxon';
import { invalid } from '../errors.js';

/** Calendar days in each store's own time zone: `from` inclusive, `to` exclusive ('YYYY-MM-DD'). */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** The figures at the top of the report, each against the period just before. */
export const HEADLINE_MEASURES = [
  'orders',
  'units_delivered',
  'units_returned',
  'return_rate',
  'refunded',
  'cases',
  'auto_approval_share',
  'sla_attainment',
  'csat',
  'first_response_minutes',
  'resolution_minutes',
] as const;
export type HeadlineMeasure = (typeof HEADLINE_MEASURES)[number];

/** A measure in the period and in the period before; null where it has no value (no denominator). */
export interface Figure {
  value: number | null;
  previous: number | null;
}

export interface CategoryReturns {
  category: string;
  unitsDelivered: number;
  unitsReturned: number;
  returnRate: number | null;
  refunded: number | null;
}

export interface ReasonReturns {
  reason: string;
  unitsReturned: number;
  /** Share of all units returned in the period with a reason. */
  share: number | null;
}

/** Return rate of each category × reason (units returned for the reason ÷ units delivered of the category). */
export interface HeatMap {
  rows: string[];
  reasons: string[];
  cells: Array<{ row: string; reason: string; unitsReturned: number; returnRate: number | null }>;
}

export interface TrendWeek {
  /** The ISO week's Monday. */
  week: string;
  orders: number;
  unitsDelivered: number;
  unitsReturned: number;
  returnRate: number | null;
  refunded: number | null;
}

/** A return-rate spike or complaint cluster found by the quality checks for the period. */
export interface ReportAlert {
  /** What the alert is about: 'sku', 'batch', 'supplier' or 'product' (a complaint cluster). */
  subjectKind: string;
  subject: string;
  /** 'spike', 'recall' or 'improvement'. */
  kind: string;
  rate: number | null;
  baselineRate: number | null;
  unitsReturned: number;
  unitsDelivered: number;
  topReasons: string[];
  comments: string[];
}

export interface SkuReturns {
  sku: string;
  category: string;
  unitsDelivered: number;
  unitsReturned: number;
  returnRate: number | null;
  topReasons: Array<{ reason: string; unitsReturned: number }>;
}

export interface ReviewSection {
  reviews: number;
  negative: number;
  averageScore: number | null;
  byCategory: Array<{ category: string; reviews: number; negative: number; averageScore: number | null }>;
  /** A few comments of negative reviews (score ≤ 2), newest first, at most three per category. */
  samples: Array<{ category: string; score: number; comment: string; reviewedAt: string }>;
}

/**
 * The weekly quality report: everything the HTML, the PDF and the appendix show,
 * gathered once from the measures, so the three can never disagree.
 */
export interface WeeklyQualityReport {
  tenantName: string;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  /** The reporting currency of every amount. */
  currency: string;
  generatedAt: string;
  headline: Record<HeadlineMeasure, Figure>;
  returnRateByCategory: CategoryReturns[];
  topReasons: ReasonReturns[];
  heatMap: HeatMap;
  countryHeatMap: HeatMap;
  /** The last 12 ISO weeks up to the period's end. */
  trend: TrendWeek[];
  alerts: ReportAlert[];
  topSkus: SkuReturns[];
  /** Null when the tenant has no reviews in the period. */
  reviews: ReviewSection | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 92;

/** Checks a period from the outside world: two real days, `from` before `to`, at most 92 days. */
export function checkReportPeriod(period: ReportPeriod): ReportPeriod {
  const from = parseDay(period.from, '/from');
  const to = parseDay(period.to, '/to');
  if (to <= from) throw invalid('The period is empty.', [{ field: '/to', message: 'Must be after from.' }]);
  if (to.diff(from, 'days').days > MAX_REPORT_DAYS)
    throw invalid('The period is too long.', [
      { field: '/to', message: `A report covers at most ${MAX_REPORT_DAYS} days.` },
    ]);
  return { from: period.from, to: period.to };
}

function parseDay(day: string, field: string): DateTime {
  const parsed = DAY.test(day) ? DateTime.fromISO(day, { zone: 'utc' }) : null;
  if (!parsed?.isValid) throw invalid('Not a day.', [{ field, message: 'Must be a date as YYYY-MM-DD.' }]);
  return parsed;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** The period of the same length that ends where `period` starts. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const days = day(period.to).diff(day(period.from), 'days').days;
  return { from: day(period.from).minus({ days }).toISODate() as string, to: period.from };
}

/**
 * The 12 ISO weeks ending with the week of the period's last day, cut at the period's end:
 * the last week is partial when `to` is not a Monday, and nothing after the period is read.
 */
export function trendPeriod(period: ReportPeriod, weeks = 12): ReportPeriod {
  const lastMonday = day(period.to).minus({ days: 1 }).startOf('week');
  return { from: lastMonday.minus({ weeks: weeks - 1 }).toISODate() as string, to: period.to };
}

/** The ISO week before the one `localNow` is in: what the Monday report covers. */
export function previousIsoWeek(localNow: DateTime): ReportPeriod {
  const monday = localNow.startOf('week');
  return {
    from: monday.minus({ weeks: 1 }).toISODate() as string,
    to: monday.toISODate() as string,
  };
}
