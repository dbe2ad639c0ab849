import type { CaseListQuery } from '@afterdesk/contract';
import { type CaseListCursor, listCases as findCases } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { toCaseSummary } from './case-view.js';

type Sort = 'newest' | 'sla';

/** Cases newest first (or by SLA due time) with filters; `nextCursor` continues where a page ended. */
export async function listCases(ctx: Ctx, query: CaseListQuery) {
  requirePermission(ctx, 'cases:read');
  const sort: Sort = query.sort ?? 'newest';
  const after = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
  const own = ctx.principal.kind === 'customer' ? { customerId: ctx.principal.customerId } : {};
  const { status, assignee, cursor: _cursor, sort: _sort, ...filters } = query;
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    findCases(tx, {
      ...filters,
      ...own,
      statuses: status?.split(','),
      assigneeId: assigneeOf(ctx, assignee),
      sort,
      after,
      limit: query.limit + 1,
    }),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toCaseSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor(sort, last) : null,
  };
}

// 'me' names the signed-in agent; an API key or a customer is nobody's assignee.
function assigneeOf(ctx: Ctx, assignee: string | undefined): string | null | undefined {
  if (assignee === undefined) return undefined;
  if (assignee === 'none') return null;
  if (assignee !== 'me') return assignee;
  if (ctx.principal.kind !== 'user')
    throw invalid('Only a signed-in agent has cases of their own.', [
      { field: '/assignee', message: 'use an agent id or none' },
    ]);
  return ctx.principal.userId;
}

function encodeCursor(sort: Sort, row: { created_at: Date; id: string; sla_due_at: Date | null }): string {
  const key: unknown[] = [row.created_at.toISOString(), row.id];
  if (sort === 'sla') key.push(row.sla_due_at ? row.sla_due_at.toISOString() : null);
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

// A cursor only continues the order it was given out for: the SLA order's carries a third key.
function decodeCursor(cursor: string, sort: Sort): CaseListCursor {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const [createdAt, id, slaDueAt] = key;
    if (
      Array.isArray(key) &&
      key.length === (sort === 'sla' ? 3 : 2) &&
      isInstant(createdAt) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id) &&
      (sort === 'newest' || slaDueAt === null || isInstant(slaDueAt))
    ) {
      return sort === 'sla' ? { createdAt, id, slaDueAt: slaDueAt as string | null } : { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('The cursor is not one this API gave out.', [
    { field: '/cursor', message: 'Unknown cursor (or one of another sort).' },
  ]);
}
