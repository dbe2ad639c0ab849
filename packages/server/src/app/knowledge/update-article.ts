import type { KnowledgeArticleInput } from '@afterdesk/contract';
import {
  findArticleOrThrow,
  updateArticle as writeArticle,
} from '../../db/repositories/knowledge.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { articleEventData } from './article-events.js';
import { checkArticleInput } from './article-input.js';

/**
 * Replaces an article whole: a field left out takes its default (no intents, published),
 * so what is sent is what customers get.
 */
export async function updateArticle(ctx: Ctx, articleId: string, input: KnowledgeArticleInput) {
  requireStaff(ctx, 'helpdesk:manage');
  const article = checkArticleInput(input);
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    if (!(await writeArticle(tx, articleId, article))) throw notFound('The article');
    await recordChange(tx, ctx, {
      stream: 'knowledge_article',
      streamId: articleId,
      type: 'knowledge_article.updated',
      data: articleEventData(article),
    });
    return findArticleOrThrow(tx, articleId);
  });
}
