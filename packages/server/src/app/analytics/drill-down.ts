import type { CasesBehindView } from '@afterdesk/contract';
import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import type { Dimension } from './measures.js';
import { NO_STORE } from './rollup-facts.js';

export interface CasesBehindQuery {
  from: string;
  to: string;
  filters?: Partial<Record<Dimension, string[]>>;
  /** Default 50, at most 500. */
  limit?: number;
  cursor?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// The widest offsets between a store's day and UTC, so one index range holds every store's day.
const WIDEN = "interval '15 hours'";

/**
 * The cases behind an aggregate: those created in the period (each store's local days)
 * that match every filter, newest first, paged by cursor. Case dimensions (store, country,
 * channel, kind, team, agent) filter the case; product dimensions (category, SKU,
 * supplier, batch, reason) keep cases with at least one item matching all of them. Read
 * from the raw cases by their (tenant, store, created_at) index.
 */
export async function listCasesBehind(ctx: Ctx, q: CasesBehindQuery): Promise<CasesBehindView> {
  requirePermission(ctx, 'measures:read');
  if (!DAY.test(q.from) || !DAY.test(q.to) || !(q.from < q.to))
    throw invalid('The period is not valid.', [
      { field: '/to', message: 'from and to must be days, to after from.' },
    ]);
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const f = (d: Dimension) => {
    const values = q.filters?.[d];
    return values && values.length > 0 ? values : null;
  };
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const stores = await tx.selectFrom('stores').select(['id', 'code']).execute();
    const storeIds = f('store')?.map((code) => {
      const id = code === '' ? NO_STORE : stores.find((s) => s.code === code)?.id;
      if (!id)
        throw invalid('Unknown store.', [
          { field: '/filters/store', message: `No store has the code ${code}.` },
        ]);
      return id;
    });
    const productFilter = (['category', 'sku', 'supplier', 'batch', 'reason'] as const).some((d) => f(d));
    const itemMatch = sql`exists (select 1 from case_items i join order_lines l on l.id = i.order_line_id
      where i.case_id = c.id
        ${f('category') ? sql`and coalesce(l.category, '') = any(${f('category')}::text[])` : sql``}
        ${f('sku') ? sql`and i.sku = any(${f('sku')}::text[])` : sql``}
        ${f('supplier') ? sql`and coalesce(l.attributes->>'supplier', '') = any(${f('supplier')}::text[])` : sql``}
        ${f('batch') ? sql`and coalesce(l.attributes->>'batch', '') = any(${f('batch')}::text[])` : sql``}
        ${f('reason') ? sql`and i.reason_code = any(${f('reason')}::text[])` : sql``})`;
    const rows = await sql<{
      id: string;
      number: string | number;
      kind: string;
      status: string;
      channel: string;
      store_id: string;
      country: string;
      team: string;
      agent: string;
      created_at: Date | string;
      closed_at: Date | string | null;
      items: unknown;
    }>`
      select c.id, c.number, c.kind, c.status, c.channel, coalesce(c.store_id, ${NO_STORE}::uuid)::text as store_id,
             x.country, coalesce(c.team_id::text, '') as team, coalesce(c.assignee_id::text, '') as agent,
             c.created_at, c.closed_at,
             coalesce((select json_agg(json_build_object('sku', i.sku, 'category', coalesce(l.category, ''),
                        'supplier', coalesce(l.attributes->>'supplier', ''), 'batch', coalesce(l.attributes->>'batch', ''),
                        'reason', i.reason_code, 'quantity', i.quantity) order by i.id)
                         from case_items i join order_lines l on l.id = i.order_line_id where i.case_id = c.id), '[]') as items
        from cases c
        join customers cu on cu.id = c.customer_id
        left join orders o on o.id = c.order_id
        left join stores st on st.id = c.store_id
        cross join lateral (select coalesce(nullif(o.shipping_address->>'country', ''), cu.country::text, st.country::text, '')
                              as country) x
       where c.created_at >= ${q.from}::timestamp at time zone 'UTC' - ${sql.raw(WIDEN)}
         and c.created_at < ${q.to}::timestamp at time zone 'UTC' + ${sql.raw(WIDEN)}
         and c.created_at >= ${q.from}::timestamp at time zone coalesce(st.time_zone, 'UTC')
         and c.created_at < ${q.to}::timestamp at time zone coalesce(st.time_zone, 'UTC')
         ${storeIds ? sql`and coalesce(c.store_id, ${NO_STORE}::uuid) = any(${storeIds}::uuid[])` : sql``}
         ${f('country') ? sql`and x.country = any(${f('country')}::text[])` : sql``}
         ${f('channel') ? sql`and c.channel = any(${f('channel')}::text[])` : sql``}
         ${f('kind') ? sql`and c.kind = any(${f('kind')}::text[])` : sql``}
         ${f('team') ? sql`and coalesce(c.team_id::text, '') = any(${f('team')}::text[])` : sql``}
         ${f('agent') ? sql`and coalesce(c.assignee_id::text, '') = any(${f('agent')}::text[])` : sql``}
         ${productFilter ? sql`and ${itemMatch}` : sql``}
         ${after ? sql`and (c.created_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
       order by c.created_at desc, c.id desc
       limit ${limit + 1}`.execute(tx);
    const page = rows.rows.slice(0, limit);
    const codeOf = new Map(stores.map((s) => [s.id, s.code]));
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        number: Number(r.number),
        kind: r.kind,
        status: r.status,
        channel: r.channel,
        store: codeOf.get(r.store_id) ?? '',
        country: r.country,
        team: r.team,
        agent: r.agent,
        createdAt: new Date(r.created_at).toISOString(),
        closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
        items: (typeof r.items === 'string'
          ? JSON.parse(r.items)
          : r.items) as CasesBehindView['items'][number]['items'],
      })),
      nextCursor:
        rows.rows.length > limit && last
          ? Buffer.from(`${new Date(last.created_at).toISOString()}|${last.id}`).toString('base64url')
          : null,
    };
  });
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
    throw invalid('The cursor is not valid.', [
      { field: '/cursor', message: 'Use nextCursor from the previous page.' },
    ]);
  return { at, id };
}
