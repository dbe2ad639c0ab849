import { listMacros as selectMacros } from '../../db/repositories/macros.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/** The tenant's macros by name, every language variant included. */
export async function listMacros(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  return { items: await inTenant(ctx.db, ctx.principal.tenantId, (tx) => selectMacros(tx)) };
}
