import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';
import { toReportView } from './report-view.js';

/** The tenant's stored reports, newest period first. */
export async function listReports(ctx: Ctx, query: { limit?: number } = {}) {
  requireStaff(ctx, 'measures:read');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx
      .selectFrom('quality_reports')
      .selectAll()
      .orderBy('period_from', 'desc')
      .orderBy('period_to', 'desc')
      .limit(query.limit ?? 50)
      .execute(),
  );
  return { items: rows.map(toReportView) };
}
