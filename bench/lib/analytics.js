// Analytics at scale on PostgreSQL (issue 6, acceptance 3): two years of a three-store shop
// with ~10 million case items loaded into the raw tables, the rollups rebuilt over the whole
// history, a day's worth of new cases and late refunds caught up by the roll-up-measures
// job, then a dashboard mix against the real HTTP API with its latency percentiles and the
// plan of the slowest query. bench/README.md describes it.
import { sql } from 'kysely';
import pg from 'pg';
import { rebuildRollups } from '../../packages/server/dist/app/analytics/refresh-rollups.js';
import { createTenant } from '../../packages/server/dist/app/tenants/create-tenant.js';
import { buildApp } from '../../packages/server/dist/http/app.js';
import { catchUpMeasures } from '../../packages/server/dist/jobs/roll-up-measures.job.js';
import { appendStatements } from './analytics-append.js';
import { loadHistory } from './analytics-load.js';
import { dashboardMix, urlOf } from './analytics-queries.js';
import { STORES, seedPlan } from './analytics-seed.js';
import { startChildWorker } from './child-worker.js';
import { cpuMeter } from './cpu.js';
import { createBenchDatabase, open, tempDir } from './setup.js';
import { percentiles } from './stats.js';
import { traceStatements } from './trace.js';

const QUICK = process.env.BENCH_QUICK === '1';
const ORDERS = Number(process.env.BENCH_ANALYTICS_ORDERS ?? (QUICK ? 410_000 : 4_100_000));
export const ANALYTICS_CONFIG = {
  orders: ORDERS, // ~2.45 case items per order: 4.1 M orders → ~10 M items
  customers: Math.round(ORDERS / 5),
  appendCases: Number(process.env.BENCH_ANALYTICS_APPEND ?? (QUICK ? 2000 : 10_000)),
  lateRefunds: Number(process.env.BENCH_ANALYTICS_LATE ?? (QUICK ? 200 : 1000)),
  repetitions: QUICK ? 40 : 200, // per query of the mix
  warmupRepetitions: 3,
  concurrency: 2,
  // Days per rebuild transaction, at most (rebuildRollups: 31, a chunk never crosses a month).
  rebuildChunkDays: Number(process.env.BENCH_ANALYTICS_CHUNK_DAYS ?? 31),
  // Over how many of the last days the rollups are rebuilt (default: the whole history).
  rebuildDays: process.env.BENCH_ANALYTICS_REBUILD_DAYS
    ? Number(process.env.BENCH_ANALYTICS_REBUILD_DAYS)
    : null,
  targetP95Ms: 300,
};
const RAW_TABLES = [
  'orders',
  'order_lines',
  'cases',
  'case_items',
  'events',
  'refunds',
  'case_clocks',
  'messages',
  'surveys',
];

