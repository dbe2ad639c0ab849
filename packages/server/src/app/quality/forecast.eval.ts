import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BacktestResult, backtest } from '@afterdesk/core';
import { parse } from 'csv-parse';
import { type DemoWeek, generateDemoHistory } from '../../demo/index.js';
import { loadCategoryTranslations } from '../../imports/category-translations.js';
import { mondayOf, weeksBetween } from './weeks.js';

// Backtests the weekly forecast (core/analytics/forecast.ts) the way the API uses it, on
// (a) a seeded two-year demo history per category and (b) the Olist orders, and prints
// MAE, sMAPE, MASE and interval coverage per category and overall (docs/quality.md).
// Not a test: the Olist file is not part of the repository, and figures are for reading.

const HORIZON = 8;

/** One weekly series to backtest. */
export interface NamedSeries {
  name: string;
  values: number[];
}

/**
 * The demo shop's two years (the history `npm start` seeds, `demo/demo-history.ts`) as
 * weekly orders and returned units per category. Seeded, so the figures are reproducible.
 */
export function demoWeeklyHistory(seed?: number): { orders: NamedSeries[]; returned: NamedSeries[] } {
  const weekly = generateDemoHistory(seed).weekly;
  // The last week runs up to the history's "now", so it is partial and left out.
  const weeks = [...new Set(weekly.map((w) => w.week))].sort().slice(0, -1);
  const categories = [...new Set(weekly.map((w) => w.category))].sort();
  const cell = new Map(weekly.map((w) => [`${w.week}/${w.category}`, w]));
  const series = (pick: (w: DemoWeek) => number) =>
    categories.map((name) => ({
      name,
      values: weeks.map((week) => {
        const w = cell.get(`${week}/${name}`);
        return w ? pick(w) : 0;
      }),
    }));
  return { orders: series((w) => w.orders), returned: series((w) => w.unitsReturned) };
}

/** Weekly orders per category of the Olist export (by purchase time), the largest categories and all together. */
export async function olistWeeklyOrders(
  path: string,
  translations?: Map<string, string>,
  top = 8,
): Promise<NamedSeries[]> {
  const counts = new Map<string, Map<string, number>>();
  let first = '9999-12-31';
  let last = '0000-01-01';
  for await (const row of createReadStream(path).pipe(parse({ columns: true })) as AsyncIterable<
    Record<string, string>
  >) {
    const day = (row.order_purchase_timestamp ?? '').slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    const week = mondayOf(day);
    const raw = row.product_category_name || 'unknown';
    const category = translations?.get(raw) ?? raw;
    for (const name of [category, 'all categories']) {
      const weeks = counts.get(name) ?? new Map<string, number>();
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
      counts.set(name, weeks);
    }
    if (week < first) first = week;
    if (week > last) last = week;
  }
  // The last week is cut off by the export, so it is left out.
  const weeks = weeksBetween(first, last);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return [...counts.entries()]
    .sort(([a, x], [b, y]) =>
      a === 'all categories' ? -1 : b === 'all categories' ? 1 : total(y) - total(x),
    )
    .slice(0, top + 1)
    .map(([name, m]) => ({ name, values: weeks.map((w) => m.get(w) ?? 0) }));
}

/** Backtests each series; the overall line pools every forecast point. */
export function backtestAll(series: NamedSeries[], options: { origins: number; step: number }) {
  const rows = series.map((s) => ({
    name: s.name,
    weeks: s.values.length,
    result: backtest(s.values, { horizon: HORIZON, ...options }),
  }));
  const pool = (key: keyof BacktestResult) => {
    let sum = 0;
    let weight = 0;
    for (const { result } of rows) {
      const value = result[key];
      if (value === null || result.points === 0) continue;
      sum += value * result.points;
      weight += result.points;
    }
    return weight === 0 ? null : sum / weight;
  };
  const overall: BacktestResult = {
    origins: rows.reduce((a, r) => a + r.result.origins, 0),
    points: rows.reduce((a, r) => a + r.result.points, 0),
    mae: pool('mae'),
    mape: pool('mape'),
    smape: pool('smape'),
    mase: pool('mase'),
    coverage80: pool('coverage80'),
    coverage95: pool('coverage95'),
  };
  return { rows, overall };
}

function printTable(title: string, table: ReturnType<typeof backtestAll>) {
  const f = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits));
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
  const lines = [
    title,
    `${'series'.padEnd(28)} ${'weeks'.padStart(5)} ${'MAE'.padStart(7)} ${'sMAPE'.padStart(6)} ${'MASE'.padStart(5)} ${'cov80'.padStart(6)} ${'cov95'.padStart(6)}`,
    ...[...table.rows, { name: 'overall (pooled)', weeks: 0, result: table.overall }].map(
      ({ name, weeks, result: r }) =>
        `${name.slice(0, 28).padEnd(28)} ${(weeks ? String(weeks) : '').padStart(5)} ${f(r.mae).padStart(7)} ${f(r.smape).padStart(6)} ${f(r.mase).padStart(5)} ${pct(r.coverage80).padStart(6)} ${pct(r.coverage95).padStart(6)}`,
    ),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs both backtests and prints them. */
export async function evaluateForecasts(
  dataDir = process.env.AFTERDESK_SHARED_DATA ??
    fileURLToPath(new URL('../../../../../../shared/data/', import.meta.url)),
) {
  process.stdout.write(
    `Forecast backtest: rolling origin, ${HORIZON} weeks ahead (method: docs/quality.md)\n\n`,
  );
  const demo = demoWeeklyHistory();
  printTable(
    `Demo history, weekly orders per category (${demo.orders[0]?.values.length ?? 0} weeks, 16 origins)`,
    backtestAll(demo.orders, { origins: 16, step: 2 }),
  );
  printTable(
    'Demo history, weekly returned units per category',
    backtestAll(demo.returned, { origins: 16, step: 2 }),
  );
  const olist = join(dataDir, 'olist-classified-reviews/olist_classified_reviews_dev.csv');
  if (!existsSync(olist)) {
    process.stdout.write(`Olist orders: ${olist} not found, skipped\n`);
    return;
  }
  const translations = join(dataDir, 'olist-catalog/product_category_name_translation.csv');
  const series = await olistWeeklyOrders(
    olist,
    existsSync(translations) ? await loadCategoryTranslations(translations) : undefined,
  );
  const weeks = series[0]?.values.length ?? 0;
  printTable(
    `Olist orders, weekly orders per category (${weeks} complete weeks, 10 origins)`,
    backtestAll(series, { origins: 10, step: 2 }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  evaluateForecasts().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
