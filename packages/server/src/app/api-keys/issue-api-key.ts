import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { trimmedName } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { insertApiKey } from '../tenants/create-api-key.js';
import { toApiKeyView } from './api-key-view.js';

/** A new API key for one of the shop's systems; the answer is the only time the key is shown. */
export async function issueApiKey(ctx: Ctx, input: { name: string }) {
  requirePermission(ctx, 'users:manage');
  const name = trimmedName(input.name);
  const tenantId = ctx.principal.tenantId;
  const created = await inTenant(ctx.db, tenantId, async (tx) => {
    const key = await insertApiKey(tx, tenantId, name);
    await recordChange(tx, ctx, {
      stream: 'api_key',
      streamId: key.id,
      type: 'api_key.created',
      data: { name, prefix: key.prefix },
    });
    return key;
  });
  return { ...toApiKeyView(created), key: created.key };
}
