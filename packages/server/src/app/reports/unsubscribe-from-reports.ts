import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { requireStaff } from '../staff.js';

/** Removes a subscriber: the next reports are not mailed to that address. */
export async function unsubscribeFromReports(ctx: Ctx, id: string): Promise<void> {
  requireStaff(ctx, 'reports:manage');
  const deleted = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.deleteFrom('report_subscriptions').where('id', '=', id).executeTakeFirst(),
  );
  if (Number(deleted.numDeletedRows) === 0) throw notFound('The subscription');
}
