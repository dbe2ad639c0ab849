import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';
import { loadHelpDeskSettings } from './help-desk-settings.js';

/** The tenant's help-desk settings, defaults filled in. */
export async function getHelpDeskSettings(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  return inTenant(ctx.db, ctx.principal.tenantId, (tx) => loadHelpDeskSettings(tx));
}
