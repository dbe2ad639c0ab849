import { deleteArticle as removeArticle } from '../../db/repositories/knowledge.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';

/** Deletes an article; answers already sent from it keep their text. */
export async function deleteArticle(ctx: Ctx, articleId: string): Promise<void> {
  requireStaff(ctx, 'helpdesk:manage');
  await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const title = await removeArticle(tx, articleId);
    if (title === undefined) throw notFound('The article');
    await recordChange(tx, ctx, {
      stream: 'knowledge_article',
      streamId: articleId,
      type: 'knowledge_article.deleted',
      data: { title },
    });
  });
}
