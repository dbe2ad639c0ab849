import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../app/context.js';
import type { DatabaseHandle } from '../db/connect.js';
import { inSystem } from '../db/scope.js';
import { openTestDatabase, testServices } from '../testing/harness.test-helpers.js';
import { settlePromises } from './settle-promises.job.js';
import { HOUR, nextEra, sweepFixtures } from './sla-sweep.test-helpers.js';

let handle: DatabaseHandle;
let services: Services;
let fx: ReturnType<typeof sweepFixtures>;

beforeAll(async () => {
  handle = await openTestDatabase();
  services = testServices(handle);
  fx = sweepFixtures(services);
});
afterAll(() => handle.db.destroy());

// The settling runs across tenants; each test lives in its own era decades ago, where no
// other test (on a shared PostgreSQL) has an open promise.
describe('settling the promises made in replies', () => {
  let seq = 0;
  async function promiseIn(tenantId: string, caseId: string, thing: string, madeAt: number, dueAt: number) {
    const messageId = randomUUID();
    await inSystem(services.db, async (tx) => {
      const c = await tx
        .selectFrom('cases')
        .select('customer_id')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('messages')
        .values({
          id: messageId,
          tenant_id: tenantId,
          case_id: caseId,
          customer_id: c.customer_id,
          seq: ++seq,
          direction: 'outbound',
          channel: 'email',
          author_type: 'agent',
          body: `We will do it (${thing}).`,
          created_at: new Date(madeAt),
        })
        .execute();
      await tx
        .insertInto('reply_promises')
        .values({
          id: randomUUID(),
          tenant_id: tenantId,
          case_id: caseId,
          message_id: messageId,
          thing,
          phrase: `${thing} within a while`,
          due_at: new Date(dueAt),
          created_at: new Date(madeAt),
        })
        .execute();
    });
  }
  const event = (tenantId: string, caseId: string, type: string, at: number) =>
    inSystem(services.db, (tx) =>
      tx
        .insertInto('events')
        .values({
          tenant_id: tenantId,
          stream: 'case',
          stream_id: caseId,
          type,
          actor_type: 'agent',
          data: JSON.stringify({}),
          created_at: new Date(at),
        })
        .execute(),
    );
  const outcomes = (caseId: string) =>
    inSystem(services.db, (tx) =>
      tx
        .selectFrom('reply_promises')
        .select(['thing', 'state'])
        .where('case_id', '=', caseId)
        .orderBy('thing')
        .execute(),
    );

  it('keeps a promise whose thing happened in time and breaks one whose time ran out, once', async () => {
    const t0 = nextEra();
    const tenantId = await fx.tenant();
    const caseId = await fx.openCase(tenantId);
    await promiseIn(tenantId, caseId, 'refund', t0, t0 + 72 * HOUR);
    await promiseIn(tenantId, caseId, 'response', t0, t0 + 4 * HOUR);
    await promiseIn(tenantId, caseId, 'pickup', t0, t0 + 96 * HOUR);
    await event(tenantId, caseId, 'case.refunded', t0 + 30 * HOUR);
    // The parcel was picked up, but a day late.
    await event(tenantId, caseId, 'case.shipped', t0 + 120 * HOUR);

    expect(await settlePromises(services, { now: new Date(t0 + 2 * HOUR) })).toEqual({ kept: 0, broken: 0 });
    expect(await settlePromises(services, { now: new Date(t0 + 200 * HOUR) })).toEqual({
      kept: 1,
      broken: 2,
    });
    expect(await outcomes(caseId)).toEqual([
      { thing: 'pickup', state: 'broken' },
      { thing: 'refund', state: 'kept' },
      { thing: 'response', state: 'broken' },
    ]);
    const recorded = await inSystem(services.db, (tx) =>
      tx
        .selectFrom('events')
        .select('type')
        .where('stream_id', '=', caseId)
        .where('type', 'like', 'promise.%')
        .execute(),
    );
    expect(recorded.map((e) => e.type).sort()).toEqual(['promise.broken', 'promise.broken', 'promise.kept']);
    expect(await settlePromises(services, { now: new Date(t0 + 300 * HOUR) })).toEqual({
      kept: 0,
      broken: 0,
    });
  });

  it("counts the shop's next reply as a kept promise to answer", async () => {
    const t0 = nextEra();
    const tenantId = await fx.tenant();
    const caseId = await fx.openCase(tenantId);
    await promiseIn(tenantId, caseId, 'response', t0, t0 + 24 * HOUR);
    await promiseIn(tenantId, caseId, 'replacement', t0 + HOUR, t0 + 25 * HOUR);
    expect(await settlePromises(services, { now: new Date(t0 + 48 * HOUR) })).toEqual({ kept: 1, broken: 1 });
    expect(await outcomes(caseId)).toEqual([
      { thing: 'replacement', state: 'broken' },
      { thing: 'response', state: 'kept' },
    ]);
  });
});
