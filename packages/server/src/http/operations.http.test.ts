import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../app/context.js';
import { createUser } from '../app/tenants/create-user.js';
import { createLogger } from '../services.js';
import { sampleOrder } from '../testing/fixtures.test-helpers.js';
import { client, startTestApp, type TestApp, testDatabaseKind } from '../testing/harness.test-helpers.js';

// The log lines are checked as the server really writes them: `createLogger` from
// services.ts, unchanged, with only its destination swapped for an array in memory.
const logged = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('pino', async (importOriginal) => {
  const real = (await importOriginal<typeof import('pino')>()).default;
  const memory = { write: (line: string) => logged.lines.push(line) };
  const pino = Object.assign((options?: object) => real(options ?? {}, memory), real);
  return { default: pino };
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe(`operating the server (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let server: TestApp['server'];
  let tenant: TestApp['tenant'];
  let api: TestApp['api'];
  let services: Services;
  const now = new Date();

  beforeAll(async () => {
    app = await startTestApp({ now, adapt: (s) => ({ ...s, log: createLogger({ logLevel: 'info' }) }) });
    ({ services, tenant, server, api } = app);
  });
  afterAll(() => app?.close());

  it('answers /healthz and /readyz with 200 and no credentials', async () => {
    const health = await client(server.url)('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await client(server.url)('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('counts requests per route pattern in /metrics, never per id', async () => {
    const batch = await api('POST', '/api/v1/orders/batch', { orders: [sampleOrder(now)] });
    const orderId = batch.body.orders[0].id;
    await api('GET', `/api/v1/orders/${orderId}`);
    await api('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000');
    await api('GET', `/no/such/route/${orderId}`);

    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const counts = text.split('\n').filter((line) => line.startsWith('afterdesk_http_requests_total{'));
    expect(counts).toEqual(
      expect.arrayContaining([
        'afterdesk_http_requests_total{method="GET",route="/api/v1/orders/:orderId",status="200"} 1',
        'afterdesk_http_requests_total{method="GET",route="/api/v1/cases/:caseId",status="404"} 1',
      ]),
    );
    expect(counts.every((line) => /route="[^"]+"/.test(line))).toBe(true);
    expect(text).toMatch(/afterdesk_http_request_duration_seconds_bucket\{/);
    expect(text).not.toMatch(UUID);
  });

  it('serves its OpenAPI 3.1 document and the documentation page', async () => {
    const doc = await client(server.url)('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\.1\./);
    expect(doc.body.info.title).toBe('Afterdesk API');
    expect(Object.keys(doc.body.paths).length).toBeGreaterThan(10);
    expect(Object.keys(doc.body.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
    const docs = await fetch(`${server.url}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await docs.text()).toMatch(/<html[\s\S]*swagger/i);
  });

  it('writes no e-mail address, password, API key or session token into its log', async () => {
    const tag = tenant.tenantId.slice(0, 8);
    const shopper = `someone-${tag}@example.com`;
    const agent = `agent-${tag}@example.com`;
    const password = `Secret-Passw0rd-${tag}`;
    await createUser(services, {
      tenantId: tenant.tenantId,
      email: agent,
      name: 'Agent',
      role: 'agent',
      password,
    });
    await api('POST', '/api/v1/orders/batch', { orders: [sampleOrder(now, { email: shopper })] });
    logged.lines.length = 0;

    const found = await api('GET', `/api/v1/orders?email=${shopper}`);
    expect(found.body.items).toHaveLength(1);
    await api('GET', `/api/v1/orders?email=${encodeURIComponent(shopper)}&limit=5`);
    const login = await client(server.url)('POST', '/api/v1/auth/login', { email: agent, password });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const sessionToken = cookie.split('=')[1] as string;
    expect(sessionToken).toMatch(/^ses_/);
    await client(server.url)('GET', '/api/v1/auth/me', undefined, { cookie });
    await client(server.url)('POST', '/api/v1/auth/login', { email: agent, password: `${password}-wrong` });
    await client(server.url)('POST', '/api/v1/auth/customer-token', {
      tenantId: tenant.tenantId,
      orderNumber: '#nothing',
      email: shopper,
    });

    const log = logged.lines.join('');
    // The requests were logged, so finding nothing below means something.
    expect(log).toContain('/api/v1/orders?email=***');
    expect(log).toContain('/api/v1/auth/login');
    for (const secret of [
      shopper,
      encodeURIComponent(shopper),
      agent,
      password,
      tenant.apiKey,
      sessionToken,
    ]) {
      expect(log, `the log contains ${secret}`).not.toContain(secret);
    }
  });
});
