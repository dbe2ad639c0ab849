import { MEASURE_DIMENSIONS } from '@afterdesk/contract';
import { type RawBuilder, sql } from 'kysely';
import { inTenant, type Tx } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { type FieldError, invalid } from '../errors.js';
import { convertMinor, dayOf, loadRates, reportingCurrency, roundMoney } from './exchange-rates.js';
import { MEASURE_NAMES, MEASURES, type MeasureName, type Sums } from './measure-catalog.js';
import { type FamilyRead, planMeasures, splitByMonths } from './measure-plan.js';
import { NO_STORE } from './rollup-facts.js';
import { FAMILY_COLUMNS, type Family, type RollupDimension, type RollupTable } from './rollup-lattice.js';

export { MEASURE_NAMES, type MeasureName } from './measure-catalog.js';

export const DIMENSIONS = MEASURE_DIMENSIONS;
export type Dimension = (typeof DIMENSIONS)[number];
/** week: ISO week, keyed by its Monday 'YYYY-MM-DD'; month: keyed by its first day. */
export type TimeGrain = 'day' | 'week' | 'month';
export const TIME_GRAINS: readonly TimeGrain[] = ['day', 'week', 'month'];

export interface MeasureQuery {
  /** 'YYYY-MM-DD' inclusive: a day in each store's own time zone. */
  from: string;
  /** 'YYYY-MM-DD' exclusive. */
  to: string;
  /** store = store code; team and agent = ids; '' = none. */
  filters?: Partial<Record<Dimension, string[]>>;
  /** At most one time grain. */
  groupBy?: Array<Dimension | TimeGrain>;
  measures: MeasureName[];
  /** Reporting currency of money measures (default: the tenant's, see docs/metrics.md). */
  currency?: string;
}

export interface MeasureRow {
  key: Partial<Record<Dimension | TimeGrain, string>>;
  values: Partial<Record<MeasureName, number | null>>;
}

export interface MeasureResult {
  from: string;
  to: string;
  currency: string;
  rows: MeasureRow[];
  /** Why some values are null or how they were read (a missing exchange rate, …). */
  notes: string[];
  /** The rollup tables the answer was read from. */
  sources: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query's problems, one per field; empty when it can be answered. */
export function checkMeasureQuery(q: MeasureQuery): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = q[field];
    if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      errors.push({ field: `/${field}`, message: 'Must be a day, YYYY-MM-DD.' });
  }
  if (errors.length === 0 && !(q.from < q.to)) errors.push({ field: '/to', message: 'Must be after from.' });
  if (!Array.isArray(q.measures) || q.measures.length === 0)
    errors.push({ field: '/measures', message: 'Name at least one measure.' });
  for (const m of q.measures ?? [])
    if (!(MEASURE_NAMES as readonly string[]).includes(m))
      errors.push({
        field: '/measures',
        message: `Unknown measure ${m}. Known: ${MEASURE_NAMES.join(', ')}.`,
      });
  const groupBy = q.groupBy ?? [];
  for (const g of groupBy)
    if (!(DIMENSIONS as readonly string[]).includes(g) && !(TIME_GRAINS as readonly string[]).includes(g))
      errors.push({
        field: '/groupBy',
        message: `Unknown group ${g}. Known: ${[...DIMENSIONS, ...TIME_GRAINS].join(', ')}.`,
      });
  if (groupBy.filter((g) => (TIME_GRAINS as readonly string[]).includes(g)).length > 1)
    errors.push({ field: '/groupBy', message: 'Group by at most one of day, week, month.' });
  if (new Set(groupBy).size !== groupBy.length)
    errors.push({ field: '/groupBy', message: 'Name each group once.' });
  for (const [dim, values] of Object.entries(q.filters ?? {})) {
    if (!(DIMENSIONS as readonly string[]).includes(dim))
      errors.push({
        field: `/filters/${dim}`,
        message: `Unknown dimension. Known: ${DIMENSIONS.join(', ')}.`,
      });
    else if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
      errors.push({ field: `/filters/${dim}`, message: 'Must be a list of values.' });
  }
  if (q.currency !== undefined && !/^[A-Za-z]{3}$/.test(q.currency))
    errors.push({ field: '/currency', message: 'Must be an ISO 4217 code, like EUR.' });
  return errors;
}

/**
 * Measures over a period, filtered and grouped by any dimensions the rollups carry
 * together (R-11, R-12.3). Reads only rollup tables: the smallest that covers the query,
 * whole months from month tables. Rates are 0..1, null when their denominator is 0.
 * Definitions: docs/metrics.md.
 */
