import type { CaseListQuery } from '@afterdesk/contract';
import { listCases as findCases } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { toCaseSummary } from './case-view.js';

/** Cases newest first with filters; `nextCursor` continues where a page ended. */
export async function listCases(ctx: Ctx, query: CaseListQuery) {
  requirePermission(ctx, 'cases:read');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const own = ctx.principal.kind === 'customer' ? { customerId: ctx.principal.customerId } : {};
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    findCases(tx, { ...query, ...own, after, limit: query.limit + 1 }),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toCaseSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('The cursor is not one this API gave out.', [
    { field: '/cursor', message: 'Unknown cursor.' },
  ]);
}
