import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `npm start` and resolves with what its banner printed. */
function startAfterdesk(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string; apiKey: string; output: () => string }> {
  const child = spawn('npm', ['start'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no banner in time:\n${output}`)),
      200_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Afterdesk is running at (\S+)/.exec(output)?.[1];
      const apiKey = /API key:\s+(afd_\S+)/.exec(output)?.[1];
      if (url && apiKey && output.includes('Customer:')) {
        clearTimeout(timer);
        resolve({ child, url, apiKey, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

describe('a merchant installs Afterdesk and refunds a no-reason return', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startAfterdesk>>;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${server.apiKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'afterdesk-e2e-'));
    const port = await freePort();
    server = await startAfterdesk({
      ...process.env,
      AFTERDESK_DATA_DIR: join(dir, 'data'),
      AFTERDESK_PORT: String(port),
      CI: 'true',
    });
  });

  afterAll(async () => {
    if (server?.child.pid) {
      try {
        process.kill(-server.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the URL, the demo logins and an API key, and serves the docs', async () => {
    expect(server.output()).toMatch(/agent@demo\.afterdesk\.dev \/ \S+/);
    const docs = await fetch(`${server.url}/openapi.json`);
    expect(((await docs.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('imports orders from a CSV, files a return the policy approves, and follows it to the refund', async () => {
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    await writeFile(
      join(dir, 'orders.csv'),
      [
        'order_id,number,email,placed,delivered,sku,title,category,qty,price',
        `E2E-1,E2E-1001,jo@example.com,${at(6)},${at(2)},MUG-BLUE,Blue mug,home_kitchen,2,12.50`,
        `E2E-1,E2E-1001,jo@example.com,${at(6)},${at(2)},TEA-50,Green tea 50 bags,grocery,1,7.99`,
        `E2E-2,E2E-1002,max@example.com,${at(20)},${at(15)},LAMP-1,Desk lamp,home_lighting,1,39.00`,
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'mapping.json'),
      JSON.stringify({
        order: {
          key: { column: 'order_id' },
          number: { column: 'number' },
          placedAt: { column: 'placed' },
          currency: { value: 'EUR' },
        },
        customer: { email: { column: 'email' } },
        line: {
          sku: { column: 'sku' },
          title: { column: 'title' },
          category: { column: 'category' },
          quantity: { column: 'qty' },
          unitPrice: { column: 'price' },
        },
        shipment: { carrier: { value: 'DHL' }, deliveredAt: { column: 'delivered' } },
      }),
    );
    const imported = await run(
      'node',
      [
        'packages/server/bin/afterdesk.js',
        'import',
        'orders',
        join(dir, 'orders.csv'),
        '--mapping',
        join(dir, 'mapping.json'),
        '--store',
        'eu',
        '--api-url',
        server.url,
        '--api-key',
        server.apiKey,
      ],
      { cwd: root },
    );
    expect(imported.stdout).toContain('imported 2 orders, 3 lines');
    expect(imported.stdout).toContain('stored: 2 orders (2 new, 0 updated)');

    const found = await api('GET', '/api/v1/orders?number=E2E-1001');
    expect(found.body.items).toHaveLength(1);
    const order = (await api('GET', `/api/v1/orders/${found.body.items[0].id}`)).body;
    expect(order.totalMinor).toBe(2 * 1250 + 799);
    const mug = order.lines.find((l: any) => l.sku === 'MUG-BLUE');

    const filed = await api('POST', '/api/v1/cases', {
      kind: 'return',
      orderId: order.id,
      items: [
        {
          orderLineId: mug.id,
          quantity: 1,
          reasonCode: 'no_reason',
          conditions: ['unused', 'original_packaging', 'accessories_complete', 'resalable'],
        },
      ],
    });
    expect(filed.status).toBe(201);
    expect(filed.body.decision.outcome).toBe('approve');
    expect(filed.body.status).toBe('awaiting_return');
    expect(filed.body.returnCode).toBeTruthy();

    const id = filed.body.id;
    for (const action of ['receive', 'pass-inspection', 'refund']) {
      const r = await api('POST', `/api/v1/cases/${id}/actions/${action}`, {});
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const final = (await api('GET', `/api/v1/cases/${id}`)).body;
    expect(final.status).toBe('refunded');
    expect(final.refunds).toHaveLength(1);
    expect(final.refunds[0].amountMinor).toBe(final.refundableMinor);
    // The customer's notices (message.sent) land whenever the background job runs: left out.
    const steps = final.timeline.map((e: any) => e.type).filter((t: string) => !t.startsWith('message.'));
    expect(steps).toEqual([
      'case.submitted',
      'case.decided',
      'case.approved',
      'case.label_issued',
      'case.received',
      'case.inspection_passed',
      'case.refunded',
      'refund.requested',
    ]);
    // The CSV carries no payments: the money goes back by hand, and the agent records it.
    expect(final.refunds[0]).toMatchObject({ provider: 'manual', status: 'awaiting_transfer' });
    const paid = await api('POST', `/api/v1/refunds/${final.refunds[0].id}/transfer`, {
      reference: 'SEPA-E2E-1',
    });
    expect(paid.body).toMatchObject({ status: 'succeeded', reference: 'SEPA-E2E-1' });
  });
});
