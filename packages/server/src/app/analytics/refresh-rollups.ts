import { sql } from 'kysely';
import { type Db, inSystem, type Tx } from '../../db/scope.js';
import { COMPLAINT_KINDS, FACT_AGGREGATES, FACTS_SQL, NO_STORE, REPEAT_WINDOW_DAYS } from './rollup-facts.js';
import { dayTableOf, FAMILY_COLUMNS, type Family, ROLLUP_TABLES } from './rollup-lattice.js';

/** One store-local day of one store: the unit the rollups are recomputed in. */
export interface Bucket {
  tenantId: string;
  /** The nil uuid (NO_STORE) for cases without a store. */
  storeId: string;
  /** 'YYYY-MM-DD' in the store's time zone (UTC for NO_STORE). */
  day: string;
  /** The families whose facts may have changed that day. Default: all four. */
  families?: readonly Family[];
}

const FAMILIES: Family[] = ['sales', 'returns', 'service', 'reviews'];

/**
 * Recomputes the rollup rows of the given buckets from the raw rows of those days, family
 * by family: deletes the buckets' day rows and inserts them again, then recomputes the
 * month rows of the months they fall in from the day rows. Idempotent and replay-safe, so
 * corrections and late facts (a refund paid-dated last month) are taken in by recomputing
 * their bucket. Runs in the caller's system transaction; a transaction-level advisory lock
 * keeps two refreshes (the job and a backfill) from interleaving.
 */
export async function refreshBuckets(tx: Tx, buckets: Bucket[]): Promise<void> {
  if (buckets.length === 0) return;
  await sql`select pg_advisory_xact_lock(hashtext('afterdesk.rollups'))`.execute(tx);
  // Compiling the facts' plans took seconds per statement and saved nothing; the distinct
  // counts sort a chunk's facts, which spilled to disk at the default 4 MB.
  await sql`set local jit = off`.execute(tx);
  await sql`set local work_mem = '256MB'`.execute(tx);
  await sql`drop table if exists _rollup_buckets`.execute(tx);
  await sql`create temp table _rollup_buckets (tenant_id uuid, store_id uuid, day date, lo timestamptz, hi timestamptz)
            on commit drop`.execute(tx);
  for (const family of FAMILIES) {
    const mine = buckets.filter((b) => !b.families || b.families.includes(family));
    if (mine.length > 0) await refreshFamily(tx, family, mine);
  }
}

async function refreshFamily(tx: Tx, family: Family, buckets: Bucket[]): Promise<void> {
  await sql`truncate _rollup_buckets`.execute(tx);
  await sql`
    insert into _rollup_buckets
    select distinct b.tenant_id, b.store_id, b.day,
           b.day::timestamp at time zone coalesce(s.time_zone, 'UTC'),
           (b.day + 1)::timestamp at time zone coalesce(s.time_zone, 'UTC')
      from unnest(${buckets.map((b) => b.tenantId)}::uuid[], ${buckets.map((b) => b.storeId)}::uuid[],
                  ${buckets.map((b) => b.day)}::date[]) as b (tenant_id, store_id, day)
      left join stores s on s.id = b.store_id`.execute(tx);
  await sql`analyze _rollup_buckets`.execute(tx);
  const bounds = await sql<{ lo: Date | string; hi: Date | string }>`
    select min(lo) as lo, max(hi) as hi from _rollup_buckets`.execute(tx);
  const span = {
    lo: new Date(bounds.rows[0]?.lo ?? 0).toISOString(),
    hi: new Date(bounds.rows[0]?.hi ?? 0).toISOString(),
  };
  const facts = `_rollup_facts_${family}`;
  await sql.raw(`drop table if exists ${facts}`).execute(tx);
  await sql.raw(`create temp table ${facts} on commit drop as ${FACTS_SQL[family](span)}`).execute(tx);
  const columns = FAMILY_COLUMNS[family];
  for (const table of ROLLUP_TABLES.filter((t) => t.family === family && t.grain === 'day')) {
    await sql
      .raw(
        `delete from ${table.name} r using _rollup_buckets b
          where r.tenant_id = b.tenant_id and r.store_id = b.store_id and r.day = b.day`,
      )
      .execute(tx);
    const keys = ['tenant_id', 'day', 'store_id', ...table.dims];
    await sql
      .raw(
        `insert into ${table.name} (${[...keys, ...columns].join(', ')})
         select ${keys.join(', ')}, ${columns.map((c) => FACT_AGGREGATES[family][c]).join(', ')}
           from ${facts} group by ${keys.join(', ')}`,
      )
      .execute(tx);
  }
  for (const table of ROLLUP_TABLES.filter((t) => t.family === family && t.grain === 'month')) {
    const source = dayTableOf(table);
    const keys = ['tenant_id', 'store_id', ...table.dims];
    const months = `(select distinct tenant_id, store_id, date_trunc('month', day)::date as month from _rollup_buckets)`;
    await sql
      .raw(
        `delete from ${table.name} r using ${months} m
          where r.tenant_id = m.tenant_id and r.store_id = m.store_id and r.day = m.month`,
      )
      .execute(tx);
    await sql
      .raw(
        `insert into ${table.name} (day, ${[...keys, ...columns].join(', ')})
         select m.month, ${keys.map((k) => `d.${k}`).join(', ')}, ${columns.map((c) => `sum(d.${c})`).join(', ')}
           from ${months} m
           join ${source.name} d on d.tenant_id = m.tenant_id and d.store_id = m.store_id
                                and d.day >= m.month and d.day < (m.month + interval '1 month')::date
          group by m.month, ${keys.map((k) => `d.${k}`).join(', ')}`,
      )
      .execute(tx);
  }
}

