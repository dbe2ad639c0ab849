// node bench/trace.js — prints every SQL statement of one case creation via the HTTP API
// (PostgreSQL), with its round-trip time, then of one case read. A profiling aid.
import { buildApp } from '../packages/server/dist/http/app.js';
import { createBenchDatabase, open, seed, tempDir } from './lib/setup.js';
import { traceCaseCreation, traceStatements } from './lib/trace.js';

const database = await createBenchDatabase();
const files = await tempDir('afterdesk-trace-');
let services;
try {
  services = await open({ databaseUrl: database.url, dataDir: files.dir });
  const seeded = await seed(services, { orders: 20, quantity: 20 });
  const app = await buildApp(services);
  await app.ready();
  // The first request pays for the API-key lookup and JIT warm-up; trace a later one.
  for (let i = 0; i < 5; i++) await traceCaseCreation(app, seeded.apiKey, seeded.slots[i]);
  const traced = await traceCaseCreation(app, seeded.apiKey, seeded.slots[10]);
  console.log(
    `POST /api/v1/cases → ${traced.status}; ${traced.statements.length} statements; ${traced.totalMs.toFixed(2)} ms total`,
  );
  let sum = 0;
  for (const [i, s] of traced.statements.entries()) {
    sum += s.ms;
    console.log(
      `${String(i + 1).padStart(2)}. ${s.ms.toFixed(2).padStart(6)} ms  [${s.params} params]  ${s.sql.replace(/\s+/g, ' ').slice(0, process.env.TRACE_FULL ? 100_000 : 160)}`,
    );
  }
  console.log(`SQL round trips: ${sum.toFixed(2)} ms of ${traced.totalMs.toFixed(2)} ms`);
  const read = await traceStatements(() =>
    app.inject({
      method: 'GET',
      url: `/api/v1/cases/${traced.body.id}`,
      headers: { authorization: `Bearer ${seeded.apiKey}` },
    }),
  );
  console.log(
    `GET /api/v1/cases/:id → ${read.value.statusCode}; ${read.statements.length} statements; ${read.totalMs.toFixed(2)} ms`,
  );
  for (const s of read.statements)
    console.log(`    ${s.ms.toFixed(2).padStart(6)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (process.env.TRACE_BODY) console.log(JSON.stringify(traced.body, null, 2));
  await app.close();
} finally {
  await services?.close().catch(() => {});
  await database.drop();
  await files.remove();
}
