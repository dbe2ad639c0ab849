// Tracking-event ingestion: how many carrier events per second `POST /api/v1/tracking/events`
// records, in batches of 100 and 500 from several concurrent carrier feeds, on PostgreSQL and
// on PGlite; then every answer and every parcel's and return case's state is checked.
import { sql } from 'kysely';
import { upsertOrders } from '../../packages/server/dist/app/orders/upsert-orders.js';
import { inSystem } from '../../packages/server/dist/db/scope.js';
import { buildApp } from '../../packages/server/dist/http/app.js';
import { startChildWorker } from './child-worker.js';
import { cpuMeter } from './cpu.js';
import { startProfile } from './profile.js';
import { benchOrder, createBenchDatabase, open, seed, tempDir } from './setup.js';
import { caseBody } from './trace.js';
import { totals, verify } from './tracking-check.js';
import { expectOutcomes, planTraffic } from './tracking-plan.js';

const QUICK = process.env.BENCH_QUICK === '1';
const PROFILE = process.env.BENCH_PROFILE === '1';
export const TRACKING_CONFIG = {
  // Seven slices on PostgreSQL (a warm-up, then three runs of each shape): ~37,000 events a run.
  postgres: { parcels: QUICK ? 7000 : 60_000, returns: QUICK ? 700 : 3500, runs: 3 },
  pglite: { parcels: QUICK ? 3000 : 9000, returns: QUICK ? 300 : 600, runs: 1 },
  // Requests of 100 events from 8 feeds, and of 500 from 4.
  shapes: [
    { batch: 100, clients: 8 },
    { batch: 500, clients: 4 },
  ],
  unknownShare: 0.005,
  targetEventsPerSec: 2000,
};
const DAY = 86_400_000;

function startWorker() {
  return startChildWorker(new URL('./tracking-worker.js', import.meta.url), 'tracking worker');
}

/** An order shipped four days ago and not delivered yet: one DHL parcel, `TB<i>`. */
function parcelOrder(i, now) {
  const order = benchOrder(100_000 + i, now, 1);
  order.shipments = [
    { carrier: 'DHL', trackingNumber: `TB${i}`, shippedAt: new Date(now - 4 * DAY).toISOString() },
  ];
  return order;
}

async function seedParcels(services, kind, settings, log) {
  const t = performance.now();
  const seeded = await seed(services, { orders: settings.returns, batch: 500, quantity: 1 });
  const ctx = {
    ...services,
    principal: { kind: 'integration', tenantId: seeded.tenantId, apiKeyId: 'bench' },
  };
  const now = Date.now();
  for (let start = 0; start < settings.parcels; start += 500) {
    const part = [];
    for (let i = start; i < Math.min(settings.parcels, start + 500); i++) part.push(parcelOrder(i, now));
    await upsertOrders(ctx, part);
  }
  log(`tracking ${kind}: seeded ${settings.parcels} parcels and ${settings.returns} delivered orders`);
  return { ...seeded, seconds: (performance.now() - t) / 1000 };
}

