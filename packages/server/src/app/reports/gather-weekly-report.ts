import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import {
  type MeasureName,
  type MeasureQuery,
  type MeasureRow,
  queryMeasures,
} from '../analytics/measures.js';
import type { Ctx } from '../context.js';
import { loadReportAlerts } from './report-alerts.js';
import {
  checkReportPeriod,
  type Figure,
  HEADLINE_MEASURES,
  type HeadlineMeasure,
  type HeatMap,
  previousPeriod,
  type ReportPeriod,
  type ReviewSection,
  type SkuReturns,
  type TrendWeek,
  trendPeriod,
  type WeeklyQualityReport,
} from './weekly-report.js';

const TOP_SKUS = 10;
const HEAT_MAP_ROWS = 12;
const HEAT_MAP_REASONS = 8;
const SAMPLES_PER_CATEGORY = 3;
const SAMPLE_CATEGORIES = 5;

/**
 * Gathers the weekly quality report of a period from the measures (never from raw cases):
 * the headline against the period before, return rate by category, top reasons, the
 * category × reason and country × reason heat maps, 12 weeks of trend, the quality alerts,
 * the SKUs with most units returned and why, and the reviews when the tenant has any.
 */
export async function gatherWeeklyReport(ctx: Ctx, input: ReportPeriod): Promise<WeeklyQualityReport> {
  requirePermission(ctx, 'measures:read');
  const period = checkReportPeriod(input);
  const before = previousPeriod(period);
  const measure = (q: Omit<MeasureQuery, 'from' | 'to'>, p: ReportPeriod = period) =>
    queryMeasures(ctx, { ...p, ...q });
  const reviewMeasures: MeasureName[] = ['reviews', 'negative_reviews', 'review_score'];

  const [now, then, categories, reasons, heat, countryHeat, trend, skus, tenant] = await Promise.all([
    measure({ measures: [...HEADLINE_MEASURES, ...reviewMeasures] }),
    measure({ measures: [...HEADLINE_MEASURES] }, before),
    measure({
      groupBy: ['category'],
      measures: ['units_delivered', 'units_returned', 'return_rate', 'refunded'],
    }),
    measure({ groupBy: ['reason'], measures: ['units_returned'] }),
    measure({ groupBy: ['category', 'reason'], measures: ['units_returned', 'return_rate'] }),
    measure({ groupBy: ['country', 'reason'], measures: ['units_returned', 'return_rate'] }),
    measure(
      {
        groupBy: ['week'],
        measures: ['orders', 'units_delivered', 'units_returned', 'return_rate', 'refunded'],
      },
      trendPeriod(period),
    ),
    measure({ groupBy: ['sku', 'category'], measures: ['units_delivered', 'units_returned', 'return_rate'] }),
    inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
      tx.selectFrom('tenants').select('name').where('id', '=', ctx.principal.tenantId).executeTakeFirst(),
    ),
  ]);

  const totals = now.rows[0]?.values ?? {};
  const headline = Object.fromEntries(
    HEADLINE_MEASURES.map((m) => [
      m,
      { value: totals[m] ?? null, previous: then.rows[0]?.values[m] ?? null },
    ]),
  ) as Record<HeadlineMeasure, Figure>;

  const returnedWithReason = reasons.rows.reduce((sum, r) => sum + num(r.values.units_returned), 0);
  const topSkus = await skuReasons(ctx, period, skus.rows);
  return {
    tenantName: tenant?.name ?? '',
    period,
    previousPeriod: before,
    currency: now.currency,
    generatedAt: ctx.clock().toISOString(),
    headline,
    returnRateByCategory: categories.rows
      .map((r) => ({
        category: r.key.category ?? '',
        unitsDelivered: num(r.values.units_delivered),
        unitsReturned: num(r.values.units_returned),
        returnRate: r.values.return_rate ?? null,
        refunded: r.values.refunded ?? null,
      }))
      .filter((c) => c.unitsDelivered > 0 || c.unitsReturned > 0)
      .sort(
        (a, b) =>
          b.unitsReturned - a.unitsReturned ||
          b.unitsDelivered - a.unitsDelivered ||
          a.category.localeCompare(b.category),
      ),
    topReasons: reasons.rows
      .map((r) => ({
        reason: r.key.reason ?? '',
        unitsReturned: num(r.values.units_returned),
        share: returnedWithReason > 0 ? num(r.values.units_returned) / returnedWithReason : null,
      }))
      .filter((r) => r.unitsReturned > 0)
      .sort((a, b) => b.unitsReturned - a.unitsReturned || a.reason.localeCompare(b.reason)),
    heatMap: heatMapOf(heat.rows, 'category'),
    countryHeatMap: heatMapOf(countryHeat.rows, 'country'),
    trend: weeksOf(trend.rows, trendPeriod(period)),
    alerts: await loadReportAlerts(ctx, period),
    topSkus,
    reviews: num(totals.reviews) > 0 ? await reviewSection(ctx, period, totals) : null,
  };
}

