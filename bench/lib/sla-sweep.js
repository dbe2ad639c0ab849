// SLA sweep over a million open cases on PostgreSQL: 1 % of the clocks are due, the rest
// run for up to a month. Measures one sweep of the whole due set, the same in batches of
// 1,000, and a sweep with nothing due, which must be an index probe (about a millisecond),
// not a scan of the open cases.
import { sql } from 'kysely';
import pg from 'pg';
import { dueClocksQuery } from '../../packages/server/dist/db/repositories/sla-sweep.repository.js';
import { sweepSlaClocks } from '../../packages/server/dist/jobs/sla-sweep.job.js';
import { createBenchDatabase, open, tempDir } from './setup.js';
import { percentiles } from './stats.js';

const QUICK = process.env.BENCH_QUICK === '1';
export const SLA_CONFIG = {
  cases: QUICK ? 100_000 : 1_000_000,
  dueEvery: 100, // every 100th clock is due: 1 %
  tenants: 20,
  teamsPerTenant: 5,
  agentsPerTeam: 10,
  customers: QUICK ? 20_000 : 200_000, // a multiple of `tenants`, so a case's customer is of its tenant
  fullBatchRuns: 3,
  emptyRuns: 50,
};

// Deterministic ids from a label, so the statements below can join without lookups.
const ID = (label) => `md5(${label})::uuid`;
// Which due clocks were already warned when seeded: half of them, by case id, so reset() can restore it.
const WARNED = (caseId) => `hashtext(${caseId}::text) % 2 = 0`;

/** The seed: tenants, stores, teams with an online and an offline lead and agents, customers, cases, one clock each. */
export function seedStatements(c) {
  const tenantOf = `('t' || (g % ${c.tenants}))`;
  const teamOf = `('team' || (g % ${c.tenants}) || '-' || ((g / ${c.tenants}) % ${c.teamsPerTenant}))`;
  // Every dueEvery-th clock is due within the last hour (half of them already warned); the
  // others are due from 1 hour to about 30 days ahead, their warning 12 minutes before.
  const due = `(case when g % ${c.dueEvery} = 0 then $1::timestamptz - interval '1 second' * (g % 3600)
    else $1::timestamptz + interval '1 hour' + interval '1 second' * (g % 2592000) end)`;
  return [
    `insert into tenants (id, name) select ${ID("'t' || g")}, 'Sweep ' || g from generate_series(0, ${c.tenants - 1}) g`,
    `insert into stores (id, tenant_id, code, name, country, currency, time_zone, languages)
       select ${ID("'s' || g")}, ${ID("'t' || g")}, 'eu', 'Store', 'DE', 'EUR', 'Europe/Berlin', '{de,en}'
       from generate_series(0, ${c.tenants - 1}) g`,
    `insert into teams (id, tenant_id, name)
       select ${ID("'team' || t || '-' || j")}, ${ID("'t' || t")}, 'Team ' || j
       from generate_series(0, ${c.tenants - 1}) t, generate_series(0, ${c.teamsPerTenant - 1}) j`,
    // Per team: member 0 is the online lead, 1 an offline lead, the rest agents.
    `insert into users (id, tenant_id, email, name, role, password_hash, team_id, is_lead, presence)
       select ${ID("'u' || t || '-' || j || '-' || a")}, ${ID("'t' || t")}, 'u' || t || '-' || j || '-' || a || '@bench.example',
         'Agent', 'agent', 'x', ${ID("'team' || t || '-' || j")}, a < 2, case when a = 1 then 'offline' else 'online' end
       from generate_series(0, ${c.tenants - 1}) t, generate_series(0, ${c.teamsPerTenant - 1}) j,
         generate_series(0, ${c.agentsPerTeam + 1}) a`,
    `insert into customers (id, tenant_id, external_id)
       select ${ID("'c' || g")}, ${ID(tenantOf)}, 'c' || g from generate_series(0, ${c.customers - 1}) g`,
    `insert into cases (id, tenant_id, kind, category, status, store_id, customer_id, language, channel,
         created_by_type, priority, team_id, assignee_id, created_at, sla_due_at)
       select ${ID("'k' || g")}, ${ID(tenantOf)}, 'inquiry', 'consultation', 'open', ${ID(`'s' || (g % ${c.tenants})`)},
         ${ID(`'c' || (g % ${c.customers})`)}, 'en', 'email', 'customer', 'normal', ${ID(teamOf)},
         ${ID(`'u' || (g % ${c.tenants}) || '-' || ((g / ${c.tenants}) % ${c.teamsPerTenant}) || '-' || (2 + g % ${c.agentsPerTeam})`)},
         $1::timestamptz - interval '1 day', ${due}
       from generate_series(0, ${c.cases - 1}) g`,
    `insert into case_clocks (tenant_id, case_id, metric, cycle, state, target, rule, started_at, due_at,
         warn_at, budget_minutes, warned_at)
       select ${ID(tenantOf)}, ${ID("'k' || g")}, 'first_response', 1, 'active', '{"minutes": 60, "clock": "calendar"}',
         'bench: 1 h', due - interval '1 hour', due, due - interval '12 minutes', 60,
         case when due <= $1 and ${WARNED(ID("'k' || g"))} then due - interval '12 minutes' end
       from (select g, ${due} as due from generate_series(0, ${c.cases - 1}) g) x`,
  ];
}

