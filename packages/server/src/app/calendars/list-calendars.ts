import { listCalendars as selectCalendars } from '../../db/repositories/calendars.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/** The tenant's business calendars by name, each with the stores that use it. */
export async function listCalendars(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  return { items: await inTenant(ctx.db, ctx.principal.tenantId, (tx) => selectCalendars(tx)) };
}
