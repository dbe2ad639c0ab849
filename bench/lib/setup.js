// Database lifecycle and seed data for the benchmark. Everything here talks to
// 127.0.0.1 only and cleans up after itself.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { upsertOrders } from '../../packages/server/dist/app/orders/upsert-orders.js';
import { createTenant } from '../../packages/server/dist/app/tenants/create-tenant.js';
import { loadConfig } from '../../packages/server/dist/config.js';
import { inTenant } from '../../packages/server/dist/db/scope.js';
import { openServices } from '../../packages/server/dist/services.js';

export const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates `afterdesk_bench_<timestamp>`; `drop()` removes it (WITH (FORCE)) and is safe to call twice. */
export async function createBenchDatabase(adminUrl = ADMIN_URL) {
  const name = `afterdesk_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function serverVersion(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('select current_setting($1) as v, version() as full', ['server_version']);
    const settings = await c.query(
      "select name, setting from pg_settings where name in ('max_connections','shared_buffers','synchronous_commit','fsync','wal_sync_method')",
    );
    return {
      version: rows[0].v,
      full: rows[0].full,
      settings: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
    };
  } finally {
    await c.end();
  }
}

export async function tempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Opens the compiled server's services (migrated) on PostgreSQL (`databaseUrl`) or PGlite (under `dataDir`). */
export async function open({ databaseUrl, dataDir, dbPoolSize }) {
  const config = loadConfig(
    {},
    {
      ...(databaseUrl ? { databaseUrl } : {}),
      dataDir,
      logLevel: 'silent',
      seedDemo: false,
      ...(dbPoolSize ? { dbPoolSize } : {}),
    },
  );
  return openServices(config);
}

const DAY = 86_400_000;

/** A delivered two-line EUR order; total stays under the auto-approval value limit. */
export function benchOrder(i, now, quantity) {
  const id = `B${i.toString().padStart(6, '0')}`;
  const unit1 = 999;
  const unit2 = 499;
  return {
    externalId: id,
    storeCode: 'eu',
    number: `#${id}`,
    placedAt: new Date(now - 6 * DAY).toISOString(),
    currency: 'EUR',
    shippingMinor: 499,
    customer: {
      email: `buyer-${id.toLowerCase()}@example.com`,
      name: 'Erika Mustermann',
      language: 'de',
      country: 'DE',
    },
    lines: [
      {
        externalId: 'l1',
        sku: 'SHOE-42-BLK',
        title: 'Trail shoe',
        category: 'fashion_shoes',
        attributes: { size: '42', colour: 'black' },
        quantity,
        unitPriceMinor: unit1,
      },
      {
        externalId: 'l2',
        sku: 'SOCK-3P',
        title: 'Socks, 3 pairs',
        category: 'fashion_accessories',
        quantity,
        unitPriceMinor: unit2,
      },
    ],
    payments: [{ method: 'card', reference: `pi_${id}`, capturedMinor: quantity * (unit1 + unit2) + 499 }],
    shipments: [
      {
        carrier: 'DHL',
        trackingNumber: `JD${id}`,
        shippedAt: new Date(now - 4 * DAY).toISOString(),
        deliveredAt: new Date(now - 2 * DAY).toISOString(),
      },
    ],
  };
}

/**
 * One tenant with one EUR store, `orders` delivered orders in batches of `batch`.
 * Returns the API key and every (order, line) slot a return can be filed on.
 */
export async function seed(services, { orders, batch = 500, quantity }) {
  const { tenantId, apiKey } = await createTenant(services, {
    name: 'Bench GmbH',
    stores: [
      {
        code: 'eu',
        name: 'Bench EU',
        country: 'DE',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        languages: ['de', 'en'],
      },
    ],
  });
  const ctx = { ...services, principal: { kind: 'integration', tenantId, apiKeyId: 'bench' } };
  const now = Date.now();
  for (let start = 0; start < orders; start += batch) {
    const part = [];
    for (let i = start; i < Math.min(orders, start + batch); i++) part.push(benchOrder(i, now, quantity));
    await upsertOrders(ctx, part);
  }
  const { lines, storeId } = await inTenant(services.db, tenantId, async (tx) => ({
    lines: await tx
      .selectFrom('order_lines')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .select(['order_lines.id', 'order_lines.order_id', 'order_lines.position', 'orders.customer_id'])
      .orderBy('order_lines.position')
      .orderBy('order_lines.order_id')
      .execute(),
    storeId: (await tx.selectFrom('stores').select('id').executeTakeFirstOrThrow()).id,
  }));
  const linesOfOrder = new Map();
  for (const l of lines) linesOfOrder.set(l.order_id, [...(linesOfOrder.get(l.order_id) ?? []), l.id]);
  // All first lines, then all second lines: neighbouring requests hit different orders, and a
  // full round over the slots claims each line once.
  const slots = lines.map((l) => ({
    orderId: l.order_id,
    lineId: l.id,
    customerId: l.customer_id,
    orderLineIds: linesOfOrder.get(l.order_id),
  }));
  return { tenantId, apiKey, storeId, slots, capacity: slots.length * quantity };
}

export async function caseIds(services, tenantId, limit = 50_000) {
  const rows = await inTenant(services.db, tenantId, (tx) =>
    tx.selectFrom('cases').select('id').limit(limit).execute(),
  );
  return rows.map((r) => r.id);
}

/** Cases per status: every benchmark creation must have ended approved, in `awaiting_return`. */
export async function caseStatuses(services, tenantId) {
  const rows = await inTenant(services.db, tenantId, (tx) =>
    tx
      .selectFrom('cases')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute(),
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
