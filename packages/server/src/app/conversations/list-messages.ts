import { listCaseMessages } from '../../db/repositories/messages.repository.js';
import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { forCustomer, toMessageView } from './message-view.js';

/**
 * A case's conversation after a sequence number, oldest first: what a reconnecting chat
 * resumes from. Customers never see internal notes.
 */
export async function listMessages(ctx: Ctx, caseId: string, query: { after: number; limit: number }) {
  requirePermission(ctx, 'cases:read');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const owner = await tx
      .selectFrom('cases')
      .select('customer_id')
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!owner) throw notFound('The case');
    requireOwnership(ctx, owner.customer_id, 'The case');
    const rows = await listCaseMessages(tx, caseId, {
      ...query,
      withNotes: ctx.principal.kind !== 'customer',
    });
    const views = rows.map(toMessageView);
    return ctx.principal.kind === 'customer' ? views.map(forCustomer) : views;
  });
}
