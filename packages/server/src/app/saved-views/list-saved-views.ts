import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireSignedInUser, toSavedView } from './saved-view.js';

/** The signed-in agent's own saved inbox views, in the order they were saved. */
export async function listSavedViews(ctx: Ctx) {
  const userId = requireSignedInUser(ctx);
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx
      .selectFrom('saved_views')
      .select(['id', 'name', 'filters', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  );
  return { items: rows.map(toSavedView) };
}