export async function queryMeasures(ctx: Ctx, q: MeasureQuery): Promise<MeasureResult> {
  requirePermission(ctx, 'measures:read');
  const errors = checkMeasureQuery(q);
  if (errors.length > 0) throw invalid('The measure query is not valid.', errors);
  const groupBy = q.groupBy ?? [];
  const grain = groupBy.find((g): g is TimeGrain => (TIME_GRAINS as readonly string[]).includes(g));
  const filters = Object.entries(q.filters ?? {}).filter(([, v]) => v && v.length > 0) as Array<
    [Dimension, string[]]
  >;
  const dims = [
    ...new Set(
      [...groupBy, ...filters.map(([d]) => d)].filter(
        (d) => d !== 'store' && !TIME_GRAINS.includes(d as TimeGrain),
      ),
    ),
  ] as RollupDimension[];
  const measures = [...new Set(q.measures)];
  const planned = planMeasures(measures, dims, { monthsUsable: grain !== 'day' && grain !== 'week' });
  if ('errors' in planned)
    throw invalid('No rollup keeps these measures at these dimensions.', planned.errors);
  const { plan } = planned;
  const tenantId = ctx.principal.tenantId;

  return inTenant(ctx.db, tenantId, async (tx) => {
    const stores = await tx.selectFrom('stores').select(['id', 'code']).execute();
    const codeOf = new Map<string, string>([
      [NO_STORE, ''],
      ...stores.map((s) => [s.id, s.code] as [string, string]),
    ]);
    const storeIds: string[] = [];
    for (const code of filters.find(([d]) => d === 'store')?.[1] ?? []) {
      const id = code === '' ? NO_STORE : stores.find((s) => s.code === code)?.id;
      if (!id)
        throw invalid('Unknown store.', [
          { field: '/filters/store', message: `No store has the code ${code}.` },
        ]);
      storeIds.push(id);
    }
    const ctxQuery: QueryParts = { tenantId, from: q.from, to: q.to, groupBy, filters, storeIds, grain };
    const sources: string[] = [];
    const entries = new Map<string, Entry>();
    const loose = new Map<Family, Map<string, Record<string, number>>>();
    for (const read of plan.reads) {
      const rows = await readFamily(tx, read, ctxQuery, sources);
      const own = groupBy.filter((g) => carries(read, g));
      if (!read.strict) {
        loose.set(read.family, new Map(rows.map((r) => [keyString(own, r.key), r.sums])));
        continue;
      }
      for (const r of rows) entryOf(entries, groupBy, r.key).sums.set(read.family, r.sums);
    }
    const notes: string[] = [];
    const currency = await reportingCurrency(tx, tenantId, q.currency);
    if (measures.includes('refunded')) {
      const family = plan.sources.refunded?.strict[0] as Family;
      const read = plan.reads.find((r) => r.family === family) as FamilyRead;
      const rates = await loadRates(tx, tenantId, currency);
      const missing = new Set<string>();
      for (const r of await readRefunds(tx, read, ctxQuery, sources)) {
        const entry = entryOf(entries, groupBy, r.key);
        const converted = convertMinor(r.amountMinor, r.currency, r.day, currency, rates);
        if (converted === null) missing.add(`${r.currency} (paid ${r.day})`);
        entry.refunded =
          converted === null || entry.refunded === null ? null : (entry.refunded ?? 0) + converted;
      }
      if (missing.size > 0)
        notes.push(
          `refunded is null where money was paid in a currency without an exchange rate to ${currency} on its paid day: ${[...missing].slice(0, 10).join(', ')}. Set rates with PUT /api/v1/analytics/exchange-rates.`,
        );
    }
    const rows: MeasureRow[] = [...entries.values()]
      .map((entry) => {
        const sums: Sums = (family, column) => {
          const strict = entry.sums.get(family);
          if (strict) return strict[column] ?? 0;
          const read = plan.reads.find((r) => r.family === family);
          if (!read || read.strict) return 0;
          const own = groupBy.filter((g) => carries(read, g));
          return loose.get(family)?.get(keyString(own, entry.key))?.[column] ?? 0;
        };
        const values: MeasureRow['values'] = {};
        for (const m of measures) {
          if (m === 'refunded')
            values.refunded = entry.refunded === null ? null : roundMoney(entry.refunded ?? 0, currency);
          else {
            const source = MEASURES[m].find((s) => s.strict.join() === plan.sources[m]?.strict.join());
            values[m] = source ? source.value(sums) : null;
          }
        }
        const key: MeasureRow['key'] = {};
        for (const g of groupBy)
          key[g] = g === 'store' ? (codeOf.get(entry.key[g] ?? '') ?? '') : (entry.key[g] ?? '');
        return { key, values };
      })
      .map((row) => ({ row, order: JSON.stringify(groupBy.map((g) => row.key[g] ?? '')) }))
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
      .map(({ row }) => row);
    return { from: q.from, to: q.to, currency, rows, notes, sources: [...new Set(sources)] };
  });
}

interface QueryParts {
  tenantId: string;
  from: string;
  to: string;
  groupBy: Array<Dimension | TimeGrain>;
  filters: Array<[Dimension, string[]]>;
  storeIds: string[];
  grain: TimeGrain | undefined;
}

