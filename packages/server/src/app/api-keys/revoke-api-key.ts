import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { forgetApiKey } from '../auth/authenticate.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';

/**
 * Revokes an API key: it is refused from the next request on. Revoking a revoked key is a
 * no-op. Only signed-in admins manage keys (no key holds users:manage), so a key can never
 * revoke itself or another key.
 */
export async function revokeApiKey(ctx: Ctx, apiKeyId: string): Promise<void> {
  requirePermission(ctx, 'users:manage');
  const row = await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const revoked = await tx
      .updateTable('api_keys')
      .set({ revoked_at: sql`coalesce(revoked_at, ${ctx.clock()}::timestamptz)` })
      .where('id', '=', apiKeyId)
      .returning(['key_hash', 'name'])
      .executeTakeFirst();
    if (!revoked) throw notFound('The API key');
    await recordChange(tx, ctx, {
      stream: 'api_key',
      streamId: apiKeyId,
      type: 'api_key.revoked',
      data: { name: revoked.name },
    });
    return revoked;
  });
  forgetApiKey(row.key_hash);
}
