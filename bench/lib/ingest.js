// Inbound message ingestion: how many customer messages per second the server files, by
// HTTP (new conversations; customers writing on their cases) and by SMTP (mail handed to
// the built-in receiver), on PostgreSQL and on PGlite.
import { randomUUID } from 'node:crypto';
import { issueCustomerToken } from '../../packages/server/dist/app/auth/issue-customer-token.js';
import { startEmailChannel } from '../../packages/server/dist/channels/email/start-email.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { inSystem } from '../../packages/server/dist/db/scope.js';
import { buildApp } from '../../packages/server/dist/http/app.js';
import { openServices } from '../../packages/server/dist/services.js';
import { startChildWorker } from './child-worker.js';
import { createBenchDatabase, seed, tempDir } from './setup.js';

const QUICK = process.env.BENCH_QUICK === '1';
export const INGEST_CONFIG = {
  customers: 500,
  warmupS: 2,
  postgres: { connections: 16, durationS: QUICK ? 4 : 10 },
  pglite: { connections: 8, durationS: QUICK ? 4 : 10 },
  mails: QUICK ? 400 : 2000,
  mailWarmup: 100,
  smtpConnections: 8,
};
const INBOX = 'help@bench.example';

/** The load generator of this section in a child process; `ask` sends one request and waits for its result. */
function startWorker() {
  return startChildWorker(new URL('./ingest-worker.js', import.meta.url), 'ingest worker');
}

async function openFor(kind, defer) {
  let databaseUrl;
  if (kind === 'postgres') {
    const database = await createBenchDatabase();
    defer(`drop database ${database.name}`, () => database.drop());
    databaseUrl = database.url;
  }
  const data = await tempDir(`afterdesk-bench-ingest-${kind}-`);
  defer(`remove ${data.dir}`, () => data.remove());
  // smtpPort 0: the receiver takes a free port; jobs are not started (no serve()).
  const config = loadConfig(
    {},
    {
      ...(databaseUrl ? { databaseUrl } : {}),
      dataDir: data.dir,
      logLevel: 'silent',
      seedDemo: false,
      smtpPort: 0,
    },
  );
  const services = await openServices(config);
  defer(`close ${kind} ingest services`, () => services.close());
  return services;
}

export async function benchIngest({ log, defer, kinds }) {
  const out = { config: INGEST_CONFIG };
  for (const kind of kinds) out[kind] = await benchOne(kind, { log, defer });
  return out;
}

