import { listTeams as selectTeams } from '../../db/repositories/teams.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/** The tenant's teams by name, with how many active agents each has. */
export async function listTeams(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  return { items: await inTenant(ctx.db, ctx.principal.tenantId, (tx) => selectTeams(tx)) };
}