const num = (value: number | null | undefined) => (value == null || !Number.isFinite(value) ? 0 : value);

function heatMapOf(rows: MeasureRow[], dimension: 'category' | 'country'): HeatMap {
  const cells = rows
    .map((r) => ({
      row: r.key[dimension] ?? '',
      reason: r.key.reason ?? '',
      unitsReturned: num(r.values.units_returned),
      returnRate: r.values.return_rate ?? null,
    }))
    .filter((c) => c.unitsReturned > 0);
  const top = (pick: (c: (typeof cells)[number]) => string, n: number) => {
    const sums = new Map<string, number>();
    for (const c of cells) sums.set(pick(c), (sums.get(pick(c)) ?? 0) + c.unitsReturned);
    return [...sums]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([name]) => name);
  };
  const shownRows = top((c) => c.row, HEAT_MAP_ROWS);
  const reasons = top((c) => c.reason, HEAT_MAP_REASONS);
  return {
    rows: shownRows,
    reasons,
    cells: cells.filter((c) => shownRows.includes(c.row) && reasons.includes(c.reason)),
  };
}

// Every week of the window, with zeros for a week with no activity, so the chart's axis is even.
function weeksOf(rows: MeasureRow[], window: ReportPeriod): TrendWeek[] {
  const byWeek = new Map(rows.map((r) => [r.key.week ?? '', r.values]));
  const weeks: TrendWeek[] = [];
  const end = DateTime.fromISO(window.to, { zone: 'utc' });
  for (
    let monday = DateTime.fromISO(window.from, { zone: 'utc' });
    monday < end;
    monday = monday.plus({ weeks: 1 })
  ) {
    const week = monday.toISODate() as string;
    const v = byWeek.get(week) ?? {};
    weeks.push({
      week,
      orders: num(v.orders),
      unitsDelivered: num(v.units_delivered),
      unitsReturned: num(v.units_returned),
      returnRate: v.return_rate ?? null,
      refunded: v.refunded ?? null,
    });
  }
  return weeks;
}

async function skuReasons(ctx: Ctx, period: ReportPeriod, rows: MeasureRow[]): Promise<SkuReturns[]> {
  const top = rows
    .map((r) => ({
      sku: r.key.sku ?? '',
      category: r.key.category ?? '',
      unitsDelivered: num(r.values.units_delivered),
      unitsReturned: num(r.values.units_returned),
      returnRate: r.values.return_rate ?? null,
    }))
    .filter((s) => s.unitsReturned > 0)
    .sort((a, b) => b.unitsReturned - a.unitsReturned || a.sku.localeCompare(b.sku))
    .slice(0, TOP_SKUS);
  if (top.length === 0) return [];
  const reasons = await queryMeasures(ctx, {
    ...period,
    filters: { sku: [...new Set(top.map((s) => s.sku))] },
    groupBy: ['sku', 'reason'],
    measures: ['units_returned'],
  });
  return top.map((s) => ({
    ...s,
    topReasons: reasons.rows
      .filter((r) => r.key.sku === s.sku && num(r.values.units_returned) > 0)
      .map((r) => ({ reason: r.key.reason ?? '', unitsReturned: num(r.values.units_returned) }))
      .sort((a, b) => b.unitsReturned - a.unitsReturned || a.reason.localeCompare(b.reason))
      .slice(0, 3),
  }));
}

