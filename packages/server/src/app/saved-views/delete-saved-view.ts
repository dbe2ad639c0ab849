import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { requireSignedInUser } from './saved-view.js';

/** Deletes one of the signed-in agent's views; a colleague's is not found. */
export async function deleteSavedView(ctx: Ctx, viewId: string): Promise<void> {
  const userId = requireSignedInUser(ctx);
  const deleted = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.deleteFrom('saved_views').where('id', '=', viewId).where('user_id', '=', userId).executeTakeFirst(),
  );
  if (deleted.numDeletedRows !== 1n) throw notFound('The saved view');
}
