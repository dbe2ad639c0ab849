import {
  type CaseCategory,
  type CaseKind,
  type Priority,
  selectTargets,
  triageMessage,
} from '@afterdesk/core';
import { sql } from 'kysely';
import type { NewEvent } from '../../db/schema.js';
import { inSystem, inTenant, type Tx } from '../../db/scope.js';
import type { DemoHistory } from '../../demo/index.js';
import type { Ctx } from '../context.js';
import { upsertOrders } from '../orders/upsert-orders.js';
import { loadClockSetting } from '../sla/case-clocks.js';
import { buildCaseRows, type CaseRows } from './demo-history-rows.js';

/** What seeding the history wrote and how long it took. */
export interface SeededHistory {
  orders: number;
  reviews: number;
  cases: number;
  events: number;
  ms: number;
}

// Large enough to keep round trips few, small enough for PostgreSQL's 65,535 parameters.
const CHUNK = 500;
const NOTIFY_CURSOR = 'notify-customers';

/**
 * Writes the demo's two-year history in bulk: orders through the order upsert (a thousand
 * at a time, reviews triaged there), then every case with its items, decision, clocks,
 * messages, survey, inspection, refund and events in multi-row inserts inside one tenant
 * transaction. `agentEmails` are the four agents the history's cases are spread over, in
 * slot order. The customer notifier's cursor is moved past the history: those customers
 * were told at the time, and must not get two years of notices on the first start.
 */
export async function seedDemoHistory(
  ctx: Ctx,
  history: DemoHistory,
  agentEmails: readonly string[],
): Promise<SeededHistory> {
  const started = performance.now();
  const tenantId = ctx.principal.tenantId;
  const orderIds = new Map<string, string>();
  let reviews = 0;
  for (let i = 0; i < history.orders.length; i += 1000) {
    const stored = await upsertOrders(ctx, history.orders.slice(i, i + 1000));
    reviews += stored.reviews;
    for (const o of stored.orders) orderIds.set(o.externalId, o.id);
  }
  const written = await inTenant(ctx.db, tenantId, async (tx) => {
    await writeAddresses(tx, history, orderIds);
    const refs = await loadReferences(tx, tenantId, [...orderIds.values()], agentEmails);
    const rows: CaseRows[] = [];
    for (const c of history.cases) {
      const orderId = orderIds.get(c.orderExternalId);
      const order = orderId ? refs.orders.get(orderId) : undefined;
      if (!orderId || !order) continue;
      const agent = refs.agents[c.agentSlot % refs.agents.length];
      if (!agent) throw new Error('the demo tenant has no agents to hand its history to');
      const setting = await refs.clockSetting(order.storeId);
      rows.push(
        buildCaseRows(c, {
          tenantId,
          orderId,
          customerId: order.customerId,
          customerName: order.customerName,
          storeId: order.storeId,
          paymentId: order.paymentId,
          lineIds: order.lines,
          agent,
          policyVersion: refs.policyVersion,
          clockSetting: {
            targets: selectTargets(setting.policy, {
              kind: c.kind as CaseKind,
              category: c.category as CaseCategory,
              priority: 'normal' as Priority,
            }),
            calendar: setting.calendar,
            warnShare: setting.policy.warnShare,
          },
          triage: (text) => triageMessage(text, refs.models),
        }),
      );
    }
    const lastEventId = await insertRows(tx, rows);
    return { cases: rows.length, events: rows.reduce((n, r) => n + r.events.length, 0), lastEventId };
  });
  await moveNotifierPastHistory(ctx, written.lastEventId);
  return {
    orders: orderIds.size,
    reviews,
    cases: written.cases,
    events: written.events,
    ms: Math.round(performance.now() - started),
  };

  async function loadReferences(tx: Tx, tenant: string, ids: string[], emails: readonly string[]) {
    const orders = new Map<
      string,
      {
        customerId: string;
        customerName: string | null;
        storeId: string;
        paymentId: string | null;
        lines: Map<string, string>;
      }
    >();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const found = await tx
        .selectFrom('orders as o')
        .innerJoin('customers as c', 'c.id', 'o.customer_id')
        .leftJoin('payments as p', (join) => join.onRef('p.order_id', '=', 'o.id').on('p.position', '=', 0))
        .select(['o.id', 'o.customer_id', 'c.name', 'o.store_id', 'p.id as payment_id'])
        .where('o.id', 'in', part)
        .execute();
      for (const o of found) {
        orders.set(o.id, {
          customerId: o.customer_id,
          customerName: o.name,
          storeId: o.store_id,
          paymentId: o.payment_id,
          lines: new Map(),
        });
      }
      const lines = await tx
        .selectFrom('order_lines')
        .select(['id', 'order_id', 'external_id'])
        .where('order_id', 'in', part)
        .execute();
      for (const l of lines) orders.get(l.order_id)?.lines.set(l.external_id, l.id);
    }
    const users = await tx.selectFrom('users').select(['id', 'email', 'name', 'team_id']).execute();
    const agents = emails.flatMap((email) => {
      const u = users.find((x) => x.email === email);
      return u ? [{ id: u.id, name: u.name, teamId: u.team_id }] : [];
    });
    const policy = await tx
      .selectFrom('policies')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const settings = new Map<string, Awaited<ReturnType<typeof loadClockSetting>>>();
    return {
      orders,
      agents,
      policyVersion: Number(policy?.v ?? 1),
      models: await ctx.triage.modelsFor(tx, tenant),
      clockSetting: async (storeId: string) => {
        let setting = settings.get(storeId);
        if (!setting) {
          setting = await loadClockSetting(tx, storeId);
          settings.set(storeId, setting);
        }
        return setting;
      },
    };
  }
}

