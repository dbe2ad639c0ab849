import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOrders as importOrders } from '../../app/orders/upsert-orders.js';
import { sampleOrder } from '../../testing/fixtures.test-helpers.js';
import {
  newTenant,
  openTestDatabase,
  testDatabaseKind,
  testServices,
} from '../../testing/harness.test-helpers.js';
import type { DatabaseHandle } from '../connect.js';
import { inTenant } from '../scope.js';
import { findCase, insertNewCase, listCases, moveCase } from './cases.repository.js';
import { appendEvents, streamEvents } from './events.repository.js';
import { findOrder, searchOrders, upsertCustomers } from './orders.repository.js';
import { currentPolicy, insertPolicy } from './policies.repository.js';

// One contract for the repositories, run on whichever database the suite targets:
// PGlite by default, PostgreSQL in CI (AFTERDESK_TEST_DATABASE_URL).
describe(`repositories (${testDatabaseKind()})`, () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof newTenant>>;
  let order: NonNullable<Awaited<ReturnType<typeof findOrder>>>;
  const run = <T>(work: Parameters<typeof inTenant<T>>[2]) => inTenant(handle.db, tenant.tenantId, work);

  beforeAll(async () => {
    handle = await openTestDatabase();
    tenant = await newTenant(testServices(handle));
    const stored = await importOrders(tenant.ctx, [sampleOrder(new Date(), { email: 'Repo@Example.com' })]);
    order = (await run((tx) => findOrder(tx, stored.orders[0]?.id as string))) as typeof order;
  });
  afterAll(() => handle.db.destroy());

  function newCase(status = 'submitted'): Promise<string> {
    const id = randomUUID();
    const tenant_id = tenant.tenantId;
    return run((tx) =>
      insertNewCase(tx, {
        row: {
          id,
          tenant_id,
          kind: 'return',
          category: 'after_sales',
          status,
          customer_id: order.customer_id,
          order_id: order.id,
          store_id: order.store_id,
          language: 'en',
          channel: 'web',
          created_by_type: 'agent',
          refundable_minor: 100,
          currency: 'EUR',
        },
        items: [
          {
            id: randomUUID(),
            tenant_id,
            case_id: id,
            order_line_id: order.lines[0]?.id as string,
            sku: 'SHOE-42-BLK',
            quantity: 1,
            reason_code: 'no_reason',
            conditions: [],
          },
        ],
        decision: {
          id: randomUUID(),
          tenant_id,
          case_id: id,
          policy_version: 1,
          outcome: 'review',
          result: '{}',
        },
        shipment:
          status === 'submitted'
            ? null
            : { id: randomUUID(), tenant_id, case_id: id, carrier: 'self_ship', waybill_number: `W${id}` },
        events: [
          {
            tenant_id,
            stream: 'case',
            stream_id: id,
            type: 'case.submitted',
            actor_type: 'agent',
            actor_id: null,
            reason: null,
            data: {},
          },
        ],
      }).then(() => id),
    );
  }

  it('upserts a customer once per external id and keeps known fields when a later import omits them', async () => {
    const first = await run((tx) =>
      upsertCustomers(tx, tenant.tenantId, [
        {
          id: randomUUID(),
          externalId: 'c-1',
          email: 'a@example.com',
          phone: null,
          name: 'A',
          language: 'en',
          country: 'DE',
        },
      ]),
    );
    const again = await run((tx) =>
      upsertCustomers(tx, tenant.tenantId, [
        {
          id: randomUUID(),
          externalId: 'c-1',
          email: null,
          phone: '+49 30 1234567',
          name: null,
          language: null,
          country: null,
        },
      ]),
    );
    expect(again.get('c-1')).toBe(first.get('c-1'));
    const row = await run((tx) =>
      tx.selectFrom('customers').selectAll().where('external_id', '=', 'c-1').executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ email: 'a@example.com', phone: '+49 30 1234567', name: 'A' });
  });

  it('writes a new case with its items, decision, shipment and events in one statement', async () => {
    const id = await newCase('awaiting_return');
    const counts = await run(async (tx) => ({
      items: (await tx.selectFrom('case_items').select('id').where('case_id', '=', id).execute()).length,
      decisions: (await tx.selectFrom('decisions').select('id').where('case_id', '=', id).execute()).length,
      shipments: (await tx.selectFrom('return_shipments').select('id').where('case_id', '=', id).execute())
        .length,
      events: (await streamEvents(tx, id)).length,
    }));
    expect(counts).toEqual({ items: 1, decisions: 1, shipments: 1, events: 1 });
  });

  it('loads an order with its store zone, customer flags, policy version and lines in position order', () => {
    expect(order.policy_version).toBe(1);
    expect(order.time_zone).toBe('Europe/Berlin');
    expect(order.customer_blocked).toBe(false);
    expect(order.lines.map((l) => l.sku)).toEqual(['SHOE-42-BLK', 'SOCK-3P']);
    expect(order.total_minor).toBe(2 * 5999 - 1000 + 1299 + 499);
  });

  it('finds orders by number and by e-mail, whatever its case', async () => {
    expect(await run((tx) => searchOrders(tx, { number: order.number, limit: 5 }))).toHaveLength(1);
    expect(await run((tx) => searchOrders(tx, { email: 'REPO@example.COM', limit: 5 }))).toHaveLength(1);
  });

  it('counts claimed quantities of live and finished cases, not of cancelled or rejected ones', async () => {
    const claimed = async () => (await run((tx) => findOrder(tx, order.id)))?.lines.map((l) => l.claimed);
    const before = (await claimed()) ?? [];
    await newCase('submitted');
    await newCase('closed');
    await newCase('cancelled');
    await newCase('rejected');
    expect(await claimed()).toEqual([(before[0] ?? 0) + 2, before[1]]);
  });

  it('moves a case, with its event, only at the version it was read at', async () => {
    const id = await newCase();
    const event = (type: string) => ({
      tenant_id: tenant.tenantId,
      stream: 'case',
      stream_id: id,
      type,
      actor_type: 'agent',
      actor_id: null,
      reason: null,
      data: {},
    });
    expect(
      await run((tx) =>
        moveCase(tx, id, 1, { status: 'under_review', version: 2 }, event('case.review_started')),
      ),
    ).toBe(true);
    expect(
      await run((tx) => moveCase(tx, id, 1, { status: 'approved', version: 2 }, event('case.approved'))),
    ).toBe(false);
    expect((await run((tx) => findCase(tx, id)))?.status).toBe('under_review');
    // The stale move left no event behind.
    expect((await run((tx) => streamEvents(tx, id))).map((e) => e.type)).toEqual([
      'case.submitted',
      'case.review_started',
    ]);
  });

  it('pages cases newest first without repeating or skipping one', async () => {
    const all = await run((tx) => listCases(tx, { limit: 100 }));
    const seen: string[] = [];
    let after: { createdAt: string; id: string } | undefined;
    for (;;) {
      const page = await run((tx) => listCases(tx, { limit: 2, after }));
      if (page.length === 0) break;
      seen.push(...page.map((c) => c.id));
      const last = page.at(-1) as (typeof page)[number];
      after = { createdAt: last.created_at.toISOString(), id: last.id };
    }
    expect(seen).toEqual(all.map((c) => c.id));
    expect(await run((tx) => listCases(tx, { limit: 100, statuses: ['closed'] }))).toHaveLength(1);
    expect(
      await run((tx) => listCases(tx, { limit: 100, sku: 'SHOE-42-BLK', reason: 'no_reason' })),
    ).toHaveLength(all.length);
  });

  it('keeps events in the order they were appended', async () => {
    const streamId = randomUUID();
    const event = (type: string) => ({
      tenant_id: tenant.tenantId,
      stream: 'case',
      stream_id: streamId,
      type,
      actor_type: 'system',
      actor_id: null,
      reason: null,
      data: { n: type },
    });
    await run((tx) => appendEvents(tx, [event('a'), event('b')]));
    await run((tx) => appendEvents(tx, [event('c')]));
    expect((await run((tx) => streamEvents(tx, streamId))).map((e) => e.type)).toEqual(['a', 'b', 'c']);
  });

  it('serves the newest policy version', async () => {
    expect((await run((tx) => currentPolicy(tx)))?.version).toBe(1);
    await run((tx) => insertPolicy(tx, tenant.tenantId, 2, { returnWindowDays: 14 }, 'test'));
    expect(await run((tx) => currentPolicy(tx))).toMatchObject({
      version: 2,
      document: { returnWindowDays: 14 },
    });
  });
});