/** Where a touched day comes from, and which families' facts that can change. */
type Source = 'case' | 'order' | 'refund';
const SOURCE_FAMILIES: Record<Source, Family[]> = {
  case: ['returns', 'service'],
  order: ['sales', 'returns', 'reviews'],
  refund: ['returns', 'service'],
};

/**
 * The buckets that events in (afterId, untilId] may have changed: for each case or order
 * they name, the store-local days of all its facts as they are now (created, decided, refunds
 * paid, clocks completed or breached, surveys answered, inbound messages, placed, delivered,
 * reviewed) and the day of the event itself. A case's days are recomputed for the families
 * its facts feed (returns, service), an order's for sales, returns (credit notes) and
 * reviews, an order's refunds for returns and service: a late refund does not recompute the
 * sales of the day its case was opened.
 */
export async function touchedBuckets(tx: Tx, afterId: number, untilId: number): Promise<Bucket[]> {
  const nil = sql.lit(NO_STORE);
  const rows = await sql<{ tenant_id: string; store_id: string; day: string; source: Source }>`
    with ev as (
      select tenant_id, stream, stream_id, max(created_at) as at from events
       where id > ${afterId} and id <= ${untilId} and stream in ('case', 'order')
       group by tenant_id, stream, stream_id),
    cs as (select c.id, c.tenant_id, coalesce(c.store_id, ${nil}::uuid) as store_id, c.customer_id, c.created_at, ev.at
             from ev join cases c on c.id = ev.stream_id where ev.stream = 'case'
           -- An order's changes (its country, its lines) show in the facts of its cases too.
           union all
           select c.id, c.tenant_id, coalesce(c.store_id, ${nil}::uuid), c.customer_id, c.created_at, ev.at
             from ev join cases c on c.tenant_id = ev.tenant_id and c.order_id = ev.stream_id where ev.stream = 'order'),
    os as (select o.id, o.tenant_id, o.store_id, o.placed_at, o.delivered_at, ev.at
             from ev join orders o on o.id = ev.stream_id where ev.stream = 'order'),
    case_moments (tenant_id, store_id, at) as (
      select tenant_id, store_id, created_at from cs
      union all select tenant_id, store_id, at from cs
      union all select cs.tenant_id, cs.store_id, e.created_at from cs
        join events e on e.stream_id = cs.id and e.type in ('case.approved', 'case.rejected')
      union all select cs.tenant_id, cs.store_id, r.settled_at from cs join refunds r on r.case_id = cs.id
      union all select cs.tenant_id, cs.store_id, k.completed_at from cs join case_clocks k on k.case_id = cs.id
      union all select cs.tenant_id, cs.store_id, k.breached_at from cs join case_clocks k on k.case_id = cs.id
      union all select cs.tenant_id, cs.store_id, s.answered_at from cs join surveys s on s.case_id = cs.id
      union all select cs.tenant_id, cs.store_id, m.created_at from cs
        join messages m on m.case_id = cs.id and m.direction = 'inbound' and m.sentiment is not null
      -- A case filed (or changed) before the customer's later complaints may make them repeats.
      union all select p.tenant_id, coalesce(p.store_id, ${nil}::uuid), p.created_at from cs
        join cases p on p.tenant_id = cs.tenant_id and p.customer_id = cs.customer_id and p.id <> cs.id
         and p.kind in (${sql.join(COMPLAINT_KINDS.map((k) => sql.lit(k)))})
         and p.created_at > cs.created_at
         and p.created_at <= cs.created_at + ${sql.lit(`${REPEAT_WINDOW_DAYS} days`)}::interval),
    order_moments (tenant_id, store_id, at) as (
      select tenant_id, store_id, placed_at from os
      union all select tenant_id, store_id, delivered_at from os
      union all select tenant_id, store_id, at from os
      union all select os.tenant_id, os.store_id, v.reviewed_at from os join order_reviews v on v.order_id = os.id),
    moments (tenant_id, store_id, at, source) as (
      select tenant_id, store_id, at, 'case' from case_moments
      union all select tenant_id, store_id, at, 'order' from order_moments
      union all select os.tenant_id, coalesce(c.store_id, case when c.id is null then os.store_id end, ${nil}::uuid),
                       r.settled_at, 'refund'
        from os join refunds r on r.order_id = os.id left join cases c on c.id = r.case_id)
    select distinct m.tenant_id, m.store_id, to_char((m.at at time zone coalesce(s.time_zone, 'UTC'))::date, 'YYYY-MM-DD') as day,
           m.source
      from moments m left join stores s on s.id = m.store_id
     where m.at is not null`.execute(tx);
  const buckets = new Map<string, Bucket & { families: Family[] }>();
  for (const r of rows.rows) {
    const key = `${r.tenant_id} ${r.store_id} ${r.day}`;
    const bucket = buckets.get(key) ?? {
      tenantId: r.tenant_id,
      storeId: r.store_id,
      day: r.day,
      families: [],
    };
    for (const f of SOURCE_FAMILIES[r.source]) if (!bucket.families.includes(f)) bucket.families.push(f);
    buckets.set(key, bucket);
  }
  return [...buckets.values()];
}

