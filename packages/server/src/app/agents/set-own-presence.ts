import type { Presence } from '@afterdesk/contract';
import { findAgentOrThrow, updateAgentProfile } from '../../db/repositories/agents.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { forbidden } from '../errors.js';
import { recordChange } from '../record-change.js';

/**
 * An agent says whether they are taking cases. Anyone signed in may set their own; setting
 * somebody else's is a profile change (`updateAgentProfile`, for managers).
 */
export async function setOwnPresence(ctx: Ctx, presence: Presence) {
  requirePermission(ctx, 'cases:read');
  const principal = ctx.principal;
  if (principal.kind !== 'user') throw forbidden('Only a signed-in agent has a presence.');
  return inTenant(ctx.db, principal.tenantId, async (tx) => {
    await updateAgentProfile(tx, principal.userId, { presence });
    await recordChange(tx, ctx, {
      stream: 'user',
      streamId: principal.userId,
      type: 'agent.presence_changed',
      data: { presence },
    });
    return findAgentOrThrow(tx, principal.userId);
  });
}
