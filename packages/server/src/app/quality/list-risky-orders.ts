import type { RiskOrdersQuery } from '@afterdesk/contract';
import { assessOrderRisk, orderValueThresholdMinor } from '@afterdesk/core';
import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { loadRiskThresholds } from './risk-settings.js';
import { checkPeriod } from './weeks.js';

/**
 * Orders placed in the period that deserve a proactive check (R-13.2): a total above the
 * threshold of their currency, or a customer with enough complaints or disputes filed
 * before the order was placed. Read in placing order by the orders' (tenant, placed_at)
 * index, a page at a time; the complaints of each customer by the cases' customer index.
 */
export async function listRiskyOrders(ctx: Ctx, query: RiskOrdersQuery) {
  requirePermission(ctx, 'measures:read');
  const { to } = checkPeriod(query);
  const limit = query.limit ?? 100;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const t = await loadRiskThresholds(tx);
    const currencies = await tx.selectFrom('stores').select('currency').distinct().execute();
    const others = Math.round(t.orderValue * 100);
    const threshold =
      currencies.length === 0
        ? sql<number>`${others}`
        : sql<number>`case o.currency ${sql.join(
            currencies.map(
              (c) => sql`when ${c.currency} then ${orderValueThresholdMinor(c.currency, t)}::bigint`,
            ),
            sql` `,
          )} else ${others}::bigint end`;
    const { rows } = await sql<{
      id: string;
      number: string;
      placed_at: Date;
      total_minor: string | number;
      currency: string;
      customer_id: string;
      past_complaints: number;
    }>`
      select o.id, o.number, o.placed_at, o.total_minor, o.currency, o.customer_id, pc.n as past_complaints
        from orders o
        cross join lateral (
          select count(*)::int as n from cases k
           where k.tenant_id = ${tenantId} and k.customer_id = o.customer_id
             and k.kind in ('complaint', 'dispute') and k.created_at < o.placed_at) pc
       where o.tenant_id = ${tenantId} and not o.credit_note
         and o.placed_at >= ${new Date(`${query.from}T00:00:00Z`)} and o.placed_at < ${new Date(`${to}T00:00:00Z`)}
         ${after ? sql`and (o.placed_at, o.id) > (${new Date(after.placedAt)}, ${after.id})` : sql``}
         and (o.total_minor > ${threshold} or pc.n >= ${t.pastComplaints})
       order by o.placed_at, o.id
       limit ${limit + 1}`.execute(tx);
    const items = rows.slice(0, limit).map((r) => {
      const risk = assessOrderRisk(
        {
          totalMinor: Number(r.total_minor),
          currency: r.currency.trim(),
          pastComplaints: Number(r.past_complaints),
        },
        t,
      );
      return {
        orderId: r.id,
        number: r.number,
        placedAt: new Date(r.placed_at).toISOString(),
        totalMinor: Number(r.total_minor),
        currency: r.currency.trim(),
        customerId: r.customer_id,
        pastComplaints: Number(r.past_complaints),
        reasons: risk.reasons,
      };
    });
    const last = rows.length > limit ? items.at(-1) : undefined;
    return {
      from: query.from,
      to,
      items,
      nextCursor: last
        ? Buffer.from(JSON.stringify([last.placedAt, last.orderId])).toString('base64url')
        : null,
    };
  });
}

function decodeCursor(cursor: string): { placedAt: string; id: string } {
  try {
    const [placedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof placedAt === 'string' &&
      !Number.isNaN(Date.parse(placedAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { placedAt, id };
  } catch {
    // fall through to the error below
  }
  throw invalid('The cursor is not one this API gave out.', [
    { field: '/cursor', message: 'Unknown cursor.' },
  ]);
}
