import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { inTenant } from '../../db/scope.js';
import { notifyCustomers } from '../../jobs/notify-customers.job.js';
import { openTestDatabase, testServices } from '../../testing/harness.test-helpers.js';
import type { Services } from '../context.js';
import { type DemoCredentials, seedDemo } from './seed-demo.js';

// The demo shop as `npm start` seeds it on an empty database: two years of history in bulk,
// then today's orders and open cases. What analytics reads must be there, written the way
// the real use cases write it.

// The demo's agents have fixed e-mails, unique across tenants, so on PostgreSQL the demo is
// seeded into a database of its own, dropped afterwards.
async function freshDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.AFTERDESK_TEST_DATABASE_URL;
  if (!url) {
    const handle = await openTestDatabase();
    return { handle, drop: () => handle.db.destroy() };
  }
  const name = `afterdesk_demo_${randomBytes(4).toString('hex')}`;
  const admin = await connectDatabase({ databaseUrl: url, poolSize: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: own.toString(), poolSize: 4 });
  await migrate(handle);
  return {
    handle,
    drop: async () => {
      await handle.db.destroy();
      // The pool ends its clients without waiting for their sockets to close, and a client
      // terminated by the drop while closing raises an error nobody listens to: wait for them.
      for (let tries = 0; tries < 100; tries++) {
        const open = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity where datname = ${name}`.execute(admin.db);
        if (open.rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await sql.raw(`drop database ${name} with (force)`).execute(admin.db);
      await admin.db.destroy();
    },
  };
}

describe('seeding the demo shop with its history', () => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void> = async () => {};
  let services: Services;
  let demo: DemoCredentials;
  let seedMs = 0;
  const now = new Date('2025-06-02T08:00:00Z');

  beforeAll(async () => {
    ({ handle, drop } = await freshDatabase());
    services = testServices(handle, { now });
    const started = performance.now();
    demo = await seedDemo(services);
    seedMs = performance.now() - started;
  }, 180_000);
  afterAll(async () => drop());

  const query = <T>(text: string) =>
    inTenant(handle.db, demo.tenantId, async (tx) => (await sql.raw<T>(text).execute(tx)).rows);

  it('writes about 3,000 past orders and their cases in bulk, in seconds', async () => {
    console.log(`demo seed with history: ${Math.round(seedMs)} ms`, demo.history);
    expect(demo.history?.orders).toBeGreaterThan(2500);
    expect(demo.history?.cases).toBeGreaterThan(500);
    const [counts] = await query<{ orders: number; cases: number }>(
      `select (select count(*)::int from orders) as orders, (select count(*)::int from cases) as cases`,
    );
    // The history plus the 200 current orders and the open cases of today.
    expect(counts?.orders).toBe((demo.history?.orders ?? 0) + 200);
    expect(counts?.cases).toBeGreaterThanOrEqual((demo.history?.cases ?? 0) + 1);
  });

  it('has cases of every kind, decided by the policy and by agents, with refunds paid', async () => {
    const kinds = await query<{ kind: string }>('select distinct kind from cases order by kind');
    expect(kinds.map((k) => k.kind)).toEqual([
      'complaint',
      'dispute',
      'exchange',
      'inquiry',
      'logistics',
      'refund_only',
      'repair',
      'return',
    ]);
    const approvals = await query<{ actor_type: string; n: number }>(
      `select actor_type, count(*)::int as n from events where type = 'case.approved' group by 1 order by 1`,
    );
    expect(approvals.map((a) => a.actor_type)).toEqual(['agent', 'system']);
    const [refunds] = await query<{ n: number; over: number }>(
      `select count(*)::int as n, count(*) filter (where p.refunded_minor > p.captured_minor)::int as over
         from refunds r join payments p on p.id = r.payment_id where r.status = 'succeeded'`,
    );
    expect(refunds?.n).toBeGreaterThan(100);
    expect(refunds?.over).toBe(0);
  });

  it('keeps the service levels, surveys, moods and reviews analytics measures', async () => {
    const clocks = await query<{ state: string }>(
      `select distinct state from case_clocks where completed_at is not null order by state`,
    );
    expect(clocks.map((c) => c.state)).toEqual(['hit', 'missed']);
    const [surveys] = await query<{ answered: number; avg: number }>(
      'select count(*)::int as answered, avg(score)::float as avg from surveys where score is not null',
    );
    expect(surveys?.answered).toBeGreaterThan(50);
    expect(surveys?.avg).toBeGreaterThan(2);
    const [moods] = await query<{ negative: number; positive: number }>(
      `select count(*) filter (where sentiment < -0.2)::int as negative, count(*) filter (where sentiment > 0.2)::int as positive
         from messages where direction = 'inbound'`,
    );
    expect(moods?.negative).toBeGreaterThan(20);
    expect(moods?.positive).toBeGreaterThan(10);
    const [reviews] = await query<{ n: number; low: number }>(
      'select count(*)::int as n, count(*) filter (where score <= 2)::int as low from order_reviews',
    );
    expect(reviews?.n).toBe(demo.history?.reviews);
    expect(reviews?.low).toBeGreaterThan(20);
  });

  it('puts supplier and batch on every past line, and the planted charger batch comes back far more often', async () => {
    const rates = await query<{ batch: string; delivered: number; returned: number }>(
      `select l.attributes->>'batch' as batch, sum(l.quantity)::int as delivered,
              coalesce(sum((select sum(ci.quantity) from case_items ci join cases c on c.id = ci.case_id
                 where ci.order_line_id = l.id and c.kind in ('return', 'exchange', 'refund_only'))), 0)::int as returned
         from order_lines l join orders o on o.id = l.order_id
        where l.sku = 'EL-CHARGER-65W' and o.delivered_at is not null and o.external_id like '%-H%'
        group by 1`,
    );
    const spike = rates.find((r) => r.batch === 'EL-CHARGER-65W-PC7');
    const usual = rates.filter((r) => r.batch !== 'EL-CHARGER-65W-PC7');
    const usualRate =
      usual.reduce((n, r) => n + r.returned, 0) /
      Math.max(
        1,
        usual.reduce((n, r) => n + r.delivered, 0),
      );
    expect(spike && spike.returned / spike.delivered).toBeGreaterThan(3 * usualRate);
    const [missing] = await query<{ n: number }>(
      `select count(*)::int as n from order_lines l join orders o on o.id = l.order_id
        where o.external_id like '%-H%' and (l.attributes->>'supplier' is null or l.attributes->>'batch' is null)`,
    );
    expect(missing?.n).toBe(0);
  });

  it('has accounts sharing a phone and address, and customers complaining again', async () => {
    const [shared] = await query<{ accounts: number; addresses: number }>(
      `select count(distinct c.id)::int as accounts, count(distinct o.shipping_address->>'line1')::int as addresses
         from customers c join orders o on o.customer_id = c.id where c.phone = '+1 555 0100 77'`,
    );
    expect(shared?.accounts).toBeGreaterThanOrEqual(3);
    expect(shared?.addresses).toBe(1);
    const [repeat] = await query<{ n: number }>(
      `select count(*)::int as n from (select customer_id from cases where kind = 'complaint'
         group by 1 having count(*) >= 2) r`,
    );
    expect(repeat?.n).toBeGreaterThanOrEqual(2);
  });

  it('does not send two years of notices on the first start, only those of today', async () => {
    const result = await notifyCustomers(services, { batch: 5000 });
    expect(result.sent).toBeLessThan(30);
    const [history] = await query<{ n: number }>(
      `select count(*)::int as n from messages m join cases c on c.id = m.case_id
        where m.source_event_id is not null and c.created_at < now() - interval '30 days'`,
    );
    expect(history?.n).toBe(0);
  });
});
