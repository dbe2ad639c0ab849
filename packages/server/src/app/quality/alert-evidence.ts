import { sql } from 'kysely';
import type { AlertComment } from '../../db/schema-quality.js';
import type { Tx } from '../../db/scope.js';
import { type Dimension, queryMeasures } from '../analytics/measures.js';
import type { Ctx } from '../context.js';

const COMMENT_CHARS = 280;

type Period = { from: string; to: string };
export type AlertSubjectType = 'sku' | 'batch' | 'supplier' | 'category';

/** The reasons behind a subject's returned units in the window, most frequent first. */
export async function topReturnReasons(
  ctx: Ctx,
  period: Period,
  type: AlertSubjectType,
  subject: string,
  limit = 3,
) {
  const { rows } = await queryMeasures(ctx, {
    ...period,
    filters: { [type]: [subject] } as Partial<Record<Dimension, string[]>>,
    groupBy: ['reason'],
    measures: ['units_returned'],
  });
  return rows
    .map((r) => ({ reason: r.key.reason ?? '', count: Number(r.values.units_returned ?? 0) }))
    .filter((r) => r.reason !== '' && r.count > 0)
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, limit);
}

/** The SKUs a subject's comments are read from: itself, or its most returned SKUs. */
export async function skusOf(
  ctx: Ctx,
  period: Period,
  type: AlertSubjectType,
  subject: string,
): Promise<string[]> {
  if (type === 'sku') return [subject];
  const { rows } = await queryMeasures(ctx, {
    ...period,
    filters: { [type]: [subject] } as Partial<Record<Dimension, string[]>>,
    groupBy: ['sku'],
    measures: ['units_returned'],
  });
  return rows
    .filter((r) => r.key.sku)
    .sort((a, b) => Number(b.values.units_returned ?? 0) - Number(a.values.units_returned ?? 0))
    .slice(0, 3)
    .map((r) => r.key.sku as string);
}

/**
 * A few of the customers' own words about these SKUs in the window: what they wrote on the
 * returned items, their first messages on those cases, and their review comments. Each read
 * starts from an index (case items by SKU, reviews by time) and stops at a small limit.
 */
export async function sampleComments(tx: Tx, tenantId: string, skus: string[], period: Period, limit = 5) {
  if (skus.length === 0) return [];
  const from = new Date(`${period.from}T00:00:00Z`);
  const to = new Date(`${period.to}T00:00:00Z`);
  const items = await sql<{ text: string; at: Date; case_id: string }>`
    select ci.description as text, c.created_at as at, c.id as case_id
      from case_items ci join cases c on c.id = ci.case_id
     where ci.tenant_id = ${tenantId} and ci.sku in (${sql.join(skus)})
       and c.created_at >= ${from} and c.created_at < ${to}
     order by c.created_at desc limit 20`.execute(tx);
  const caseIds = [...new Set(items.rows.map((r) => r.case_id))].slice(0, 10);
  const messages =
    caseIds.length === 0
      ? { rows: [] }
      : await sql<{ text: string; at: Date }>`
          select m.body as text, m.created_at as at from messages m
           where m.case_id in (${sql.join(caseIds)}) and m.direction = 'inbound' and m.body <> ''
           order by m.created_at limit ${limit}`.execute(tx);
  const reviews = await sql<{ text: string; at: Date }>`
    select r.comment as text, r.reviewed_at as at
      from order_reviews r
     where r.tenant_id = ${tenantId} and r.reviewed_at >= ${from} and r.reviewed_at < ${to}
       and r.comment is not null and r.comment <> '' and r.score <= 3
       and exists (select 1 from order_lines l where l.order_id = r.order_id and l.sku in (${sql.join(skus)}))
     order by r.score, r.reviewed_at desc limit ${limit}`.execute(tx);
  const comments: AlertComment[] = [];
  const seen = new Set<string>();
  const add = (source: AlertComment['source'], text: string | null, at: Date) => {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    if (clean === '' || seen.has(clean)) return;
    seen.add(clean);
    comments.push({
      source,
      text: clean.length > COMMENT_CHARS ? `${clean.slice(0, COMMENT_CHARS - 1)}…` : clean,
      at: new Date(at).toISOString(),
    });
  };
  // Interleaved, so one source cannot crowd out the others.
  const lists: Array<[AlertComment['source'], Array<{ text: string | null; at: Date }>]> = [
    ['case', items.rows],
    ['message', messages.rows],
    ['review', reviews.rows],
  ];
  for (let i = 0; comments.length < limit && lists.some(([, rows]) => i < rows.length); i++)
    for (const [source, rows] of lists) {
      const row = rows[i];
      if (row && comments.length < limit) add(source, row.text, row.at);
    }
  return comments;
}
