import type { KnowledgeSearchQuery, KnowledgeSearchResult } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { searchKnowledgeRecords } from './knowledge-index.js';

/**
 * Searches the published articles as the self-service answers do, so staff see what a
 * customer would be shown; drafts are never found.
 */
export async function searchArticles(ctx: Ctx, query: KnowledgeSearchQuery): Promise<KnowledgeSearchResult> {
  requirePermission(ctx, 'cases:read');
  const tenantId = ctx.principal.tenantId;
  const found = await inTenant(ctx.db, tenantId, (tx) =>
    searchKnowledgeRecords(tx, tenantId, query.q, {
      language: query.language,
      intent: query.intent,
      limit: query.limit ?? 5,
    }),
  );
  return {
    hits: found.map(({ hit, record }) => ({ article: record, score: hit.score, matched: hit.matched })),
  };
}
