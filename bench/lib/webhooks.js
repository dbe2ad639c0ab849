// Outbound webhook delivery: a burst of case events goes through the outbox, the fan-out job
// and the delivery job — run by the server's own scheduler, as `serve` runs them — to a local
// receiver in another process; measured from each event's commit to its receipt, and checked
// for order per case and exactly one receipt per delivery.
import { randomUUID } from 'node:crypto';
import { createTenant } from '../../packages/server/dist/app/tenants/create-tenant.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { appendEvents } from '../../packages/server/dist/db/repositories/events.repository.js';
import { inSystem, inTenant } from '../../packages/server/dist/db/scope.js';
import { buildApp } from '../../packages/server/dist/http/app.js';
import { startJobs } from '../../packages/server/dist/jobs/scheduler.js';
import { deliverWebhooks } from '../../packages/server/dist/jobs/webhook-delivery.job.js';
import { fanOutWebhooks } from '../../packages/server/dist/jobs/webhook-fan-out.job.js';
import { openServices } from '../../packages/server/dist/services.js';
import { startChildWorker } from './child-worker.js';
import { cpuMeter } from './cpu.js';
import { startProfile } from './profile.js';
import { createBenchDatabase, tempDir } from './setup.js';
import { percentiles } from './stats.js';

const QUICK = process.env.BENCH_QUICK === '1';
const PROFILE = process.env.BENCH_PROFILE === '1';
export const WEBHOOKS_CONFIG = {
  events: QUICK ? 2000 : 10_000,
  cases: QUICK ? 200 : 1000,
  // Use cases log a few events per transaction; four writers side by side.
  eventsPerTransaction: 10,
  writers: 4,
  // Three take every case event, one only approvals: ~3.1 deliveries per event.
  subscriptions: [['case.*'], ['case.*'], ['*'], ['case.approved']],
  // The scheduler's pause between runs (AFTERDESK_JOB_INTERVAL_MS; the server's default is 5 s).
  jobIntervalMs: 100,
  timeoutS: QUICK ? 120 : 600,
};
// A case's life as its events: one approval in ten.
const TYPES = [
  'case.created',
  'case.message_added',
  'case.assigned',
  'case.approved',
  'case.label_issued',
  'case.message_added',
  'case.shipped',
  'case.received',
  'case.refunded',
  'case.closed',
];

function startReceiver() {
  return startChildWorker(new URL('./webhook-receiver-worker.js', import.meta.url), 'webhook receiver');
}

const matches = (patterns, type) =>
  patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));

/** Logs the burst: `events` case events over `cases` cases, `writers` transactions at a time. */
async function logBurst(services, tenantId, c) {
  const cases = Array.from({ length: c.cases }, () => randomUUID());
  const committedAt = new Float64Array(c.events);
  let next = 0;
  const writer = async () => {
    for (let from = next; from < c.events; from = next) {
      next += c.eventsPerTransaction;
      const seqs = Array.from(
        { length: Math.min(c.eventsPerTransaction, c.events - from) },
        (_, i) => from + i,
      );
      await inTenant(services.db, tenantId, (tx) =>
        appendEvents(
          tx,
          seqs.map((seq) => ({
            tenant_id: tenantId,
            stream: 'case',
            stream_id: cases[seq % c.cases],
            type: TYPES[Math.floor(seq / c.cases) % TYPES.length],
            actor_type: 'system',
            actor_id: null,
            reason: null,
            data: { seq, note: 'bench' },
          })),
        ),
      );
      const at = Date.now();
      for (const seq of seqs) committedAt[seq] = at;
    }
  };
  await Promise.all(Array.from({ length: c.writers }, writer));
  return committedAt;
}

export async function benchWebhooks({ log, defer, kinds }) {
  const out = { config: WEBHOOKS_CONFIG };
  for (const kind of kinds) out[kind] = await benchOne(kind, { log, defer });
  return out;
}

