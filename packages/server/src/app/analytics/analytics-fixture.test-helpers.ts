import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inSystem } from '../../db/scope.js';
import type { TestApp } from '../../testing/harness.test-helpers.js';

type AnyDb = Kysely<any>;

/**
 * Writes raw rows as the rest of Afterdesk would have written them, with the times the
 * measures depend on chosen by the test, plus the event that names their case or order
 * (which is what the roll-up job reads). Every table the measures read is reachable.
 */
export function rawWriter(app: Pick<TestApp, 'services'>, tenantId: string) {
  const db = app.services.db;
  const put = (table: string, row: Record<string, unknown>) =>
    inSystem(db, (tx) =>
      (tx as AnyDb)
        .insertInto(table)
        .values({ tenant_id: tenantId, ...row })
        .execute(),
    );
  const event = (stream: 'case' | 'order', streamId: string, type: string, at: string, actor = 'system') =>
    put('events', { stream, stream_id: streamId, type, actor_type: actor, data: '{}', created_at: at });

  return {
    put,
    event,
    async storeId(code: string): Promise<string> {
      const s = await db
        .selectFrom('stores')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      return s.id;
    },
    async customer(country: string | null = null): Promise<string> {
      const id = randomUUID();
      await put('customers', { id, external_id: id, email: `${id}@example.com`, country });
      return id;
    },
    async team(name: string): Promise<string> {
      const id = randomUUID();
      await put('teams', { id, name });
      return id;
    },
    async agent(teamId: string): Promise<string> {
      const id = randomUUID();
      await put('users', {
        id,
        email: `${id}@example.com`,
        name: 'Agent',
        role: 'agent',
        password_hash: 'x',
        team_id: teamId,
      });
      return id;
    },
    /** An order with lines [sku, category, quantity, attributes?]; its ids come back by position. */
    async order(o: {
      storeId: string;
      customerId: string;
      placedAt: string;
      deliveredAt?: string | null;
      country?: string;
      currency?: string;
      creditNote?: boolean;
      lines: Array<[sku: string, category: string, quantity: number, attributes?: Record<string, string>]>;
    }): Promise<{ id: string; lines: string[] }> {
      const id = randomUUID();
      await put('orders', {
        id,
        store_id: o.storeId,
        customer_id: o.customerId,
        external_id: id,
        number: `#${id.slice(0, 8)}`,
        status: 'fulfilled',
        placed_at: o.placedAt,
        currency: o.currency ?? 'EUR',
        total_minor: 10_000,
        delivered_at: o.deliveredAt ?? null,
        credit_note: o.creditNote ?? false,
        shipping_address: o.country
          ? JSON.stringify({ name: 'N', line1: 'L', city: 'C', postalCode: '1', country: o.country })
          : null,
      });
      const lines: string[] = [];
      for (const [i, [sku, category, quantity, attributes]] of o.lines.entries()) {
        const lineId = randomUUID();
        lines.push(lineId);
        await put('order_lines', {
          id: lineId,
          order_id: id,
          external_id: `L${i}`,
          position: i,
          sku,
          title: sku,
          category,
          attributes: JSON.stringify(attributes ?? {}),
          quantity,
          unit_price_minor: 1000,
        });
      }
      await event('order', id, 'order.imported', o.placedAt);
      return { id, lines };
    },
    /** The order now ships to another country, as an address change records it. */
    async shipTo(orderId: string, country: string, at: string): Promise<void> {
      await inSystem(db, (tx) =>
        tx
          .updateTable('orders')
          .set({
            shipping_address: JSON.stringify({ name: 'N', line1: 'L', city: 'C', postalCode: '1', country }),
          })
          .where('id', '=', orderId)
          .execute(),
      );
      await event('order', orderId, 'order.address_changed', at, 'customer');
    },
    async case_(c: {
      kind: string;
      status: string;
      storeId: string | null;
      customerId: string;
      orderId?: string | null;
      channel: string;
      createdAt: string;
      teamId?: string | null;
      agentId?: string | null;
      items?: Array<{
        lineId: string;
        sku: string;
        quantity: number;
        reason: string;
        refundableMinor?: number;
      }>;
    }): Promise<string> {
      const id = randomUUID();
      await put('cases', {
        id,
        kind: c.kind,
        status: c.status,
        store_id: c.storeId,
        customer_id: c.customerId,
        order_id: c.orderId ?? null,
        language: 'en',
        channel: c.channel,
        category: 'after_sales',
        created_by_type: 'customer',
        created_at: c.createdAt,
        team_id: c.teamId ?? null,
        assignee_id: c.agentId ?? null,
      });
      for (const item of c.items ?? [])
        await put('case_items', {
          id: randomUUID(),
          case_id: id,
          order_line_id: item.lineId,
          sku: item.sku,
          quantity: item.quantity,
          reason_code: item.reason,
          refundable_minor: item.refundableMinor ?? 0,
        });
      await event('case', id, 'case.submitted', c.createdAt, 'customer');
      return id;
    },
    async refund(r: {
      caseId?: string | null;
      orderId?: string | null;
      amountMinor: number;
      currency: string;
      settledAt: string;
      loggedAt?: string;
    }): Promise<string> {
      const id = randomUUID();
      await put('refunds', {
        id,
        case_id: r.caseId ?? null,
        order_id: r.orderId ?? null,
        amount_minor: r.amountMinor,
        currency: r.currency,
        method: 'manual',
        provider: 'manual',
        status: 'succeeded',
        idempotency_key: id,
        settled_at: r.settledAt,
      });
      if (r.caseId) await event('case', r.caseId, 'refund.succeeded', r.loggedAt ?? r.settledAt);
      else if (r.orderId) await event('order', r.orderId, 'refund.succeeded', r.loggedAt ?? r.settledAt);
      return id;
    },
    clock: (k: {
      caseId: string;
      metric: 'first_response' | 'next_response' | 'resolution';
      state: 'hit' | 'missed';
      startedAt: string;
      completedAt?: string | null;
      breachedAt?: string | null;
    }) =>
      put('case_clocks', {
        case_id: k.caseId,
        metric: k.metric,
        cycle: 1,
        state: k.state,
        target: '{}',
        rule: 'test',
        started_at: k.startedAt,
        budget_minutes: 60,
        completed_at: k.completedAt ?? null,
        breached_at: k.breachedAt ?? null,
      }),
    survey: (s: {
      caseId: string;
      agentId: string | null;
      score: number | null;
      answeredAt: string | null;
    }) =>
      put('surveys', {
        id: randomUUID(),
        case_id: s.caseId,
        agent_id: s.agentId,
        token_hash: randomUUID(),
        language: 'en',
        score: s.score,
        answered_at: s.answeredAt,
      }),
    message: (m: {
      caseId: string;
      customerId: string;
      seq: number;
      direction: 'inbound' | 'outbound';
      sentiment: number | null;
      at: string;
    }) =>
      put('messages', {
        id: randomUUID(),
        case_id: m.caseId,
        customer_id: m.customerId,
        seq: m.seq,
        direction: m.direction,
        channel: 'email',
        author_type: m.direction === 'inbound' ? 'customer' : 'agent',
        body: 'text',
        sentiment: m.sentiment,
        created_at: m.at,
      }),
    review: (v: { orderId: string; score: number; sentiment: number | null; reviewedAt: string }) =>
      put('order_reviews', {
        id: randomUUID(),
        order_id: v.orderId,
        external_id: randomUUID(),
        score: v.score,
        comment: 'comment',
        sentiment: v.sentiment,
        reviewed_at: v.reviewedAt,
      }),
  };
}
export type RawWriter = ReturnType<typeof rawWriter>;
