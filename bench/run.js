// npm run bench — throughput and latency of case creation and case reads through the
// real HTTP API, on PostgreSQL and on PGlite, plus a bare-SQL baseline of the same
// statements on PostgreSQL; then the SLA sweep over a million open cases, inbound message
// ingestion, triage, carrier tracking events, outbound webhook delivery and analytics over
// ten million case items. See
// bench/README.md. All traffic goes to 127.0.0.1.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { sql } from 'kysely';
import { buildApp } from '../packages/server/dist/http/app.js';
import { analyticsClean, benchAnalytics, printAnalytics } from './lib/analytics.js';
import { createCaseBare, runBareSql } from './lib/bare-sql.js';
import { createCaseCompact } from './lib/bare-sql-compact.js';
import { buildReplay } from './lib/bare-sql-replay.js';
import { cpuMeter } from './lib/cpu.js';
import { benchIngest, ingestClean, printIngest } from './lib/ingest.js';
import { LoadGenerator } from './lib/load.js';
import { startProfile } from './lib/profile.js';
import { allRunsClean, cpuPerRequest, evaluateTargets, noisyRuns, printReport } from './lib/report.js';
import {
  caseIds,
  caseStatuses,
  createBenchDatabase,
  open,
  seed,
  serverVersion,
  tempDir,
} from './lib/setup.js';
import { benchSlaSweep, printSlaSweep } from './lib/sla-sweep.js';
import { traceCaseCreation } from './lib/trace.js';
import { benchTracking, printTracking, trackingClean } from './lib/tracking.js';
import { benchTriage, printTriage } from './lib/triage.js';
import { benchWebhooks, printWebhooks, webhooksClean } from './lib/webhooks.js';

const QUICK = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY; // 'postgres' or 'pglite' to run one database
// Which sections run, e.g. BENCH_SECTIONS=sla,ingest: cases (creation and reads), sla, ingest,
// triage, tracking (carrier events), webhooks (outbound delivery), analytics (rollups and dashboards).
const SECTIONS = new Set(
  (process.env.BENCH_SECTIONS ?? 'cases,sla,ingest,triage,tracking,webhooks,analytics')
    .split(',')
    .map((s) => s.trim()),
);
const KINDS = ['postgres', 'pglite'].filter((kind) => !only || only === kind);
const PROFILE = process.env.BENCH_PROFILE === '1'; // CPU-profile the server during the measured API runs
const CONFIG = {
  // ANALYZE after seeding and after the creation warm-up, as autovacuum would soon do in a
  // live system (BENCH_ANALYZE=0 skips both, to see the cost of stale statistics).
  analyzeAfterSeed: process.env.BENCH_ANALYZE !== '0',
  orders: QUICK ? 1000 : 5000,
  linesPerOrder: 2,
  quantityPerLine: 20,
  batch: 500,
  warmupS: 2,
  dbPoolSize: 20, // the service's default (AFTERDESK_DB_POOL); the bare-SQL pool uses the same
  postgres: { connections: 32, durationS: QUICK ? 5 : 15 },
  pglite: { connections: 8, durationS: QUICK ? 4 : 10 },
};

const log = (...args) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
// Cleanup steps (close app, services, drop database, remove files), undone newest first.
// Runs are chained so a signal never drops the database while a pool is still closing.
const cleanups = [];
let cleaning = Promise.resolve();
function cleanUp(downTo = 0) {
  cleaning = cleaning.then(async () => {
    while (cleanups.length > downTo) {
      const [label, fn] = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        console.error(`cleanup "${label}" failed: ${error?.message ?? error}`);
      }
    }
  });
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    cleanUp().finally(() => process.exit(130));
  });
}
// DROP DATABASE … WITH (FORCE) after an interruption ends connections still open in the
// service's pool, which has no error listener; that is expected then, not a failure.
process.on('uncaughtException', (error) => {
  if (interrupted && error?.code === '57P01') return;
  console.error(error);
  cleanUp().finally(() => process.exit(1));
});

