import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOrders } from '../app/orders/upsert-orders.js';
import { sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  newTenant,
  openTestDatabase,
  testDatabaseKind,
  testServices,
} from '../testing/harness.test-helpers.js';
import type { DatabaseHandle } from './connect.js';
import { inTenant } from './scope.js';

describe(`row-level security (${testDatabaseKind()})`, () => {
  let handle: DatabaseHandle;
  let a: Awaited<ReturnType<typeof newTenant>>;
  let b: Awaited<ReturnType<typeof newTenant>>;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const services = testServices(handle);
    a = await newTenant(services, 'A');
    b = await newTenant(services, 'B');
    await upsertOrders(a.ctx, [sampleOrder(new Date())]);
    await upsertOrders(b.ctx, [sampleOrder(new Date()), sampleOrder(new Date())]);
  });
  afterAll(() => handle.db.destroy());

  it("hides tenant B's rows from a query in tenant A's context, even without a WHERE clause", async () => {
    const seen = await inTenant(handle.db, a.tenantId, (tx) =>
      tx.selectFrom('orders').select('tenant_id').execute(),
    );
    expect(seen.length).toBe(1);
    expect(seen.every((row) => row.tenant_id === a.tenantId)).toBe(true);
  });

  it('shows every tenant-owned table only its own rows', async () => {
    const tables = [
      'stores',
      'customers',
      'orders',
      'order_lines',
      'payments',
      'shipments',
      'policies',
      'api_keys',
      'events',
    ];
    for (const table of tables) {
      const foreign = await inTenant(handle.db, a.tenantId, (tx) =>
        sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.table(table)} where tenant_id <> ${a.tenantId}`.execute(tx),
      );
      expect(foreign.rows[0]?.n, table).toBe(0);
    }
  });

  it("refuses to write a row into another tenant's space", async () => {
    await expect(
      inTenant(handle.db, a.tenantId, (tx) =>
        tx.insertInto('tenants').values({ id: b.tenantId, name: 'hijack' }).execute(),
      ),
    ).rejects.toThrow();
    await expect(
      inTenant(handle.db, a.tenantId, (tx) =>
        sql`update customers set name = 'x' where tenant_id = ${b.tenantId} returning id`.execute(tx),
      ).then((r) => r.rows.length),
    ).resolves.toBe(0);
    await expect(
      inTenant(handle.db, a.tenantId, (tx) =>
        tx
          .insertInto('stores')
          .values({
            id: crypto.randomUUID(),
            tenant_id: b.tenantId,
            code: 'evil',
            name: 'x',
            country: 'DE',
            currency: 'EUR',
            time_zone: 'UTC',
            languages: [],
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('sees nothing at all without a tenant context under the application role', async () => {
    const rows = await handle.db.transaction().execute(async (tx) => {
      await sql`select set_config('role', 'afterdesk_app', true)`.execute(tx);
      return tx.selectFrom('orders').select('id').execute();
    });
    expect(rows).toEqual([]);
  });
});
