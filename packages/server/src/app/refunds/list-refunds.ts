import type { Refund } from '@afterdesk/contract';
import type { RefundStatus } from '../../db/schema.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { requireStaff } from '../staff.js';
import { toRefundView } from './refund-view.js';

const STATUSES: readonly RefundStatus[] = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'held',
  'awaiting_transfer',
  'cancelled',
];
/** What an agent must act on: anomalies, refunds the job gave up on, and transfers to make. */
const NEEDS_AN_AGENT: RefundStatus[] = ['held', 'failed', 'awaiting_transfer'];

/** The refunds queue of the console, oldest first, or one case's refunds. */
export async function listRefunds(
  ctx: Ctx,
  query: { status?: string | undefined; caseId?: string | undefined; limit?: number | undefined },
): Promise<{ items: Refund[] }> {
  requireStaff(ctx, 'cases:read');
  const statuses = query.status ? query.status.split(',') : query.caseId ? [...STATUSES] : NEEDS_AN_AGENT;
  const unknown = statuses.filter((s) => !STATUSES.includes(s as RefundStatus));
  if (unknown.length > 0) {
    throw invalid(`Unknown refund status ${unknown.join(', ')}.`, [
      { field: '/status', message: `one of ${STATUSES.join(', ')}` },
    ]);
  }
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => {
    let select = tx
      .selectFrom('refunds')
      .selectAll()
      .where('status', 'in', statuses as RefundStatus[]);
    if (query.caseId) select = select.where('case_id', '=', query.caseId);
    return select
      .orderBy('created_at')
      .orderBy('id')
      .limit(query.limit ?? 50)
      .execute();
  });
  return { items: rows.map(toRefundView) };
}