async function benchOne(kind, { log, defer }) {
  const c = WEBHOOKS_CONFIG;
  let databaseUrl;
  let databaseName;
  if (kind === 'postgres') {
    const database = await createBenchDatabase();
    defer(`drop database ${database.name}`, () => database.drop());
    databaseUrl = database.url;
    databaseName = database.name;
  }
  const data = await tempDir(`afterdesk-bench-webhooks-${kind}-`);
  defer(`remove ${data.dir}`, () => data.remove());
  const config = loadConfig(
    {},
    {
      ...(databaseUrl ? { databaseUrl } : {}),
      dataDir: data.dir,
      logLevel: 'silent',
      seedDemo: false,
      webhooksAllowPrivate: true,
    },
  );
  const services = await openServices(config);
  defer(`close ${kind} webhook services`, () => services.close());
  const { tenantId, apiKey } = await createTenant(services, { name: 'Bench Webhooks GmbH' });
  const app = await buildApp(services);
  defer(`close ${kind} webhook app`, () => app.close());
  const receiver = startReceiver();
  defer('stop webhook receiver', () => receiver.close());
  const { port } = await receiver.ask({ type: 'start' });
  const secrets = {};
  const subscriptions = [];
  for (const [i, eventTypes] of c.subscriptions.entries()) {
    const path = `/hook-${i}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/subscriptions',
      headers: { authorization: `Bearer ${apiKey}` },
      payload: { url: `http://127.0.0.1:${port}${path}`, eventTypes },
    });
    if (created.statusCode !== 201)
      throw new Error(`subscribing answered ${created.statusCode}: ${created.body}`);
    secrets[path] = created.json().secret;
    subscriptions.push({ path, eventTypes });
  }
  await receiver.ask({ type: 'secrets', secrets });
  // Every event the subscriptions take, by (path, seq): what must arrive, once each.
  const expected = new Set();
  for (let seq = 0; seq < c.events; seq++) {
    const type = TYPES[Math.floor(seq / c.cases) % TYPES.length];
    for (const s of subscriptions) if (matches(s.eventTypes, type)) expected.add(`${s.path}|${seq}`);
  }

  // The subscriptions' own events (webhook.subscribed, which '*' takes) go out before the burst.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  while ((await fanOutWebhooks(services)).read > 0);
  await deliverWebhooks(services);
  await receiver.ask({ type: 'reset' });

  const jobs = startJobs(services, [
    { name: 'webhook-fan-out', everyMs: c.jobIntervalMs, run: () => fanOutWebhooks(services) },
    { name: 'webhook-delivery', everyMs: c.jobIntervalMs, run: () => deliverWebhooks(services) },
  ]);
  defer('stop webhook jobs', () => jobs.stop());
  const profiler = PROFILE ? await startProfile(`${kind}-webhooks`) : null;
  const meter = cpuMeter(databaseName);
  const started = Date.now();
  const committedAt = await logBurst(services, tenantId, c);
  const burstS = (Date.now() - started) / 1000;
  log(`webhooks ${kind}: logged ${c.events} events over ${c.cases} cases in ${burstS.toFixed(1)} s`);
  const deadline = started + c.timeoutS * 1000;
  while (Date.now() < deadline && (await receiver.ask({ type: 'count' })) < expected.size)
    await new Promise((resolve) => setTimeout(resolve, 200));
  const cpu = meter.stop();
  const busyS = (Date.now() - started) / 1000;
  // A little longer: a delivery sent twice would show up now.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await jobs.stop();
  const profile = profiler ? await profiler.stop() : undefined;
  const report = await receiver.ask({ type: 'report' });
  const states = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('webhook_deliveries')
      .select(['state', (eb) => eb.fn.countAll().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('event_type', 'like', 'case.%')
      .groupBy('state')
      .execute(),
  );
  const result = summarize(report, expected, committedAt, started);
  result.burstS = burstS;
  result.deliveryStates = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
  if ((result.deliveryStates.sent ?? 0) !== expected.size)
    result.problems.push(
      `deliveries recorded sent: ${JSON.stringify(result.deliveryStates)}, expected ${expected.size}`,
    );
  if (profile) result.profile = profile;
  // CPU per delivery, the burst's logging included; the receiver counts as the load.
  const us = (cores) => Math.round(((cores * busyS) / expected.size) * 1e6);
  result.cpu = cpu && {
    serverUs: us(cpu.server),
    postgresUs: us(cpu.postgres),
    receiverUs: us(cpu.load),
    otherCores: cpu.other,
    cores: cpu.cores,
  };
  log(
    `webhooks ${kind}: ${result.received} receipts of ${expected.size} deliveries; ${result.deliveriesPerSec.toFixed(0)} deliveries/s ` +
      `(first to last receipt), all delivered ${result.drainS.toFixed(1)} s after the burst began; ` +
      `commit → receipt p50 ${result.latencyMs[50]} ms, p99 ${result.latencyMs[99]} ms; ${describeCpu(result.cpu)}` +
      (result.problems.length
        ? `\n  WRONG: ${result.problems.join('\n  WRONG: ')}`
        : '; order, once-only and signatures checked'),
  );
  return result;
}

