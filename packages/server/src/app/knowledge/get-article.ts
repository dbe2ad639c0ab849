import { findArticle } from '../../db/repositories/knowledge.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/** One article. A draft answers 404 to a customer, as if it did not exist. */
export async function getArticle(ctx: Ctx, articleId: string) {
  requirePermission(ctx, 'cases:read');
  const article = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => findArticle(tx, articleId));
  if (!article || (ctx.principal.kind === 'customer' && !article.published)) throw notFound('The article');
  return article;
}