/** Puts the swept clocks back as they were seeded, drops the sweep's events, and vacuums as autovacuum would. */
export async function reset(client) {
  await client.query(
    `update case_clocks k set state = 'active', breached_at = null,
       warned_at = case when ${WARNED('k.case_id')} then k.warn_at end
     from bench_due d where k.case_id = d.case_id`,
  );
  await client.query(`delete from events where type in ('sla.warning', 'sla.breached')`);
  await client.query('vacuum analyze case_clocks, cases, events');
}

/**
 * The writes of one sweep of the whole due set in bare SQL, without the application (no
 * claim, no decisions, no round trips of data): clocks missed, their events, the cases
 * re-prioritised with their earliest running due time. Rolled back. The floor a sweep on
 * this database and machine cannot go below.
 */
async function bareFloor(client, now) {
  const timed = async (text) => {
    const started = performance.now();
    await client.query(text, [now]);
    return performance.now() - started;
  };
  await client.query('begin');
  try {
    const clocksAndEventsMs = await timed(`
      with missed as (
        update case_clocks k set state = 'missed', breached_at = k.due_at
        from bench_due d where k.case_id = d.case_id and k.state = 'active' and k.due_at <= $1
        returning k.tenant_id, k.case_id, k.metric, k.cycle, k.due_at, k.rule
      )
      insert into events (tenant_id, stream, stream_id, type, actor_type, reason, data, created_at)
      select tenant_id, 'case', case_id, 'sla.breached', 'system', rule,
        jsonb_build_object('metric', metric, 'cycle', cycle, 'dueAt', due_at, 'priority', 'high',
          'actions', '["raise_priority", "reassign_to_lead", "notify_lead", "tell_customer"]'::jsonb), $1
      from missed`);
    const casesMs = await timed(`
      update cases c set priority = 'high', updated_at = $1,
        sla_due_at = (select min(k.due_at) from case_clocks k where k.case_id = c.id and k.state = 'active')
      from bench_due d where c.id = d.case_id`);
    return { clocksAndEventsMs, casesMs, totalMs: clocksAndEventsMs + casesMs };
  } finally {
    await client.query('rollback');
  }
}

