import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSystem } from '../../db/scope.js';
import { catchUpMeasures } from '../../jobs/roll-up-measures.job.js';
import {
  newTenant,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../../testing/harness.test-helpers.js';
import { rawWriter } from './analytics-fixture.test-helpers.js';
import { rebuildRollups } from './refresh-rollups.js';
import { ROLLUP_TABLES } from './rollup-lattice.js';

const BASE = Date.parse('2026-01-05T00:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(BASE + hours * HOUR).toISOString();
const SOON = () => new Date(Date.now() + 60_000);

// What can happen to a shop, in any order, with the roll-up job running now and then.
const hours = fc.integer({ min: 0, max: 30 * 24 });
const orderOp = fc.record({
  type: fc.constant('order' as const),
  store: fc.constantFrom('eu', 'cn'),
  placed: hours,
  deliveredAfter: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
  creditNote: fc.boolean(),
  lines: fc.array(
    fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.constantFrom('x', 'y'), fc.integer({ min: 1, max: 3 })),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
});
const caseOp = fc.record({
  type: fc.constant('case' as const),
  order: fc.nat(),
  kind: fc.constantFrom('return', 'exchange', 'refund_only', 'complaint', 'inquiry'),
  status: fc.constantFrom('submitted', 'rejected', 'refunded', 'open', 'solved'),
  createdAfter: fc.integer({ min: 0, max: 300 }),
  reason: fc.constantFrom('damaged', 'too_small'),
});
const op = fc.oneof(
  { weight: 3, arbitrary: orderOp },
  { weight: 3, arbitrary: caseOp },
  fc.record({
    type: fc.constant('status' as const),
    case: fc.nat(),
    status: fc.constantFrom('rejected', 'closed', 'cancelled'),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('refund' as const),
      case: fc.nat(),
      amount: fc.integer({ min: 1, max: 10_000 }),
      paid: hours,
    }),
  },
  fc.record({
    type: fc.constant('survey' as const),
    case: fc.nat(),
    score: fc.integer({ min: 1, max: 5 }),
    answered: hours,
  }),
  fc.record({
    type: fc.constant('clock' as const),
    case: fc.nat(),
    metric: fc.constantFrom('first_response', 'resolution'),
    missed: fc.boolean(),
    completed: fc.option(hours, { nil: null }),
  }),
  fc.record({
    type: fc.constant('review' as const),
    order: fc.nat(),
    score: fc.integer({ min: 1, max: 5 }),
    reviewed: hours,
  }),
  fc.record({
    type: fc.constant('address' as const),
    order: fc.nat(),
    country: fc.constantFrom('FR', 'US'),
  }),
  fc.record({ type: fc.constant('catch-up' as const) }),
);

describe(`rollups kept from events (${testDatabaseKind()})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 120_000);
  afterAll(() => app.close());

  async function snapshot(tenantId: string) {
    const tables: Record<string, unknown[]> = {};
    await inSystem(app.services.db, async (tx) => {
      for (const t of ROLLUP_TABLES) {
        const rows = await sql<
          Record<string, unknown>
        >`select * from ${sql.table(t.name)} where tenant_id = ${tenantId}
          order by ${sql.raw(['day', 'store_id', ...t.dims].join(', '))}`.execute(tx);
        tables[t.name] = rows.rows.map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [
              k,
              typeof v === 'number'
                ? Math.round(v * 1e6) / 1e6
                : v instanceof Date
                  ? v.toISOString()
                  : String(v),
            ]),
          ),
        );
      }
    });
    return tables;
  }

  it('equal a full recompute from the raw rows after any sequence of changes and a catch-up', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Every history starts with an order and a case, so later steps have something to act on.
        fc
          .tuple(orderOp, caseOp, fc.array(op, { minLength: 4, maxLength: 16 }))
          .map(([o, c, rest]) => [o, c, ...rest]),
        async (ops) => {
          const tenant = await newTenant(app.services);
          const w = rawWriter(app, tenant.tenantId);
          const stores = { eu: await w.storeId('eu'), cn: await w.storeId('cn') };
          const customer = await w.customer('DE');
          const orders: Array<{
            id: string;
            store: string;
            placed: number;
            lines: string[];
            skus: string[];
          }> = [];
          const cases: Array<{ id: string; created: number }> = [];
          for (const o of ops) {
            if (o.type === 'order') {
              const made = await w.order({
                storeId: stores[o.store as 'eu' | 'cn'],
                customerId: customer,
                placedAt: at(o.placed),
                deliveredAt:
                  o.deliveredAfter === null || o.creditNote ? null : at(o.placed + o.deliveredAfter),
                creditNote: o.creditNote,
                lines: o.lines.map(([sku, category, quantity]) => [sku, category, quantity]),
              });
              orders.push({
                ...made,
                store: stores[o.store as 'eu' | 'cn'],
                placed: o.placed,
                skus: o.lines.map((l) => l[0]),
              });
            } else if (o.type === 'case' && orders.length > 0) {
              const order = orders[o.order % orders.length] as (typeof orders)[number];
              const created = order.placed + o.createdAfter;
              const withItems = ['return', 'exchange', 'refund_only'].includes(o.kind);
              const id = await w.case_({
                kind: o.kind,
                status: o.status,
                storeId: order.store,
                customerId: customer,
                orderId: order.id,
                channel: 'web',
                createdAt: at(created),
                items: withItems
                  ? order.lines.map((lineId, i) => ({
                      lineId,
                      sku: order.skus[i] as string,
                      quantity: 1,
                      reason: o.reason,
                    }))
                  : [],
              });
              if (withItems && o.status !== 'submitted')
                await w.event(
                  'case',
                  id,
                  o.status === 'rejected' ? 'case.rejected' : 'case.approved',
                  at(created + 1),
                );
              cases.push({ id, created });
            } else if (o.type === 'status' && cases.length > 0) {
              const c = cases[o.case % cases.length] as (typeof cases)[number];
              await inSystem(app.services.db, (tx) =>
                tx.updateTable('cases').set({ status: o.status }).where('id', '=', c.id).execute(),
              );
              await w.event('case', c.id, `case.${o.status}`, new Date().toISOString(), 'agent');
            } else if (o.type === 'refund' && cases.length > 0) {
              const c = cases[o.case % cases.length] as (typeof cases)[number];
              await w.refund({
                caseId: c.id,
                amountMinor: o.amount,
                currency: 'EUR',
                settledAt: at(o.paid),
                loggedAt: new Date().toISOString(),
              });
            } else if (o.type === 'survey' && cases.length > 0) {
              const c = cases[o.case % cases.length] as (typeof cases)[number];
              await w.survey({ caseId: c.id, agentId: null, score: o.score, answeredAt: at(o.answered) });
              await w.event('case', c.id, 'survey.answered', new Date().toISOString(), 'customer');
            } else if (o.type === 'clock' && cases.length > 0) {
              const c = cases[o.case % cases.length] as (typeof cases)[number];
              const taken = await inSystem(app.services.db, (tx) =>
                tx
                  .selectFrom('case_clocks')
                  .select('case_id')
                  .where('case_id', '=', c.id)
                  .where('metric', '=', o.metric)
                  .execute(),
              );
              if (taken.length > 0) continue;
              await w.clock({
                caseId: c.id,
                metric: o.metric as 'first_response' | 'resolution',
                state: o.missed ? 'missed' : 'hit',
                startedAt: at(c.created),
                completedAt: o.completed === null ? null : at(c.created + o.completed / 24),
                breachedAt: o.missed ? at(c.created + 2) : null,
              });
              await w.event('case', c.id, 'sla.updated', new Date().toISOString());
            } else if (o.type === 'review' && orders.length > 0) {
              const order = orders[o.order % orders.length] as (typeof orders)[number];
              await w.review({
                orderId: order.id,
                score: o.score,
                sentiment: (o.score - 3) / 2,
                reviewedAt: at(o.reviewed),
              });
              await w.event('order', order.id, 'order.reviewed', new Date().toISOString(), 'customer');
            } else if (o.type === 'address' && orders.length > 0) {
              const order = orders[o.order % orders.length] as (typeof orders)[number];
              await w.shipTo(order.id, o.country, new Date().toISOString());
            } else if (o.type === 'catch-up') {
              await catchUpMeasures(app.services, { now: SOON() });
            }
          }
          await catchUpMeasures(app.services, { now: SOON() });
          const incremental = await snapshot(tenant.tenantId);
          await rebuildRollups(app.services.db, tenant.tenantId, { from: '2025-12-25', to: '2026-03-15' });
          expect(incremental).toEqual(await snapshot(tenant.tenantId));
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  }, 600_000);
});
