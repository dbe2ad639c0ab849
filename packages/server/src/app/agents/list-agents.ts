import { listAgents as selectAgents } from '../../db/repositories/agents.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/** Everyone who works cases, with their routing profile and how many open cases they hold. */
export async function listAgents(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  return { items: await inTenant(ctx.db, ctx.principal.tenantId, (tx) => selectAgents(tx)) };
}
