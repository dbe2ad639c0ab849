import { randomBytes } from 'node:crypto';
import type { OrderInput } from '@afterdesk/contract';
import pino from 'pino';
import type { Principal, Services } from '../app/context.js';
import { createTenant } from '../app/tenants/create-tenant.js';
import { triageModelSource } from '../app/triage/triage-models.js';
import { loadConfig } from '../config.js';
import { connectDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { MemoryStorage } from '../files/index.js';
import { buildApp } from '../http/app.js';
import { inProcessBus } from '../live/live-bus.js';

/**
 * The database every integration test runs on: PostgreSQL when
 * AFTERDESK_TEST_DATABASE_URL is set (CI does), else an in-memory PGlite. The same
 * tests, unchanged, are the shared contract suite of both.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.AFTERDESK_TEST_DATABASE_URL;
  const handle = await connectDatabase(url ? { databaseUrl: url, poolSize: 8 } : { dataDir: 'memory://' });
  await migrate(handle);
  return handle;
}

export const testDatabaseKind = () => (process.env.AFTERDESK_TEST_DATABASE_URL ? 'postgres' : 'pglite');

export interface TestClock {
  now: Date;
}

export function testServices(handle: DatabaseHandle, clock: TestClock = { now: new Date() }): Services {
  return {
    db: handle.db,
    files: new MemoryStorage(),
    config: loadConfig({}, { logLevel: 'silent', dataDir: 'memory://' }),
    log: pino({ level: 'silent' }),
    clock: () => clock.now,
    randomBytes: (size) => randomBytes(size),
    live: inProcessBus(),
    triage: triageModelSource(),
  };
}

/** A fresh tenant (random id) so tests never see each other's rows, even on one database. */
export async function newTenant(services: Services, name = 'Test Shop') {
  const created = await createTenant(services, {
    name,
    stores: [
      {
        code: 'eu',
        name: 'EU store',
        country: 'DE',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        languages: ['de', 'en'],
      },
      {
        code: 'cn',
        name: 'CN store',
        country: 'CN',
        currency: 'CNY',
        timeZone: 'Asia/Shanghai',
        languages: ['zh-CN'],
      },
    ],
  });
  const principal: Principal = { kind: 'integration', tenantId: created.tenantId, apiKeyId: 'test' };
  return { ...created, ctx: { ...services, principal } };
}

/** The real HTTP server on an ephemeral port. */
export async function startTestServer(services: Services) {
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** fetch with JSON in and out, for readable tests. */
export function client(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, body: json, headers: response.headers };
  };
}

/**
 * The whole stack for an HTTP test: a database, services on a test clock, one tenant,
 * the server and a client holding the tenant's API key. `close` undoes it all.
 */
export async function startTestApp(options: { now?: Date; adapt?: (services: Services) => Services } = {}) {
  const handle = await openTestDatabase();
  const base = testServices(handle, { now: options.now ?? new Date() });
  const services = options.adapt ? options.adapt(base) : base;
  const tenant = await newTenant(services);
  const server = await startTestServer(services);
  return {
    handle,
    services,
    tenant,
    server,
    api: client(server.url, tenant.apiKey),
    close: async () => {
      await server.close();
      await handle.db.destroy();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Upserts one order over the API and returns it as GET /orders/:id shows it (lines with ids). */
export async function importOrder(api: ReturnType<typeof client>, input: OrderInput) {
  const batch = await api('POST', '/api/v1/orders/batch', { orders: [input] });
  if (batch.status !== 200) throw new Error(`order import failed: ${JSON.stringify(batch.body)}`);
  return (await api('GET', `/api/v1/orders/${batch.body.orders[0].id}`)).body;
}
