import type { ForecastQuery } from '@afterdesk/contract';
import { forecastSeries } from '@afterdesk/core';
import { requirePermission } from '../access.js';
import { queryMeasures } from '../analytics/measures.js';
import type { Ctx } from '../context.js';
import { addDays, lastCompleteWeek, weeksBetween } from './weeks.js';

const MEASURES = ['units_returned', 'return_rate', 'orders'] as const;
type Forecast = (typeof MEASURES)[number];

export const FORECAST_METHOD =
  'Additive exponential smoothing with a damped trend (ETS A,Ad,N), seasonal (A,Ad,A, 52 weeks) with two full years of history; parameters by least one-step squared error over a grid; normal 80 % and 95 % intervals from the horizon variance; clamped at 0. See docs/quality.md.';

/**
 * Weekly units returned, return rate and orders per category over the last `history`
 * complete weeks, read from the measures' rollups, each with a forecast of the next
 * `weeks` weeks. A category's series starts at its first week with any activity, so a new
 * category is not forecast from the zeros before it existed; a week with no delivered
 * units has no return rate, and its rate is carried over from the week before.
 */
export async function forecastCategories(ctx: Ctx, query: ForecastQuery) {
  requirePermission(ctx, 'measures:read');
  const horizon = query.weeks ?? 8;
  const to = addDays(lastCompleteWeek(ctx.clock()), 7);
  const from = addDays(to, -7 * (query.history ?? 104));
  const weeks = weeksBetween(from, to);
  const result = await queryMeasures(ctx, {
    from,
    to,
    groupBy: ['week', 'category'],
    measures: [...MEASURES],
    ...(query.category !== undefined ? { filters: { category: [query.category] } } : {}),
  });
  const byCategory = new Map<string, Map<string, Partial<Record<Forecast, number | null>>>>();
  for (const row of result.rows) {
    const category = row.key.category ?? '';
    const week = row.key.week;
    if (week === undefined) continue;
    const rows = byCategory.get(category) ?? new Map();
    byCategory.set(category, rows);
    rows.set(week, row.values);
  }
  const ahead = Array.from({ length: horizon }, (_, i) => addDays(to, 7 * i));
  const series = [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([category, rows]) => {
      const first = weeks.findIndex((w) => {
        const v = rows.get(w);
        return (v?.orders ?? 0) > 0 || (v?.units_returned ?? 0) > 0;
      });
      if (first === -1) return [];
      const span = weeks.slice(first);
      return MEASURES.map((measure) => {
        const history = span.map((week) => ({
          week,
          value: rows.get(week)?.[measure] ?? (measure === 'return_rate' ? null : 0),
        }));
        let carried = 0;
        const values = history.map((h) => (carried = h.value ?? carried));
        const { model, points } = forecastSeries(values, { horizon });
        // A rate is also bounded above.
        const cap = (v: number) => (measure === 'return_rate' ? Math.min(1, v) : v);
        return {
          category,
          measure,
          model: {
            seasonal: model.seasonal,
            alpha: model.alpha,
            beta: model.beta,
            gamma: model.gamma,
            phi: model.phi,
            sigma: model.sigma,
          },
          history,
          forecast: points.map((p, i) => ({
            week: ahead[i] as string,
            mean: cap(p.mean),
            lower80: cap(p.lower80),
            upper80: cap(p.upper80),
            lower95: cap(p.lower95),
            upper95: cap(p.upper95),
          })),
        };
      });
    });
  return { from, to, weeks: horizon, method: FORECAST_METHOD, series };
}
