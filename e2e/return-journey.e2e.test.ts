import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, type RunningAfterdesk, root, startAfterdesk } from './afterdesk-server.js';

const run = promisify(execFile);

describe('a merchant installs Afterdesk and refunds a no-reason return', () => {
  let server: RunningAfterdesk;
  let dir: string;
  const api = (method: string, path: string, body?: unknown) => apiOf(server)(method, path, body);

  beforeAll(async () => {
    server = await startAfterdesk();
    dir = server.dir;
  });

  afterAll(async () => {
    await server?.stop();
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
