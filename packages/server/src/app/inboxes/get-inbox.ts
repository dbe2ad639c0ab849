import { findInbox } from '../../db/repositories/inboxes.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { requireStaff } from '../staff.js';

export async function getInbox(ctx: Ctx, inboxId: string) {
  requireStaff(ctx, 'cases:read');
  const inbox = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => findInbox(tx, inboxId));
  if (!inbox) throw notFound('The inbox');
  return inbox;
}
