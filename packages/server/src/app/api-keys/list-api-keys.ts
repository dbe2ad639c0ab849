import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { toApiKeyView } from './api-key-view.js';

/** The tenant's API keys, revoked ones included, newest first. */
export async function listApiKeys(ctx: Ctx) {
  requirePermission(ctx, 'users:manage');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx
      .selectFrom('api_keys')
      .select(['id', 'name', 'prefix', 'created_at', 'revoked_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute(),
  );
  return { items: rows.map(toApiKeyView) };
}