async function query(url, text, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Rollup rows, and the size of the rollup tables. */
async function rollupSize(url) {
  const { rows } = await query(
    url,
    `select count(*)::int as tables, coalesce(sum(n_live_tup), 0)::bigint as rows,
            coalesce(sum(pg_total_relation_size(relid)), 0)::bigint as bytes
       from pg_stat_user_tables where relname like 'rollup\\_%'`,
  );
  return {
    tables: rows[0].tables,
    rows: Number(rows[0].rows),
    mib: Math.round(Number(rows[0].bytes) / 2 ** 20),
  };
}

// The rollups' own figure for cases created today, through the use case (the API's path).
// Today is a store-local day, so the window runs from yesterday to tomorrow in UTC: near
// midnight UTC, Berlin is already in the next day.
async function casesToday(services, tenantId, now) {
  const { queryMeasures } = await import('../../packages/server/dist/app/analytics/measures.js');
  const day = (offset) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const ctx = { ...services, principal: { kind: 'integration', tenantId, apiKeyId: 'bench' } };
  const r = await queryMeasures(ctx, { from: day(-1), to: day(2), measures: ['cases'] });
  return r.rows[0]?.values.cases ?? 0;
}

export async function benchAnalytics({ log, defer }) {
  const c = ANALYTICS_CONFIG;
  const out = { config: c };
  const database = await createBenchDatabase();
  defer(`drop database ${database.name}`, () => database.drop());
  out.database = database.name;
  const files = await tempDir('afterdesk-bench-analytics-');
  defer(`remove ${files.dir}`, () => files.remove());
  const services = await open({ databaseUrl: database.url, dataDir: files.dir });
  defer('close analytics services', () => services.close());

  const now = new Date();
  const { tenantId, apiKey } = await createTenant(services, { name: 'Bench Fashion', stores: STORES });
  const stores = await sql`select id, code from stores where tenant_id = ${tenantId}`.execute(services.db);
  const storeIds = STORES.map((s) => stores.rows.find((r) => r.code === s.code).id);

  // 1. The history.
  log(
    `analytics: loading ${c.orders.toLocaleString('en')} orders of history (≈${((c.orders * 2.45) / 1e6).toFixed(1)} M case items)…`,
  );
  const plan = seedPlan({ orders: c.orders, customers: c.customers, now, tenantId, storeIds });
  out.load = await loadHistory(database.url, plan, { log, defer });
  out.items = out.load.rows.case_items;
  log(
    `analytics: history loaded in ${out.load.seconds.total.toFixed(0)} s (insert ${out.load.seconds.insert.toFixed(0)} s, ` +
      `indexes ${out.load.seconds.indexes.toFixed(0)} s, vacuum ${out.load.seconds.vacuum.toFixed(0)} s): ` +
      `${out.items.toLocaleString('en')} case items, ${out.load.databaseGiB} GiB`,
  );

  // 2a. Rollups: rebuilt from the raw rows, as after an import.
  out.rebuild = await rebuild(services, database.url, tenantId, now, out.load.rows, log);

  // 2b. The incremental path: the job's cursor at the end of the history, a day's appends.
  await query(
    database.url,
    `insert into job_cursors (name, position) select 'roll-up-measures', coalesce(max(id), 0) from events
     on conflict (name) do update set position = excluded.position`,
  );
  out.incremental = await incremental(services, database.url, tenantId, now, log);

  // 3. Dashboard latency through the HTTP API.
  out.dashboard = await dashboard(services, database.url, tenantId, apiKey, now, log, defer);
  return out;
}

const DAY_MS = 86_400_000;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Where a run's time went: statements grouped by what they do and to which table. */
function timeByStatement(statements) {
  const groups = new Map();
  for (const st of statements) {
    const m = /(insert into|delete from|create temp table|truncate|analyze)\s+(\w+)/i.exec(st.sql ?? '');
    const label = m
      ? `${m[1].toLowerCase()} ${m[2]}`
      : (st.sql ?? '').trim().split(/\s+/).slice(0, 3).join(' ');
    const g = groups.get(label) ?? { label, ms: 0, count: 0 };
    g.ms += st.ms;
    g.count += 1;
    groups.set(label, g);
  }
  return [...groups.values()].sort((a, b) => b.ms - a.ms);
}

async function rebuild(services, url, tenantId, now, rows, log) {
  const c = ANALYTICS_CONFIG;
  const to = dayOf(now.getTime() + 2 * DAY_MS); // rebuildRollups' own end: two days after the latest fact
  const first = dayOf(now.getTime() - 745 * DAY_MS); // before the first order
  const span = (days) => (days ? dayOf(Date.parse(to) - days * DAY_MS) : first);
  // Facts in a window, to turn seconds into items per second.
  const itemsIn = async (from) =>
    Number(
      (
        await query(
          url,
          `select count(*) as n from case_items i join cases c on c.id = i.case_id where c.created_at >= $1::date`,
          [from],
        )
      ).rows[0].n,
    );
  const out = { chunkDays: c.rebuildChunkDays };
  const from = span(c.rebuildDays);
  out.from = from;
  out.to = to;
  out.wholeHistory = !c.rebuildDays;
  out.items = c.rebuildDays ? await itemsIn(from) : rows.case_items;
  log(`analytics: rebuilding the rollups from ${from} to ${to}…`);
  let t = performance.now();
  const traced = await traceStatements(() =>
    rebuildRollups(services.db, tenantId, {
      from,
      to,
      chunkDays: c.rebuildChunkDays,
      onChunk: (p) =>
        log(`analytics:   rebuilt through ${p.through} (${p.days} days) after ${Math.round(p.ms / 1000)} s`),
    }),
  );
  const r = traced.value;
  out.seconds = (performance.now() - t) / 1000;
  out.statements = timeByStatement(traced.statements).slice(0, 12);
  for (const s of out.statements)
    log(`analytics:   rebuild ${s.label}: ${(s.ms / 1000).toFixed(1)} s in ${s.count} statements`);
  out.days = r.days;
  out.buckets = r.buckets;
  out.itemsPerSec = out.items / out.seconds;
  // Autovacuum is off on the bench machine; a live system would have analyzed the new tables.
  t = performance.now();
  await query(url, `vacuum analyze ${(await rollupTables(url)).join(', ')}`);
  out.analyzeS = (performance.now() - t) / 1000;
  out.rollups = await rollupSize(url);
  log(
    `analytics: rebuilt ${r.days} days (${r.buckets} buckets) in ${out.seconds.toFixed(0)} s: ` +
      `${Math.round(out.itemsPerSec).toLocaleString('en')} case items/s; ` +
      `${out.rollups.rows.toLocaleString('en')} rollup rows, ${out.rollups.mib} MiB`,
  );
  return out;
}

async function rollupTables(url) {
  const { rows } = await query(
    url,
    `select relname from pg_stat_user_tables where relname like 'rollup\\_%' order by 1`,
  );
  return rows.map((r) => r.relname);
}

async function incremental(services, url, tenantId, now, log) {
  const c = ANALYTICS_CONFIG;
  const before = await casesToday(services, tenantId, now);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let t = performance.now();
  let events;
  try {
    await client.query('begin');
    const from = Number((await client.query('select coalesce(max(id), 0) as id from events')).rows[0].id);
    for (const s of appendStatements({
      tenantId,
      cases: c.appendCases,
      lateRefunds: c.lateRefunds,
      firstOrder: c.orders,
    }))
      await client.query(s);
    const counted = await client.query(
      `select count(*)::int as n, count(*) filter (where type = 'refund.succeeded')::int as late from events where id > $1`,
      [from],
    );
    events = counted.rows[0];
    await client.query('commit');
  } finally {
    await client.end();
  }
  const committedAt = performance.now();
  const appendS = (committedAt - t) / 1000;
  log(
    `analytics: appended ${c.appendCases.toLocaleString('en')} cases, ${Math.round(c.appendCases / 2).toLocaleString('en')} orders ` +
      `and ${events.late} late refunds (${events.n.toLocaleString('en')} events) in ${appendS.toFixed(1)} s`,
  );
  // The job reads events 2 s old at the earliest (jobs/settled-events.ts); then it runs,
  // batch after batch, until it has read them all, as the scheduler would.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  t = performance.now();
  const read = await catchUpMeasures(services);
  const jobS = (performance.now() - t) / 1000;
  const lagS = (performance.now() - committedAt) / 1000;
  const after = await casesToday(services, tenantId, now);
  const out = {
    appendedCases: c.appendCases,
    lateRefunds: events.late,
    events: events.n,
    eventsRead: read,
    jobSeconds: jobS,
    eventsPerSec: read / jobS,
    lagSeconds: lagS,
    casesTodayBefore: before,
    casesTodayAfter: after,
    caughtUp: read === events.n && after - before === c.appendCases,
  };
  log(
    `analytics: roll-up-measures caught up ${read.toLocaleString('en')} events in ${jobS.toFixed(1)} s ` +
      `(${Math.round(out.eventsPerSec).toLocaleString('en')} events/s), ${lagS.toFixed(1)} s after the commit; ` +
      `cases today ${before} → ${after}${out.caughtUp ? '' : ' (NOT as expected)'}`,
  );
  return out;
}

async function dashboard(services, url, tenantId, apiKey, now, log, defer) {
  const c = ANALYTICS_CONFIG;
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  defer('close analytics app', () => app.close());
  const base = `http://127.0.0.1:${app.server.address().port}`;
  const rates = await app.inject({
    method: 'PUT',
    url: '/api/v1/analytics/exchange-rates',
    headers: { authorization: `Bearer ${apiKey}` },
    payload: {
      reportingCurrency: 'EUR',
      rates: [
        { currency: 'GBP', rate: 1.17, validFrom: '2020-01-01' },
        { currency: 'USD', rate: 0.92, validFrom: '2020-01-01' },
      ],
    },
  });
  if (rates.statusCode >= 300) throw new Error(`exchange rates: ${rates.statusCode} ${rates.body}`);
  const skus = Array.from({ length: 20 }, (_, i) => `SKU-${String(i * 37).padStart(4, '0')}`);
  const agents = (
    await query(url, 'select id from users where tenant_id = $1 order by id limit 20', [tenantId])
  ).rows.map((r) => r.id);
  const mix = dashboardMix({ now, skus, agents });
  const requests = (reps, offset) => {
    const list = [];
    for (let i = 0; i < reps; i++)
      for (const entry of mix) list.push({ name: entry.name, path: urlOf(entry, i + offset) });
    // A fixed shuffle: dashboards ask in no particular order.
    let seed = 42;
    for (let i = list.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  const worker = startChildWorker(new URL('./analytics-worker.js', import.meta.url), 'analytics worker');
  defer('stop analytics worker', () => worker.close());
  const warm = await worker.ask({
    type: 'run',
    url: base,
    apiKey,
    concurrency: c.concurrency,
    requests: requests(c.warmupRepetitions, 1000),
  });
  log(
    `analytics: dashboard warm-up, ${Object.values(warm.latencies).flat().length} requests in ${warm.seconds.toFixed(1)} s`,
  );
  log(
    `analytics: dashboard mix, ${mix.length} queries × ${c.repetitions} at ${c.concurrency} concurrent requests…`,
  );
  const meter = cpuMeter(url.split('/').at(-1));
  const run = await worker.ask({
    type: 'run',
    url: base,
    apiKey,
    concurrency: c.concurrency,
    requests: requests(c.repetitions, 0),
  });
  const cpuCores = meter.stop();
  const all = Object.values(run.latencies).flat();
  const out = {
    requests: all.length,
    seconds: run.seconds,
    requestsPerSec: all.length / run.seconds,
    cpuCores,
    failures: run.failures.length + warm.failures.length,
    failureSamples: [...warm.failures, ...run.failures].slice(0, 5),
    overall: percentiles(all, [50, 95, 99]),
    queries: mix.map((entry) => ({
      name: entry.name,
      example: urlOf(entry, 0),
      ms: percentiles(run.latencies[entry.name] ?? [], [50, 95, 99]),
    })),
  };
  for (const q of out.queries)
    log(`analytics:   ${q.name}: p50 ${q.ms[50]} ms, p95 ${q.ms[95]} ms, p99 ${q.ms[99]} ms`);
  log(
    `analytics: overall p50 ${out.overall[50]} ms, p95 ${out.overall[95]} ms, p99 ${out.overall[99]} ms, failures ${out.failures}`,
  );
  for (const f of out.failureSamples) log(`  sample failure ${f.status} ${f.path}: ${f.body}`);

  const slowest = out.queries.reduce((a, b) => ((b.ms[95] ?? 0) > (a.ms[95] ?? 0) ? b : a));
  out.slowest = {
    name: slowest.name,
    ...(await explainSlowest(app, url, tenantId, apiKey, slowest.example)),
  };
  log(
    `analytics: plan of the slowest statement of "${slowest.name}" (EXPLAIN ANALYZE, BUFFERS):\n${out.slowest.summary}`,
  );
  return out;
}

/** Traces one request of the slowest query and EXPLAINs (ANALYZE, BUFFERS) its slowest statement, as the tenant. */
async function explainSlowest(app, url, tenantId, apiKey, path) {
  const traced = await traceStatements(() =>
    app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${apiKey}` } }),
  );
  const candidates = traced.statements.filter((s) => s.sql && !/^\s*(begin|commit|rollback)\b/i.test(s.sql));
  if (candidates.length === 0)
    return { statements: traced.statements.length, summary: '    (no statement traced)' };
  const statement = candidates.reduce((a, b) => (b.ms > a.ms ? b : a));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      "select set_config('role', 'afterdesk_app', true), set_config('app.tenant_id', $1, true)",
      [tenantId],
    );
    const { rows } = await client.query(`explain (analyze, buffers) ${statement.sql}`, statement.values);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const rawScan = plan.filter((l) => new RegExp(`Seq Scan on (${RAW_TABLES.join('|')})\\b`).test(l));
    const lines =
      plan.length > 40 ? [...plan.slice(0, 30), `… ${plan.length - 35} lines …`, ...plan.slice(-5)] : plan;
    return {
      statements: traced.statements.length,
      requestMs: traced.totalMs,
      statementMs: statement.ms,
      sql: statement.sql,
      plan,
      rawTableScans: rawScan.map((l) => l.trim()),
      summary: lines.map((l) => `    ${l}`).join('\n'),
    };
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

/** The closing lines of the report. */
export function printAnalytics(r) {
  const c = r.config;
  console.log('\nAnalytics (PostgreSQL):');
  console.log(
    `  history: ${r.items.toLocaleString('en')} case items, ${r.load.rows.cases.toLocaleString('en')} cases, ` +
      `${r.load.rows.orders.toLocaleString('en')} orders, ${r.load.rows.order_lines.toLocaleString('en')} order lines, ` +
      `${r.load.rows.events.toLocaleString('en')} events over 2 years; ${r.load.databaseGiB} GiB`,
  );
  console.log(
    `  load: ${r.load.seconds.total.toFixed(0)} s (insert ${r.load.seconds.insert.toFixed(0)} s, ` +
      `indexes ${r.load.seconds.indexes.toFixed(0)} s, vacuum ${r.load.seconds.vacuum.toFixed(0)} s)`,
  );
  const rb = r.rebuild;
  console.log(
    `  rollup rebuild (${rb.wholeHistory ? 'whole history' : `${rb.from} to ${rb.to} only`}): ` +
      `${rb.seconds.toFixed(0)} s in ${rb.chunkDays}-day chunks, ${Math.round(rb.itemsPerSec).toLocaleString('en')} case items/s; ` +
      `${rb.rollups.rows.toLocaleString('en')} rollup rows in ${rb.rollups.tables} tables, ${rb.rollups.mib} MiB`,
  );
  console.log(
    `    most of it: ${rb.statements
      .slice(0, 5)
      .map((s) => `${s.label} ${Math.round(s.ms / 1000)} s`)
      .join(', ')}`,
  );
  const inc = r.incremental;
  console.log(
    `  incremental: ${inc.events.toLocaleString('en')} events (${inc.appendedCases.toLocaleString('en')} cases, ` +
      `${inc.lateRefunds} late refunds) caught up in ${inc.jobSeconds.toFixed(1)} s = ` +
      `${Math.round(inc.eventsPerSec).toLocaleString('en')} events/s; lag after commit ${inc.lagSeconds.toFixed(1)} s ` +
      `(2 s of it the job's settle time); rollups ${inc.caughtUp ? 'correct' : 'NOT caught up'}`,
  );
  const d = r.dashboard;
  console.log(
    `  dashboard: ${d.requests.toLocaleString('en')} requests (${c.repetitions} × ${d.queries.length} queries, ` +
      `${c.concurrency} at a time), ${d.requestsPerSec.toFixed(0)} req/s, failures ${d.failures}`,
  );
  const width = Math.max(...d.queries.map((q) => q.name.length));
  for (const q of d.queries)
    console.log(
      `    ${q.name.padEnd(width)}  p50 ${fmt(q.ms[50])}  p95 ${fmt(q.ms[95])}  p99 ${fmt(q.ms[99])} ms`,
    );
  console.log(
    `    ${'all'.padEnd(width)}  p50 ${fmt(d.overall[50])}  p95 ${fmt(d.overall[95])}  p99 ${fmt(d.overall[99])} ms;` +
      ` target p95 < ${c.targetP95Ms} ms: ${d.failures ? 'INVALID' : d.overall[95] < c.targetP95Ms ? 'PASS' : 'MISS'}` +
      (rb.wholeHistory ? '' : ' (rollups cover only part of the periods asked: not the figure of record)'),
  );
  console.log(
    `  slowest: "${d.slowest.name}", its slowest statement ${d.slowest.statementMs?.toFixed(1)} ms; ` +
      `sequential scans of raw tables in its plan: ${d.slowest.rawTableScans?.length ? d.slowest.rawTableScans.join('; ') : 'none'}`,
  );
}

const fmt = (v) => (v === null || v === undefined ? '   –' : String(Math.round(v)).padStart(4));

/** A run is clean when every dashboard request answered 200 and the job caught up exactly. */
export function analyticsClean(r) {
  return r.dashboard.failures === 0 && r.incremental.caughtUp;
}
