import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startConversation } from '../app/conversations/start-conversation.js';
import type { DatabaseHandle } from '../db/connect.js';
import { newTenant, openTestDatabase, testServices } from '../testing/harness.test-helpers.js';
import type { LiveUpdate } from './live-bus.js';
import { LIVE_CHANNEL, pgNotifyBus } from './pg-notify-bus.js';

// Two processes on one PostgreSQL, played by two buses in this one: what one publishes,
// the other's sockets see. Runs where PostgreSQL is (AFTERDESK_TEST_DATABASE_URL).

const databaseUrl = process.env.AFTERDESK_TEST_DATABASE_URL;
const log = pino({ level: 'silent' });

describe.skipIf(!databaseUrl)('the LISTEN/NOTIFY live bus', () => {
  let handle: DatabaseHandle;
  let a: Awaited<ReturnType<typeof pgNotifyBus>>;
  let b: Awaited<ReturnType<typeof pgNotifyBus>>;

  beforeAll(async () => {
    handle = await openTestDatabase();
    a = await pgNotifyBus({ databaseUrl: databaseUrl as string, db: handle.db, log, retryMs: 20 });
    b = await pgNotifyBus({ databaseUrl: databaseUrl as string, db: handle.db, log, retryMs: 20 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await handle?.db.destroy();
  });

  function collect(bus: typeof a, tenantId: string) {
    const seen: LiveUpdate[] = [];
    const stop = bus.subscribe(tenantId, (u) => seen.push(u));
    return { seen, stop };
  }

  it("carries a case update to the other process, once to the publisher's own", async () => {
    const tenantId = crypto.randomUUID();
    const here = collect(a, tenantId);
    const there = collect(b, tenantId);
    const update: LiveUpdate = {
      type: 'case',
      tenantId,
      caseId: crypto.randomUUID(),
      customerId: crypto.randomUUID(),
      event: 'case.solved',
      status: 'solved',
      version: 3,
    };
    a.publish(update);
    expect(here.seen).toEqual([update]);
    await vi.waitFor(() => expect(there.seen).toEqual([update]));
    // A second update proves the first was not echoed back to its publisher meanwhile.
    a.publish({ ...update, version: 4 });
    await vi.waitFor(() => expect(there.seen).toHaveLength(2));
    expect(here.seen.map((u) => (u.type === 'case' ? u.version : 0))).toEqual([3, 4]);
    here.stop();
    there.stop();
  });

  it('carries a burst of updates published at once, all of them and in order', async () => {
    const tenantId = crypto.randomUUID();
    const there = collect(b, tenantId);
    const base = {
      type: 'case',
      tenantId,
      caseId: crypto.randomUUID(),
      customerId: crypto.randomUUID(),
    } as const;
    for (let version = 1; version <= 500; version++)
      a.publish({ ...base, event: 'sla.warning', status: 'open', version });
    await vi.waitFor(() => expect(there.seen).toHaveLength(500));
    expect(there.seen.map((u) => (u.type === 'case' ? u.version : 0))).toEqual(
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
    there.stop();
  });

  it('sends a message by reference, so one far over 8000 bytes arrives whole', async () => {
    const services = testServices(handle);
    const tenant = await newTenant(services);
    const body = '包裹还没到。'.repeat(3000);
    const opened = await startConversation(tenant.ctx, {
      kind: 'inquiry',
      body,
      customer: { email: `long-${tenant.tenantId}@example.com` },
    });
    const [row] = await sql<{
      id: string;
      seq: number;
    }>`select id, seq from messages where case_id = ${opened.id}`
      .execute(handle.db)
      .then((r) => r.rows);
    const there = collect(b, tenant.tenantId);
    a.publish({
      type: 'message',
      tenantId: tenant.tenantId,
      caseId: opened.id,
      customerId: opened.customerId,
      message: { id: row?.id, seq: row?.seq } as never,
    });
    await vi.waitFor(() => expect(there.seen).toHaveLength(1));
    expect(there.seen[0]).toMatchObject({ type: 'message', caseId: opened.id, message: { seq: 1, body } });
    there.stop();
  });

  it('listens again after its connection was cut', async () => {
    const tenantId = crypto.randomUUID();
    const there = collect(b, tenantId);
    const cut = await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query = ${`LISTEN ${LIVE_CHANNEL}`}`.execute(handle.db);
    expect(cut.rows).toHaveLength(2);
    const update: LiveUpdate = {
      type: 'case',
      tenantId,
      caseId: crypto.randomUUID(),
      customerId: crypto.randomUUID(),
      event: 'case.assigned',
      status: 'open',
      version: 1,
    };
    // NOTIFY is not a queue: what is sent while B reconnects is lost to it, so send until it hears.
    await vi.waitFor(
      () => {
        a.publish(update);
        expect(there.seen.length).toBeGreaterThan(0);
      },
      { timeout: 5000, interval: 50 },
    );
    there.stop();
  });
});