// The contract carries no address on an imported order; the history's go beside it.
async function writeAddresses(tx: Tx, history: DemoHistory, orderIds: Map<string, string>) {
  const entries = Object.entries(history.addresses).flatMap(([externalId, address]) => {
    const id = orderIds.get(externalId);
    return id ? [{ id, address: JSON.stringify(address) }] : [];
  });
  for (let i = 0; i < entries.length; i += CHUNK) {
    const values = sql.join(
      entries.slice(i, i + CHUNK).map((e) => sql`(${e.id}::uuid, ${e.address}::jsonb)`),
    );
    await sql`update orders o set shipping_address = v.address from (values ${values}) as v(id, address) where o.id = v.id`.execute(
      tx,
    );
  }
}

/** Inserts the cases' rows; returns the id of the last event written. */
async function insertRows(tx: Tx, rows: CaseRows[]): Promise<number> {
  const insert = async <T>(items: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
  };
  await insert(
    rows.map((r) => r.case),
    (part) => tx.insertInto('cases').values(part).execute(),
  );
  await insert(
    rows.flatMap((r) => r.items),
    (part) => tx.insertInto('case_items').values(part).execute(),
  );
  await insert(
    rows.flatMap((r) => (r.decision ? [r.decision] : [])),
    (part) => tx.insertInto('decisions').values(part).execute(),
  );
  await insert(
    rows.flatMap((r) => (r.inspection ? [r.inspection] : [])),
    (part) => tx.insertInto('inspections').values(part).execute(),
  );
  const refunds = rows.flatMap((r) => (r.refund ? [r.refund] : []));
  await insert(refunds, (part) => tx.insertInto('refunds').values(part).execute());
  // What the refunds took out of each payment, as the refund step reserves it.
  const taken = new Map<string, number>();
  for (const r of refunds)
    if (r.payment_id) taken.set(r.payment_id, (taken.get(r.payment_id) ?? 0) + Number(r.amount_minor));
  await insert([...taken], (part) => {
    const values = sql.join(part.map(([id, amount]) => sql`(${id}::uuid, ${amount}::bigint)`));
    return sql`update payments p set refunded_minor = p.refunded_minor + v.amount from (values ${values}) as v(id, amount) where p.id = v.id`.execute(
      tx,
    );
  });
  await insert(
    rows.flatMap((r) => r.clocks),
    (part) => tx.insertInto('case_clocks').values(part).execute(),
  );
  await insert(
    rows.flatMap((r) => r.messages),
    (part) => tx.insertInto('messages').values(part).execute(),
  );
  await insert(
    rows.flatMap((r) => (r.survey ? [r.survey] : [])),
    (part) => tx.insertInto('surveys').values(part).execute(),
  );
  // In time order, so event ids follow the history as they would have.
  const time = (e: NewEvent) => new Date(e.created_at as string | Date).getTime();
  const events = rows.flatMap((r) => r.events).sort((a, b) => time(a) - time(b));
  let lastId = 0;
  await insert(events, async (part) => {
    const ids = await tx
      .insertInto('events')
      .values(part.map((e) => ({ ...e, data: JSON.stringify(e.data ?? {}) })))
      .returning('id')
      .execute();
    for (const { id } of ids) lastId = Math.max(lastId, Number(id));
  });
  return lastId;
}

async function moveNotifierPastHistory(ctx: Ctx, lastEventId: number) {
  await inSystem(ctx.db, async (tx) => {
    await tx
      .insertInto('job_cursors')
      .values({ name: NOTIFY_CURSOR, position: lastEventId })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({
          position: sql`greatest(job_cursors.position, excluded.position)`,
          updated_at: sql`now()`,
        }),
      )
      .execute();
  });
}
