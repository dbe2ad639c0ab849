import type { HeatMapView } from '@afterdesk/contract';
import type { Ctx } from '../context.js';
import { type Dimension, queryMeasures } from './measures.js';

export interface HeatMapQuery {
  from: string;
  to: string;
  rows: 'category' | 'country';
  filters?: Partial<Record<Dimension, string[]>>;
}

/**
 * Where returns cluster: for each category (or country) and return reason, the
 * units returned for that reason ÷ the units delivered in that category (or country), with
 * both counts, plus each row's total. Reason and kind filters narrow the returns, never the
 * deliveries they are divided by. Read from the rollups by `queryMeasures`.
 */
export async function heatMap(ctx: Ctx, q: HeatMapQuery): Promise<HeatMapView> {
  const base = { from: q.from, to: q.to, ...(q.filters ? { filters: q.filters } : {}) };
  const [cells, totals] = await Promise.all([
    queryMeasures(ctx, { ...base, groupBy: [q.rows, 'reason'], measures: ['units_returned'] }),
    queryMeasures(ctx, { ...base, groupBy: [q.rows], measures: ['units_returned', 'units_delivered'] }),
  ]);
  const delivered = new Map(
    totals.rows.map((r) => [r.key[q.rows] ?? '', Number(r.values.units_delivered ?? 0)]),
  );
  const byReason = new Map<string, number>();
  const list = cells.rows
    .filter((r) => Number(r.values.units_returned ?? 0) > 0)
    .map((r) => {
      const row = r.key[q.rows] ?? '';
      const reason = r.key.reason ?? '';
      const unitsReturned = Number(r.values.units_returned ?? 0);
      const unitsDelivered = delivered.get(row) ?? 0;
      byReason.set(reason, (byReason.get(reason) ?? 0) + unitsReturned);
      return { row, reason, unitsReturned, unitsDelivered, returnRate: rate(unitsReturned, unitsDelivered) };
    });
  return {
    from: q.from,
    to: q.to,
    rows: q.rows,
    columns: [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason]) => reason),
    cells: list,
    totals: totals.rows.map((r) => {
      const unitsReturned = Number(r.values.units_returned ?? 0);
      const unitsDelivered = Number(r.values.units_delivered ?? 0);
      return {
        row: r.key[q.rows] ?? '',
        unitsReturned,
        unitsDelivered,
        returnRate: rate(unitsReturned, unitsDelivered),
      };
    }),
  };
}

const rate = (n: number, d: number) => (d === 0 ? null : n / d);