const describeCpu = (c) =>
  c
    ? `CPU per delivery: server ${c.serverUs} µs, postgres ${c.postgresUs} µs, receiver ${c.receiverUs} µs; neighbours ${c.otherCores} cores`
    : 'no CPU figures';

/** Figures and checks from the receiver's log. */
function summarize(report, expected, committedAt, started) {
  const problems = [];
  const ids = new Set();
  const got = new Set();
  const lastOfCase = new Map();
  const latencies = [];
  let duplicates = 0;
  let outOfOrder = 0;
  let unexpected = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const [id, path, streamId, eventId, seq, at] of report.receipts) {
    if (ids.has(id)) {
      duplicates += 1;
      continue;
    }
    ids.add(id);
    const key = `${path}|${seq}`;
    if (!expected.has(key) || got.has(key)) unexpected += 1;
    got.add(key);
    const caseKey = `${path}|${streamId}`;
    if ((lastOfCase.get(caseKey) ?? -1) >= eventId) outOfOrder += 1;
    lastOfCase.set(caseKey, eventId);
    if (seq !== null) latencies.push(at - committedAt[seq]);
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  if (duplicates > 0) problems.push(`${duplicates} deliveries received more than once`);
  if (outOfOrder > 0) problems.push(`${outOfOrder} deliveries arrived before an earlier event of their case`);
  if (unexpected > 0) problems.push(`${unexpected} receipts no subscription should have had`);
  if (got.size !== expected.size) problems.push(`${expected.size - got.size} deliveries never arrived`);
  if (report.badSignatures > 0)
    problems.push(`${report.badSignatures} of ${report.checked} signatures did not verify`);
  if (report.malformed > 0) problems.push(`${report.malformed} requests were not JSON`);
  return {
    expected: expected.size,
    received: report.receipts.length,
    duplicates,
    outOfOrder,
    signaturesChecked: report.checked,
    deliveriesPerSec: ids.size / Math.max(0.001, (last - first) / 1000),
    drainS: (last - started) / 1000,
    latencyMs: percentiles(latencies, [50, 99, 100]),
    problems,
  };
}

export function webhooksClean(r) {
  return Object.entries(r)
    .filter(([key]) => key !== 'config')
    .every(([, db]) => db.problems.length === 0);
}

export function printWebhooks(r) {
  const c = r.config;
  console.log(
    `\nWebhook delivery (${c.events} events over ${c.cases} cases, ${c.subscriptions.length} subscriptions, ` +
      `jobs every ${c.jobIntervalMs} ms; latency = event commit → receipt, includes the fan-out's 2 s settle):`,
  );
  for (const [kind, db] of Object.entries(r)) {
    if (kind === 'config') continue;
    console.log(
      `  ${kind.padEnd(8)} ${db.deliveriesPerSec.toFixed(0).padStart(6)} deliveries/s  p50 ${String(db.latencyMs[50]).padStart(7)} ms  ` +
        `p99 ${String(db.latencyMs[99]).padStart(7)} ms  all ${db.expected} delivered after ${db.drainS.toFixed(1)} s` +
        `  duplicates ${db.duplicates}, out of order ${db.outOfOrder}${db.problems.length ? '  INVALID' : ''}\n` +
        `           ${describeCpu(db.cpu)}`,
    );
  }
}
