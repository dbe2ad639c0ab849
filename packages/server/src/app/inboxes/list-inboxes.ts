import { listInboxes as selectInboxes } from '../../db/repositories/inboxes.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/** Where the tenant's customers write to: e-mail addresses, chat widgets, web forms. */
export async function listInboxes(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  return { items: await inTenant(ctx.db, ctx.principal.tenantId, (tx) => selectInboxes(tx)) };
}
