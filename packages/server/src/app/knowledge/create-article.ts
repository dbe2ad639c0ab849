import { randomUUID } from 'node:crypto';
import type { KnowledgeArticleInput } from '@afterdesk/contract';
import { findArticleOrThrow, insertArticle } from '../../db/repositories/knowledge.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { articleEventData } from './article-events.js';
import { checkArticleInput } from './article-input.js';

/** Adds a help article in one language; published at once unless `published: false`. */
export async function createArticle(ctx: Ctx, input: KnowledgeArticleInput) {
  requireStaff(ctx, 'helpdesk:manage');
  const article = checkArticleInput(input);
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  return inTenant(ctx.db, tenantId, async (tx) => {
    await insertArticle(tx, { ...article, id, tenantId });
    await recordChange(tx, ctx, {
      stream: 'knowledge_article',
      streamId: id,
      type: 'knowledge_article.created',
      data: articleEventData(article),
    });
    return findArticleOrThrow(tx, id);
  });
}
