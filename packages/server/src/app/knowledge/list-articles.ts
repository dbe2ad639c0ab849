import type { KnowledgeArticleListQuery } from '@afterdesk/contract';
import {
  type ListPosition,
  listArticles as selectArticles,
} from '../../db/repositories/knowledge.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';

/**
 * Articles newest first, filtered by language, intent and (for staff) published or draft;
 * `nextCursor` continues where a page ended. Customers get published articles only.
 */
export async function listArticles(ctx: Ctx, query: KnowledgeArticleListQuery) {
  requirePermission(ctx, 'cases:read');
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const published = ctx.principal.kind === 'customer' ? true : query.published;
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    selectArticles(tx, {
      language: query.language,
      intent: query.intent,
      published,
      after,
      limit: limit + 1,
    }),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => row.article),
    nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
  };
}

function encodeCursor({ createdAt, id }: ListPosition): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): ListPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
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