function shuffle(values) {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

function describeRun(label, r) {
  const bad = r.unexpectedStatus + r.errors + r.timeouts;
  const c = r.cpuCores;
  log(
    `${label}: ${r.reqPerSecMean.toFixed(0)} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ` +
      `${r.requestsTotal} requests, non-2xx ${r.non2xx}${bad ? `, UNEXPECTED ${JSON.stringify(r.statusCounts)} errors ${r.errors} timeouts ${r.timeouts}` : ''}` +
      (c ? `; CPU cores: bench ${c.bench}, postgres ${c.postgres}, other ${c.other} of ${c.cores}` : ''),
  );
  for (const s of r.errorSamples) log(`  sample ${s.status}: ${s.body}`);
}

async function benchDatabase(kind) {
  const settings = CONFIG[kind];
  const out = { kind, connections: settings.connections, durationS: settings.durationS };
  const mark = cleanups.length;
  try {
    let databaseUrl;
    if (kind === 'postgres') {
      const database = await createBenchDatabase();
      cleanups.push([`drop database ${database.name}`, () => database.drop()]);
      databaseUrl = database.url;
      out.database = database.name;
      out.server = await serverVersion(databaseUrl);
    }
    const data = await tempDir(`afterdesk-bench-${kind}-`);
    cleanups.push([`remove ${data.dir}`, () => data.remove()]);

    let t = performance.now();
    const services = await open({ databaseUrl, dataDir: data.dir, dbPoolSize: CONFIG.dbPoolSize });
    cleanups.push(['close services', () => services.close()]);
    out.openAndMigrateS = (performance.now() - t) / 1000;

    t = performance.now();
    const seeded = await seed(services, {
      orders: CONFIG.orders,
      batch: CONFIG.batch,
      quantity: CONFIG.quantityPerLine,
    });
    out.seed = {
      orders: CONFIG.orders,
      lines: seeded.slots.length,
      capacity: seeded.capacity,
      seconds: (performance.now() - t) / 1000,
    };
    log(
      `${kind}: seeded ${CONFIG.orders} orders (${seeded.slots.length} lines) in ${out.seed.seconds.toFixed(1)} s`,
    );
    if (CONFIG.analyzeAfterSeed) await sql`analyze`.execute(services.db);

    const app = await buildApp(services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(['close app', () => app.close()]);
    const url = `http://127.0.0.1:${app.server.address().port}`;

    // A few creations in-process (app.inject), the last one traced statement by statement.
    // They use the last slots, so the load's rotation (from the first slot) is undisturbed.
    let traced;
    for (let i = 1; i <= 6; i++)
      traced = await traceCaseCreation(app, seeded.apiKey, seeded.slots[seeded.slots.length - i]);
    if (traced.status !== 201)
      throw new Error(`case creation answered ${traced.status}: ${JSON.stringify(traced.body)}`);
    if (traced.body.status !== 'awaiting_return')
      throw new Error(`expected an approved case with a return code, got status ${traced.body.status}`);
    const sqlMs = traced.statements.reduce((sum, s) => sum + s.ms, 0);
    out.singleCreation = {
      totalMs: traced.totalMs,
      // Round trips to PostgreSQL (a multi-statement message counts once); PGlite does not go through pg.Client.
      statements: traced.statements.length || null,
      sqlRoundTripMs: traced.statements.length ? sqlMs : null,
    };
    const decision = traced.body.decision;
    const actorId = traced.body.timeline?.[0]?.actorId ?? 'bench';

    const load = new LoadGenerator();
    cleanups.push(['stop load generator', () => load.close()]);
    await load.setSlots(seeded.slots);
    let used = 0;

    log(
      `${kind}: case creation — warm-up ${CONFIG.warmupS} s, then ${settings.durationS} s at ${settings.connections} connections`,
    );
    const warm = await load.run({
      url,
      apiKey: seeded.apiKey,
      mode: 'create',
      connections: settings.connections,
      duration: CONFIG.warmupS,
    });
    used += warm.issued;
    // The warm-up filed the first cases; statistics taken while `cases` was empty make the
    // planner scan every case of the tenant for the quantity and return-code checks (see
    // README). Autovacuum re-analyzes a live system within a minute; do it now.
    if (CONFIG.analyzeAfterSeed) await sql`analyze`.execute(services.db);
    let meter = cpuMeter(out.database);
    let profiler = PROFILE ? await startProfile(`${kind}-create`) : null;
    out.create = await load.run({
      url,
      apiKey: seeded.apiKey,
      mode: 'create',
      connections: settings.connections,
      duration: settings.durationS,
    });
    out.create.cpuCores = meter.stop();
    if (profiler) out.create.profile = await profiler.stop();
    used += out.create.issued;
    out.create.warmup = {
      requests: warm.requestsTotal,
      non2xx: warm.non2xx,
      unexpectedStatus: warm.unexpectedStatus + warm.errors + warm.timeouts,
      reqPerSecMean: warm.reqPerSecMean,
    };
    out.create.caseStatuses = await caseStatuses(services, seeded.tenantId);
    // A 201 that was not auto-approved (e.g. the quantity ran out) is not the measured path.
    out.create.notApproved = Object.entries(out.create.caseStatuses)
      .filter(([status]) => status !== 'awaiting_return')
      .reduce((n, [, count]) => n + count, 0);
    describeRun(`${kind} create`, out.create);
    if (out.create.notApproved > 0)
      log(`INVALID: cases not auto-approved: ${JSON.stringify(out.create.caseStatuses)}`);

    const ids = shuffle(await caseIds(services, seeded.tenantId));
    out.read = { casesInRotation: ids.length };
    await load.setCaseIds(ids);
    log(
      `${kind}: case reads — warm-up ${CONFIG.warmupS} s, then ${settings.durationS} s at ${settings.connections} connections over ${ids.length} cases`,
    );
    const warmRead = await load.run({
      url,
      apiKey: seeded.apiKey,
      mode: 'read',
      connections: settings.connections,
      duration: CONFIG.warmupS,
    });
    meter = cpuMeter(out.database);
    profiler = PROFILE ? await startProfile(`${kind}-read`) : null;
    out.read = {
      ...(await load.run({
        url,
        apiKey: seeded.apiKey,
        mode: 'read',
        connections: settings.connections,
        duration: settings.durationS,
      })),
      casesInRotation: ids.length,
    };
    out.read.cpuCores = meter.stop();
    if (profiler) out.read.profile = await profiler.stop();
    out.read.warmup = {
      requests: warmRead.requestsTotal,
      non2xx: warmRead.non2xx,
      unexpectedStatus: warmRead.unexpectedStatus + warmRead.errors + warmRead.timeouts,
      reqPerSecMean: warmRead.reqPerSecMean,
    };
    describeRun(`${kind} read`, out.read);

    if (kind === 'postgres') {
      let cursor = used;
      const nextSlot = () => seeded.slots[cursor++ % seeded.slots.length];
      const common = {
        url: databaseUrl,
        poolSize: CONFIG.dbPoolSize,
        concurrency: settings.connections,
        tenantId: seeded.tenantId,
        actorId,
        nextSlot,
        decision,
      };
      const replayContext = {
        tenantId: seeded.tenantId,
        storeId: seeded.storeId,
        tracedSlot: seeded.slots[seeded.slots.length - 6],
      };
      const replay = buildReplay(traced, replayContext);
      const replayPrepared = buildReplay(traced, { ...replayContext, prepared: true });
      const variants = [
        // The statements the service sends today, replayed: the service layer's floor.
        ['bareSqlReplay', 'bare SQL, replay of the service', replay.transaction],
        // The statements as specified for this benchmark, by hand (bench/lib/bare-sql.js).
        ['bareSql', 'bare SQL, by hand', createCaseBare],
        // What-if: the service's statements as named prepared statements (planned once per connection).
        ['bareSqlReplayPrepared', 'bare SQL, replay, prepared (what-if)', replayPrepared.transaction],
        // What-if: the same work in 4 round trips (bench/lib/bare-sql-compact.js).
        ['bareSqlCompact', 'bare SQL, 4 round trips (what-if)', createCaseCompact],
      ];
      for (const [key, label, transaction] of variants) {
        log(
          `postgres: ${label} — warm-up ${CONFIG.warmupS} s, then ${settings.durationS} s, ` +
            `${settings.connections} callers on a pool of ${CONFIG.dbPoolSize}`,
        );
        const warmBare = await runBareSql({ ...common, transaction, durationS: CONFIG.warmupS });
        profiler = PROFILE ? await startProfile(`postgres-${key}`) : null;
        const r = await runBareSql({
          ...common,
          transaction,
          durationS: settings.durationS,
          meter: () => cpuMeter(out.database),
        });
        if (profiler) r.profile = await profiler.stop();
        r.label = label;
        r.warmup = { transactions: warmBare.transactionsTotal, errors: warmBare.errors };
        out[key] = r;
        const c = r.cpuCores;
        log(
          `postgres ${label}: ${r.txPerSecMean.toFixed(0)} tx/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ` +
            `${r.statementsPerTransaction} round trips/tx, errors ${r.errors + warmBare.errors}` +
            (c
              ? `; CPU cores: bench ${c.bench}, postgres ${c.postgres}, other ${c.other} of ${c.cores}`
              : ''),
        );
        for (const e of [...warmBare.errorSamples, ...r.errorSamples].slice(0, 5))
          log(`  sample error: ${e}`);
      }
      used = cursor;
      out.apiOverBareSqlReplay = out.create.reqPerSecMean / out.bareSqlReplay.txPerSecMean;
      out.apiOverBareSql = out.create.reqPerSecMean / out.bareSql.txPerSecMean;
    }
    out.unitsClaimed = used;
    if (used > seeded.capacity)
      log(
        `WARNING: ${used} returns filed on a capacity of ${seeded.capacity}; later ones were not auto-approved`,
      );
  } finally {
    // Close app, services, database and files of this database now, newest first.
    await cleanUp(mark);
  }
  return out;
}

const startedAt = new Date();
const pgliteVersion = JSON.parse(
  readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
).version;
const report = {
  startedAt: startedAt.toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    postgres: null,
    pglite: pgliteVersion,
  },
  config: CONFIG,
  results: {},
};

let failed = false;
try {
  if (SECTIONS.has('cases'))
    for (const kind of KINDS) {
      report.results[kind] = await benchDatabase(kind);
      if (kind === 'postgres') report.machine.postgres = report.results.postgres.server;
    }
  const defer = (label, fn) => cleanups.push([label, fn]);
  // The sweep's figures are PostgreSQL's: a million cases is not what the embedded database is for.
  if (SECTIONS.has('sla') && KINDS.includes('postgres')) {
    log('sla: seeding a million open cases (a few minutes)…');
    report.sla = await benchSlaSweep({ log, defer }).finally(() => cleanUp());
  }
  if (SECTIONS.has('ingest'))
    report.ingest = await benchIngest({ log, defer, kinds: KINDS }).finally(() => cleanUp());
  if (SECTIONS.has('triage')) report.triage = await benchTriage({ log });
  if (SECTIONS.has('tracking'))
    report.tracking = await benchTracking({ log, defer, kinds: KINDS }).finally(() => cleanUp());
  if (SECTIONS.has('webhooks'))
    report.webhooks = await benchWebhooks({ log, defer, kinds: KINDS }).finally(() => cleanUp());
  // Ten million case items are PostgreSQL's to hold, like the sweep's million cases.
  if (SECTIONS.has('analytics') && KINDS.includes('postgres')) {
    log('analytics: two years of history, ~10 M case items (QUICK: ~1 M)…');
    report.analytics = await benchAnalytics({ log, defer }).finally(() => cleanUp());
  }
} catch (error) {
  failed = true;
  report.error = String(error?.stack ?? error);
  console.error(`\nBenchmark failed: ${report.error}`);
} finally {
  await cleanUp();
}

for (const r of Object.values(report.results)) {
  for (const key of ['create', 'read', 'bareSqlReplay', 'bareSql', 'bareSqlReplayPrepared', 'bareSqlCompact'])
    if (r[key]) r[key].cpuMsPerRequest = cpuPerRequest(r[key]);
}
report.finishedAt = new Date().toISOString();
report.targets = evaluateTargets(report.results);
report.valid =
  !failed &&
  allRunsClean(report.results) &&
  (!report.ingest || ingestClean(report.ingest)) &&
  (!report.tracking || trackingClean(report.tracking)) &&
  (!report.webhooks || webhooksClean(report.webhooks)) &&
  (!report.analytics || analyticsClean(report.analytics));
report.sharedMachineRuns = noisyRuns(report.results);

const dir = new URL('./results/', import.meta.url);
await mkdir(dir, { recursive: true });
const json = `${JSON.stringify(report, null, 2)}\n`;
const stamp = startedAt.toISOString().replace(/:/g, '-');
await writeFile(new URL(`${stamp}.json`, dir), json);
await writeFile(new URL('latest.json', dir), json);

if (Object.keys(report.results).length > 0) printReport(report);
if (report.sla) printSlaSweep(report.sla);
if (report.ingest) printIngest(report.ingest);
if (report.triage) printTriage(report.triage);
if (report.tracking) printTracking(report.tracking);
if (report.webhooks) printWebhooks(report.webhooks);
if (report.analytics) printAnalytics(report.analytics);
console.log(`\nResults: bench/results/${stamp}.json (and bench/results/latest.json)`);
// Missed targets are information, not failure; errors and non-2xx answers are failure.
process.exitCode = failed || !report.valid ? 1 : 0;