async function reviewSection(
  ctx: Ctx,
  period: ReportPeriod,
  totals: MeasureRow['values'],
): Promise<ReviewSection> {
  const categories = await reviewsByCategory(ctx, period);
  const sampled = categories.filter((c) => c.negative > 0).slice(0, SAMPLE_CATEGORIES);
  return {
    reviews: num(totals.reviews),
    negative: num(totals.negative_reviews),
    averageScore: totals.review_score ?? null,
    byCategory: categories,
    samples: await negativeComments(
      ctx,
      period,
      sampled.map((c) => c.category),
    ),
  };
}

// The reviews of the period's days (each store's own calendar), read by the reviews'
// (tenant, reviewed_at) index over the period a day wider on each side. The review rollups
// are kept per country only, so the split by category is read here, from one week's reviews;
// an order with lines in two categories counts for both.
function reviewsOfPeriod(period: ReportPeriod) {
  const from = DateTime.fromISO(period.from, { zone: 'utc' }).minus({ days: 1 }).toJSDate();
  const to = DateTime.fromISO(period.to, { zone: 'utc' }).plus({ days: 1 }).toJSDate();
  return sql`
    select l.category, r.id, r.score, r.comment, r.reviewed_at
      from order_reviews r
      join orders o on o.id = r.order_id
      join stores s on s.id = o.store_id
      join lateral (select distinct coalesce(category, '') as category from order_lines
                     where order_id = o.id) l on true
     where r.reviewed_at >= ${from} and r.reviewed_at < ${to}
       and (r.reviewed_at at time zone s.time_zone)::date >= ${period.from}::date
       and (r.reviewed_at at time zone s.time_zone)::date < ${period.to}::date`;
}

async function reviewsByCategory(ctx: Ctx, period: ReportPeriod): Promise<ReviewSection['byCategory']> {
  const { rows } = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    sql<{ category: string; reviews: number; negative: number; average: number | null }>`
      select category, count(*)::int as reviews, count(*) filter (where score <= 2)::int as negative,
             avg(score)::float8 as average
        from (${reviewsOfPeriod(period)}) p
       group by category`.execute(tx),
  );
  return rows
    .map((r) => ({
      category: r.category,
      reviews: Number(r.reviews),
      negative: Number(r.negative),
      averageScore: r.average === null ? null : Number(r.average),
    }))
    .sort((a, b) => b.negative - a.negative || b.reviews - a.reviews || a.category.localeCompare(b.category));
}

// The comments behind the counts: a few negative reviews (score ≤ 2) with text per category, newest first.
async function negativeComments(ctx: Ctx, period: ReportPeriod, categories: string[]) {
  if (categories.length === 0) return [];
  const { rows } = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    sql<{ category: string; score: number; comment: string; reviewed_at: Date }>`
      select category, score, comment, reviewed_at from (
        select p.*, row_number() over (partition by p.category order by p.reviewed_at desc, p.id) as n
          from (${reviewsOfPeriod(period)}) p
         where p.score <= 2 and coalesce(btrim(p.comment), '') <> ''
           and p.category = any(${categories}::text[])) t
       where n <= ${SAMPLES_PER_CATEGORY}
       order by array_position(${categories}::text[], category), reviewed_at desc`.execute(tx),
  );
  return rows.map((r) => ({
    category: r.category,
    score: Number(r.score),
    comment: r.comment.trim(),
    reviewedAt: new Date(r.reviewed_at).toISOString(),
  }));
}
