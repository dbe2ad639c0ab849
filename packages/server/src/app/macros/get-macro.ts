import { findMacro } from '../../db/repositories/macros.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { requireStaff } from '../staff.js';

export async function getMacro(ctx: Ctx, macroId: string) {
  requireStaff(ctx, 'cases:read');
  const macro = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => findMacro(tx, macroId));
  if (!macro) throw notFound('The macro');
  return macro;
}