export interface RebuildOptions {
  /** First store-local day, 'YYYY-MM-DD'. Default: the day before the tenant's first order or case. */
  from?: string;
  /** Day after the last, exclusive. Default: two days after the latest fact or today. */
  to?: string;
  /**
   * Days recomputed per transaction, at most; a chunk never crosses a calendar month, so
   * each month's rows are summed once per chunk of it. Default 31: one month at a time.
   */
  chunkDays?: number;
  /** Called after each chunk commits, with the last day done (a backfill's progress). */
  onChunk?: (progress: { through: string; days: number; ms: number }) => void;
}

/**
 * Recomputes a tenant's rollups over a range of days from the raw rows, for backfills
 * (the demo seed, imports, the benchmark) and repairs. The live job keeps them current
 * afterwards; running both is safe.
 */
export async function rebuildRollups(
  db: Db,
  tenantId: string,
  { from, to, chunkDays = 31, onChunk }: RebuildOptions = {},
): Promise<{ days: number; buckets: number; ms: number }> {
  const started = Date.now();
  const range = await inSystem(db, async (tx) => {
    const span = await sql<{ first: string | null; last: string | null }>`
      select to_char(least((select min(placed_at) from orders where tenant_id = ${tenantId}),
                           (select min(created_at) from cases where tenant_id = ${tenantId})) - interval '1 day',
                     'YYYY-MM-DD') as first,
             to_char(greatest(now(), (select max(placed_at) from orders where tenant_id = ${tenantId}),
                              (select max(delivered_at) from orders where tenant_id = ${tenantId}),
                              (select max(created_at) from cases where tenant_id = ${tenantId}))
                     + interval '2 days', 'YYYY-MM-DD') as last`.execute(tx);
    const stores = await tx.selectFrom('stores').select('id').where('tenant_id', '=', tenantId).execute();
    return { ...span.rows[0], stores: [...stores.map((s) => s.id), NO_STORE] };
  });
  const first = from ?? range.first;
  const last = to ?? range.last;
  if (!first || !last || first >= last) return { days: 0, buckets: 0, ms: Date.now() - started };
  let days = 0;
  let buckets = 0;
  for (let day = first; day < last; ) {
    const chunk: string[] = [];
    do {
      chunk.push(day);
      day = nextDay(day);
    } while (day < last && chunk.length < chunkDays && !day.endsWith('-01'));
    const batch = chunk.flatMap((d) => range.stores.map((storeId) => ({ tenantId, storeId, day: d })));
    await inSystem(db, (tx) => refreshBuckets(tx, batch));
    days += chunk.length;
    buckets += batch.length;
    onChunk?.({ through: chunk.at(-1) as string, days, ms: Date.now() - started });
  }
  return { days, buckets, ms: Date.now() - started };
}

/** The calendar day after 'YYYY-MM-DD'. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
