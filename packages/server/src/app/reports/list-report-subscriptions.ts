import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';
import { toSubscriptionView } from './subscribe-to-reports.js';

/** Who receives the weekly report, oldest subscription first. */
export async function listReportSubscriptions(ctx: Ctx) {
  requireStaff(ctx, 'reports:manage');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.selectFrom('report_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute(),
  );
  return { items: rows.map(toSubscriptionView) };
}