export async function benchSlaSweep({ log, defer }) {
  const c = SLA_CONFIG;
  const out = { config: c };
  const database = await createBenchDatabase();
  defer(`drop database ${database.name}`, () => database.drop());
  const files = await tempDir('afterdesk-bench-sla-');
  defer(`remove ${files.dir}`, () => files.remove());
  const services = await open({ databaseUrl: database.url, dataDir: files.dir });
  defer('close sla services', () => services.close());
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  defer('close sla client', () => client.end());

  // One fixed "now" for seed and sweeps, so every run finds exactly the seeded due clocks.
  const now = new Date();
  const t = performance.now();
  for (const statement of seedStatements(c))
    await client.query(statement, statement.includes('$1') ? [now] : []);
  // The due clocks, so reset() finds them by key instead of scanning a million clocks.
  await client.query('create table bench_due as select case_id from case_clocks where due_at <= $1', [now]);
  await client.query('alter table bench_due add primary key (case_id)');
  await client.query('vacuum analyze');
  out.seedS = (performance.now() - t) / 1000;
  const counts = await client.query(
    `select count(*)::int as clocks, count(*) filter (where due_at <= $1)::int as due from case_clocks where state = 'active'`,
    [now],
  );
  Object.assign(out, counts.rows[0]);
  log(
    `sla: seeded ${out.clocks} open cases with a running clock, ${out.due} due, in ${out.seedS.toFixed(1)} s`,
  );

  out.plan = await explainClaim(client, services, now, 10_000);
  log(`sla: claim plan (EXPLAIN ANALYZE, rolled back):\n${out.plan.text}`);
  out.bareSql = await bareFloor(client, now);
  await client.query('vacuum analyze case_clocks, cases, events');
  log(
    `sla: bare SQL, the same writes without the application: ${out.bareSql.totalMs.toFixed(0)} ms ` +
      `(clocks + events ${out.bareSql.clocksAndEventsMs.toFixed(0)} ms, cases ${out.bareSql.casesMs.toFixed(0)} ms)`,
  );

  // Each sweep publishes one live update per case, which the PostgreSQL bus sends as one
  // NOTIFY each through the service's pool after the commit. A `select 1` through the same
  // pool waits for them: timed apart, so they neither count in nor slow the next sweep.
  const drain = async () => {
    const started = performance.now();
    await sql`select 1`.execute(services.db);
    return performance.now() - started;
  };
  const sweep = async (batch) => {
    const r = await sweepSlaClocks(services, { now, batch });
    return { ...r, liveDrainMs: await drain() };
  };

  out.fullBatch = [];
  for (let run = 0; run < c.fullBatchRuns; run++) {
    if (run > 0) await reset(client);
    const r = await sweep(10_000);
    out.fullBatch.push(r);
    log(
      `sla: sweep, batch 10,000: ${r.breached} breached, ${r.warned} warned in ${r.ms.toFixed(1)} ms ` +
        `(claim ${r.stages.claimMs.toFixed(0)}, decide ${r.stages.decideMs.toFixed(0)}, write ${r.stages.writeMs.toFixed(0)} ms); ` +
        `then ${r.breached} live updates drained in ${r.liveDrainMs.toFixed(0)} ms`,
    );
  }
  await reset(client);
  const small = [];
  for (let i = 0; i < 10; i++) small.push(await sweep(1000));
  out.batch1000 = {
    sweepsMs: small.map((r) => Math.round(r.ms * 10) / 10),
    breached: small.reduce((n, r) => n + r.breached, 0),
    warned: small.reduce((n, r) => n + r.warned, 0),
    totalMs: small.reduce((n, r) => n + r.ms, 0),
  };
  log(
    `sla: 10 sweeps, batch 1,000: ${out.batch1000.breached} breached in ${out.batch1000.totalMs.toFixed(1)} ms ` +
      `(${out.batch1000.sweepsMs.join(', ')} ms)`,
  );

  // The first sweep after a big one steps over the index entries the breaches left behind
  // until vacuum removes them; measured apart from the steady state after autovacuum.
  out.emptyFirstMs = (await sweepSlaClocks(services, { now })).ms;
  await client.query('vacuum analyze case_clocks');
  const empty = [];
  for (let i = 0; i < c.emptyRuns; i++) empty.push((await sweepSlaClocks(services, { now })).ms);
  out.empty = { runs: c.emptyRuns, ms: percentiles(empty, [50, 99]), maxMs: Math.max(...empty) };
  out.emptyPlan = await explainClaim(client, services, now, 10_000);
  log(
    `sla: empty sweep: first after the big one ${out.emptyFirstMs.toFixed(1)} ms; after vacuum p50 ${out.empty.ms[50]} ms, ` +
      `p99 ${out.empty.ms[99]} ms; plan:\n${out.emptyPlan.text}`,
  );

  const ms = out.fullBatch.map((r) => r.ms).sort((a, b) => a - b);
  out.fullBatchMedianMs = ms[Math.floor(ms.length / 2)];
  out.msPer1000Clocks = out.fullBatchMedianMs / (out.due / 1000);
  return out;
}