/** Files one approved return per delivered order over HTTP; each gets a waybill. */
async function fileReturns(url, seeded, count) {
  let next = 0;
  const failures = [];
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const response = await fetch(`${url}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${seeded.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(caseBody(seeded.slots[i])),
      });
      const body = await response.json();
      if (response.status !== 201 || body.status !== 'awaiting_return')
        failures.push(`${response.status} ${body.status ?? JSON.stringify(body).slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (failures.length > 0) throw new Error(`return filing failed: ${failures.slice(0, 3).join('; ')}`);
}

export async function benchTracking({ log, defer, kinds }) {
  const out = { config: TRACKING_CONFIG };
  for (const kind of kinds) out[kind] = await benchOne(kind, { log, defer });
  return out;
}

async function benchOne(kind, { log, defer }) {
  const c = TRACKING_CONFIG;
  const settings = c[kind];
  let databaseUrl;
  let databaseName;
  if (kind === 'postgres') {
    const database = await createBenchDatabase();
    defer(`drop database ${database.name}`, () => database.drop());
    databaseUrl = database.url;
    databaseName = database.name;
  }
  const data = await tempDir(`afterdesk-bench-tracking-${kind}-`);
  defer(`remove ${data.dir}`, () => data.remove());
  const services = await open({ databaseUrl, dataDir: data.dir });
  defer(`close ${kind} tracking services`, () => services.close());
  const seeded = await seedParcels(services, kind, settings, log);
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  defer(`close ${kind} tracking app`, () => app.close());
  const url = `http://127.0.0.1:${app.server.address().port}`;
  // Statistics taken while the tables were empty make the planner scan every order when
  // a return is filed (see README, Statistics); autovacuum would re-analyze by now.
  await sql`analyze`.execute(services.db);
  const t = performance.now();
  await fileReturns(url, seeded, settings.returns);
  const waybills = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('return_shipments')
      .select(['carrier', 'waybill_number'])
      .where('tenant_id', '=', seeded.tenantId)
      .orderBy('waybill_number')
      .execute(),
  );
  log(
    `tracking ${kind}: filed ${waybills.length} returns in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  await sql`analyze`.execute(services.db);
  const worker = startWorker();
  defer('stop tracking worker', () => worker.close());

  // One slice of parcels and returns per run (and one for the warm-up): each run's parcels
  // start fresh, so every run does the same work.
  const slices = 1 + c.shapes.length * settings.runs;
  const perSlice = Math.floor(settings.parcels / slices);
  const returnsPerSlice = Math.floor(waybills.length / slices);
  let slice = 0;
  const run = async (shape, label) => {
    const k = slice++;
    const outbound = Array.from({ length: perSlice }, (_, i) => ({
      carrier: 'DHL',
      trackingNumber: `TB${k * perSlice + i}`,
    }));
    const returns = waybills
      .slice(k * returnsPerSlice, (k + 1) * returnsPerSlice)
      .map((w) => ({ carrier: w.carrier, trackingNumber: w.waybill_number }));
    const feeds = planTraffic({
      outbound,
      returns,
      unknown: Math.round(perSlice * c.unknownShare),
      clients: shape.clients,
      batch: shape.batch,
      now: Date.now(),
      seed: 7 + k,
    });
    const expected = expectOutcomes(feeds, {
      outboundNumbers: new Set(outbound.map((p) => p.trackingNumber)),
      returnNumbers: new Set(returns.map((p) => p.trackingNumber)),
    });
    const before = await totals(services, seeded.tenantId);
    const profiler = PROFILE && label !== 'warm-up' ? await startProfile(`${kind}-tracking-${label}`) : null;
    const meter = cpuMeter(databaseName);
    const result = await worker.ask({ type: 'post', url, apiKey: seeded.apiKey, feeds });
    result.cpu = cpuPerEvent(meter.stop(), result);
    if (profiler) result.profile = await profiler.stop();
    result.problems =
      result.failed > 0
        ? [`${result.failed} requests failed`]
        : await verify(services, seeded.tenantId, expected, before, result, {
            outbound: outbound.map((p) => p.trackingNumber),
            returns: returns.map((p) => p.trackingNumber),
          });
    result.expected = { ...expected, parcels: undefined, cases: undefined };
    log(
      `tracking ${kind} ${label} (${shape.batch}/request, ${shape.clients} clients): ${result.events} events in ` +
        `${result.seconds.toFixed(1)} s = ${result.eventsPerSec.toFixed(0)} events/s, p50 ${result.latencyMs[50]} ms, ` +
        `p99 ${result.latencyMs[99]} ms; ${JSON.stringify(result.outcomes)}; ${describeCpu(result.cpu)}` +
        (result.problems.length ? `\n  WRONG: ${result.problems.join('\n  WRONG: ')}` : ', all checked'),
    );
    for (const s of result.samples) log(`  sample ${s.status}: ${s.body}`);
    return result;
  };

  const out = { parcels: settings.parcels, returns: waybills.length, seedS: seeded.seconds };
  out.warmup = await run(c.shapes[0], 'warm-up');
  out.shapes = [];
  for (const shape of c.shapes) {
    const runs = [];
    for (let i = 0; i < settings.runs; i++) runs.push(await run(shape, `run ${i + 1}`));
    const median = [...runs].sort((a, b) => a.eventsPerSec - b.eventsPerSec)[Math.floor(runs.length / 2)];
    out.shapes.push({ ...shape, runs, median: summary(median) });
  }
  return out;
}

const summary = (r) => ({
  eventsPerSec: r.eventsPerSec,
  p50: r.latencyMs[50],
  p99: r.latencyMs[99],
  cpu: r.cpu,
});

// CPU time per event of the server process and of PostgreSQL (in the server with PGlite): less
// sensitive to neighbours than events/s; `ceiling` is what all cores could do at that cost.
function cpuPerEvent(cpu, r) {
  if (!cpu) return null;
  const us = (cores) => Math.round(((cores * r.seconds) / r.events) * 1e6);
  const serverUs = us(cpu.server);
  const postgresUs = us(cpu.postgres);
  return {
    serverUs,
    postgresUs,
    ceilingPerSec: Math.round((cpu.cores * 1e6) / Math.max(1, serverUs + postgresUs)),
    otherCores: cpu.other,
    cores: cpu.cores,
  };
}

const describeCpu = (c) =>
  c
    ? `CPU per event: server ${c.serverUs} µs, postgres ${c.postgresUs} µs (ceiling ${c.ceilingPerSec}/s on ${c.cores} cores), neighbours ${c.otherCores} cores`
    : 'no CPU figures';

/** True when every run (warm-up included) had every request answered 200 and every check passed. */
export function trackingClean(r) {
  return Object.entries(r)
    .filter(([key]) => key !== 'config')
    .every(([, db]) =>
      [db.warmup, ...db.shapes.flatMap((s) => s.runs)].every((x) => x.problems.length === 0),
    );
}

export function printTracking(r) {
  console.log('\nTracking-event ingestion (POST /api/v1/tracking/events; events/s = median run):');
  for (const [kind, db] of Object.entries(r)) {
    if (kind === 'config') continue;
    for (const s of db.shapes) {
      const m = s.median;
      const all = s.runs.map((x) => x.eventsPerSec.toFixed(0)).join(', ');
      const target =
        kind === 'postgres' ? (m.eventsPerSec >= r.config.targetEventsPerSec ? '  PASS' : '  MISS') : '';
      const bad = s.runs.some((x) => x.problems.length > 0) ? '  INVALID (see log)' : '';
      console.log(
        `  ${kind.padEnd(8)} ${String(s.batch).padStart(3)}/request × ${s.clients} clients  ${m.eventsPerSec.toFixed(0).padStart(6)} events/s  ` +
          `p50 ${String(m.p50).padStart(7)} ms  p99 ${String(m.p99).padStart(7)} ms  (runs: ${all})${target}${bad}\n` +
          `           ${describeCpu(m.cpu)}`,
      );
    }
  }
  console.log(
    `  target on PostgreSQL: ≥ ${r.config.targetEventsPerSec} events/s; every answer and final state checked`,
  );
}