async function benchOne(kind, { log, defer }) {
  const c = INGEST_CONFIG;
  const load = c[kind];
  const services = await openFor(kind, defer);
  const seeded = await seed(services, { orders: c.customers, batch: 250, quantity: 1 });
  const customers = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('customers as p')
      .innerJoin('orders as o', 'o.customer_id', 'p.id')
      .select(['p.id', 'p.email', 'o.number'])
      .where('p.tenant_id', '=', seeded.tenantId)
      .execute(),
  );
  await inSystem(services.db, (tx) =>
    tx
      .insertInto('inboxes')
      .values({
        id: randomUUID(),
        tenant_id: seeded.tenantId,
        channel: 'email',
        name: 'Help',
        address: INBOX,
      })
      .execute(),
  );
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  defer(`close ${kind} ingest app`, () => app.close());
  const email = await startEmailChannel(services);
  defer(`close ${kind} smtp receiver`, () => email.close());
  const worker = startWorker();
  defer('stop ingest worker', () => worker.close());
  const url = `http://127.0.0.1:${app.server.address().port}`;
  const out = { connections: load.connections, durationS: load.durationS };

  const run = async (mode, items) => {
    const common = { type: 'http', url, mode, items, connections: load.connections };
    await worker.ask({ ...common, duration: c.warmupS });
    const r = await worker.ask({ ...common, duration: load.durationS });
    log(
      `ingest ${kind} ${mode}: ${r.reqPerSecMean.toFixed(0)} msg/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ` +
        `${r.requestsTotal} requests${r.unexpected ? `, UNEXPECTED ${JSON.stringify(r.statusCounts)}` : ''}`,
    );
    for (const s of r.errorSamples) log(`  sample ${s.status}: ${s.body}`);
    return r;
  };

  out.conversations = await run(
    'conversation',
    customers.map((p) => ({ apiKey: seeded.apiKey, email: p.email })),
  );
  // Customers writing again on the cases just opened, each with their own token.
  const tokens = new Map();
  for (const p of customers) {
    const issued = await issueCustomerToken(services, {
      tenantId: seeded.tenantId,
      orderNumber: p.number,
      email: p.email,
    });
    tokens.set(p.id, issued.token);
  }
  const cases = await inSystem(services.db, (tx) =>
    tx.selectFrom('cases').select(['id', 'customer_id']).where('tenant_id', '=', seeded.tenantId).execute(),
  );
  out.messages = await run(
    'message',
    cases.map((k) => ({ caseId: k.id, token: tokens.get(k.customer_id) })),
  );

  const mail = (i) => ({
    from: customers[i % customers.length].email,
    to: INBOX,
    subject: `Question about my order (${kind} ${i})`,
    text: 'Hello,\n\nmy parcel has not arrived. Could you check where it is?\n\nErika',
    messageId: `<bench-${kind}-${i}-${randomUUID()}@bench.example>`,
  });
  const smtpRun = (from, count) =>
    worker.ask({
      type: 'smtp',
      host: '127.0.0.1',
      port: email.receiver.port,
      concurrency: c.smtpConnections,
      mails: Array.from({ length: count }, (_, i) => mail(from + i)),
    });
  await smtpRun(0, c.mailWarmup);
  out.smtp = await smtpRun(c.mailWarmup, c.mails);
  const filed = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', seeded.tenantId)
      .where('channel', '=', 'email')
      .where('direction', '=', 'inbound')
      .executeTakeFirstOrThrow(),
  );
  out.smtp.filed = Number(filed.n);
  out.smtp.connections = c.smtpConnections;
  log(
    `ingest ${kind} smtp: ${out.smtp.sent} mails in ${out.smtp.seconds.toFixed(1)} s = ${out.smtp.perSec.toFixed(0)} msg/s, ` +
      `p50 ${out.smtp.latencyMs[50]} ms, p99 ${out.smtp.latencyMs[99]} ms, failed ${out.smtp.failed}, ` +
      `filed ${out.smtp.filed} of ${c.mailWarmup + c.mails} (warm-up included)`,
  );
  for (const s of out.smtp.failureSamples) log(`  sample failure: ${s}`);
  return out;
}

/** True when every request had the expected answer and every mail was accepted and filed. */
export function ingestClean(r) {
  return Object.entries(r)
    .filter(([key]) => key !== 'config')
    .every(
      ([, db]) =>
        db.conversations.unexpected === 0 &&
        db.messages.unexpected === 0 &&
        db.smtp.failed === 0 &&
        db.smtp.filed === r.config.mailWarmup + r.config.mails,
    );
}

/** The closing lines of the report. */
export function printIngest(r) {
  console.log('\nInbound message ingestion (messages/s, client-side latency):');
  for (const [kind, db] of Object.entries(r)) {
    if (kind === 'config') continue;
    const row = (label, x, connections) =>
      `  ${kind.padEnd(8)} ${label.padEnd(34)} ${x.perSec.toFixed(0).padStart(6)} msg/s  p50 ${String(x.p50).padStart(5)} ms  p99 ${String(x.p99).padStart(5)} ms  (${connections} connections)`;
    console.log(
      row(
        'HTTP POST /conversations',
        { perSec: db.conversations.reqPerSecMean, ...db.conversations.latencyMs },
        db.connections,
      ),
    );
    console.log(
      row(
        'HTTP POST /cases/:id/messages',
        { perSec: db.messages.reqPerSecMean, ...db.messages.latencyMs },
        db.connections,
      ),
    );
    console.log(
      row(
        'SMTP (nodemailer pool) → receiver',
        { perSec: db.smtp.perSec, p50: db.smtp.latencyMs[50], p99: db.smtp.latencyMs[99] },
        db.smtp.connections,
      ),
    );
  }
}