/** The closing lines of the report. */
export function printSlaSweep(r) {
  console.log('\nSLA sweep (PostgreSQL):');
  console.log(
    `  ${r.clocks.toLocaleString('en')} open cases with a running clock, ${r.due.toLocaleString('en')} due (seeded in ${r.seedS.toFixed(0)} s)`,
  );
  console.log(
    `  one sweep, batch 10,000: ${r.fullBatch.map((x) => x.ms.toFixed(0)).join(' / ')} ms (median ${r.fullBatchMedianMs.toFixed(0)} ms, ` +
      `${r.msPer1000Clocks.toFixed(1)} ms per 1,000 clocks); target < 250 ms: ${r.fullBatchMedianMs < 250 ? 'PASS' : 'MISS'}`,
  );
  const median = [...r.fullBatch].sort((a, b) => a.ms - b.ms)[Math.floor(r.fullBatch.length / 2)];
  console.log(
    `  median sweep's stages: claim ${median.stages.claimMs.toFixed(0)} ms, decide ${median.stages.decideMs.toFixed(0)} ms, ` +
      `write ${median.stages.writeMs.toFixed(0)} ms, commit ${(median.ms - median.stages.claimMs - median.stages.decideMs - median.stages.writeMs).toFixed(0)} ms`,
  );
  console.log(
    `  bare SQL floor, the same writes without the application: ${r.bareSql.totalMs.toFixed(0)} ms ` +
      `(clocks + events ${r.bareSql.clocksAndEventsMs.toFixed(0)} ms, cases ${r.bareSql.casesMs.toFixed(0)} ms)`,
  );
  console.log(
    `  10 sweeps, batch 1,000: ${r.batch1000.totalMs.toFixed(0)} ms in all, ${(r.batch1000.totalMs / 10).toFixed(0)} ms per sweep`,
  );
  console.log(
    `  live updates after a 10,000 sweep (NOTIFY batched per event-loop turn): ${r.fullBatch.map((x) => x.liveDrainMs.toFixed(0)).join(' / ')} ms to drain`,
  );
  console.log(
    `  empty sweep: p50 ${r.empty.ms[50]} ms, p99 ${r.empty.ms[99]} ms (first one after a big sweep ${r.emptyFirstMs.toFixed(1)} ms); ` +
      `sequential scan in the claim plan: ${r.plan.seqScan || r.emptyPlan.seqScan ? 'YES' : 'no'}`,
  );
}

/** EXPLAIN (ANALYZE, BUFFERS) of the claim statement, rolled back; flags any sequential scan. */
async function explainClaim(client, services, now, batch) {
  const compiled = dueClocksQuery(now, batch).compile(services.db);
  await client.query('begin');
  try {
    await client.query('set local jit = off'); // as claimDueClocks does
    const { rows } = await client.query(
      `explain (analyze, buffers, costs off) ${compiled.sql}`,
      compiled.parameters,
    );
    const text = rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
    return { text, seqScan: /Seq Scan on (case_clocks|cases)\b/.test(text) };
  } finally {
    await client.query('rollback');
  }
}