interface Entry {
  id: string;
  key: Record<string, string>;
  sums: Map<Family, Record<string, number>>;
  refunded?: number | null;
}

function entryOf(entries: Map<string, Entry>, groupBy: string[], key: Record<string, string>): Entry {
  const id = keyString(groupBy, key);
  let entry = entries.get(id);
  if (!entry) {
    entry = { id, key, sums: new Map() };
    entries.set(id, entry);
  }
  return entry;
}

const keyString = (groups: string[], key: Record<string, string>) =>
  JSON.stringify(groups.map((g) => key[g] ?? ''));

function carries(read: FamilyRead, g: string): boolean {
  return (
    g === 'store' ||
    (TIME_GRAINS as readonly string[]).includes(g) ||
    read.dims.includes(g as RollupDimension)
  );
}

function keyColumn(g: string): RawBuilder<unknown> {
  if (g === 'day') return sql`to_char(r.day, 'YYYY-MM-DD')`;
  if (g === 'week' || g === 'month')
    return sql`to_char(date_trunc(${sql.lit(g)}, r.day::timestamp), 'YYYY-MM-DD')`;
  if (g === 'store') return sql`r.store_id::text`;
  return sql`r.${sql.ref(g)}`;
}

function where(
  table: RollupTable,
  read: FamilyRead,
  q: QueryParts,
  from: string,
  to: string,
  columns: readonly string[],
): RawBuilder<unknown> {
  const parts = [sql`tenant_id = ${q.tenantId}::uuid`, sql`day >= ${from}::date`, sql`day < ${to}::date`];
  if (q.storeIds.length > 0) parts.push(sql`store_id = any(${q.storeIds}::uuid[])`);
  for (const [dim, values] of q.filters)
    if (dim !== 'store' && read.dims.includes(dim as RollupDimension))
      parts.push(sql`${sql.ref(dim)} = any(${values}::text[])`);
  // Day and month tables of a read may differ in their other dimensions: name the columns.
  const named = [...new Set(['day', 'store_id', ...read.dims, ...columns])].map((c) => sql.ref(c));
  return sql`select ${sql.join(named)} from ${sql.table(table.name)} where ${sql.join(parts, sql` and `)}`;
}

async function readFamily(tx: Tx, read: FamilyRead, q: QueryParts, sources: string[]) {
  const split = read.month
    ? splitByMonths(q.from, q.to)
    : { months: null, days: [[q.from, q.to]] as Array<[string, string]> };
  const columns = FAMILY_COLUMNS[read.family];
  const parts = split.days.map(([a, b]) => where(read.table, read, q, a, b, columns));
  if (split.days.length > 0) sources.push(read.table.name);
  if (split.months && read.month) {
    parts.push(where(read.month, read, q, split.months[0], split.months[1], columns));
    sources.push(read.month.name);
  }
  const own = q.groupBy.filter((g) => carries(read, g));
  const keys = own.map((g, i) => sql`${keyColumn(g)} as ${sql.ref(`k${i}`)}`);
  const sums = columns.map((c) => sql`sum(r.${sql.ref(c)})::float8 as ${sql.ref(c)}`);
  const result = await sql<Record<string, string | number>>`
    select ${sql.join([...keys, ...sums])}
      from (${sql.join(parts, sql` union all `)}) r
     ${own.length > 0 ? sql`group by ${sql.join(own.map((_, i) => sql.ref(`k${i}`)))}` : sql``}`.execute(tx);
  return result.rows
    .filter((row) => columns.some((c) => Number(row[c]) !== 0) || own.length === 0)
    .map((row) => ({
      key: Object.fromEntries(own.map((g, i) => [g, String(row[`k${i}`] ?? '')])),
      sums: Object.fromEntries(columns.map((c) => [c, Number(row[c] ?? 0)])),
    }));
}

async function readRefunds(tx: Tx, read: FamilyRead, q: QueryParts, sources: string[]) {
  sources.push(read.table.name);
  const own = q.groupBy.filter((g) => carries(read, g));
  const keys = own.map((g, i) => sql`${keyColumn(g)} as ${sql.ref(`k${i}`)}`);
  const result = await sql<Record<string, string | number>>`
    select ${sql.join([...keys, sql`r.currency`, sql`to_char(r.day, 'YYYY-MM-DD') as paid_day`, sql`sum(r.refunded_minor)::float8 as amount`])}
      from (${where(read.table, read, q, q.from, q.to, ['currency', 'refunded_minor'])}) r
     where r.refunded_minor <> 0
     group by ${sql.join([...own.map((_, i) => sql.ref(`k${i}`)), sql`r.currency`, sql`r.day`])}`.execute(tx);
  return result.rows.map((row) => ({
    key: Object.fromEntries(own.map((g, i) => [g, String(row[`k${i}`] ?? '')])),
    currency: String(row.currency),
    day: dayOf(row.paid_day),
    amountMinor: Number(row.amount),
  }));
}
