import { validatePolicy } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { currentPolicy, insertPolicy } from '../../db/repositories/policies.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { AppError, invalid } from '../errors.js';

/**
 * Publishes a new version of the tenant's policy. Versions are never edited, so every
 * stored decision can still be explained by the version it names.
 */
export async function publishPolicy(ctx: Ctx, document: unknown, basedOnVersion?: number) {
  requirePermission(ctx, 'policies:write');
  const checked = validatePolicy(document);
  if (!checked.ok) throw invalid('The policy document is not valid.', checked.errors);
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const current = await currentPolicy(tx);
    const version = (current?.version ?? 0) + 1;
    if (basedOnVersion !== undefined && current && current.version !== basedOnVersion) {
      throw new AppError(
        'version_conflict',
        `The policy is at version ${current.version}, not ${basedOnVersion}.`,
      );
    }
    try {
      await insertPolicy(tx, tenantId, version, checked.value, actorOf(ctx.principal).id);
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new AppError('version_conflict', 'Another version was published at the same time.');
      throw error;
    }
    const actor = actorOf(ctx.principal);
    await appendEvents(tx, [
      {
        tenant_id: tenantId,
        stream: 'policy',
        stream_id: tenantId,
        type: 'policy.published',
        actor_type: actor.type,
        actor_id: actor.id,
        reason: null,
        data: { version },
      },
    ]);
    return { version, document: checked.value };
  });
}
