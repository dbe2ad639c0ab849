import type { Refund } from '@afterdesk/contract';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { RefundStatus } from '../../db/schema.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { actorOf, type Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { requireStaff } from '../staff.js';
import { toRefundView } from './refund-view.js';
import type { RefundRow } from './request-refund.js';

/**
 * An agent's step on a refund that waits for a person (record a transfer, retry, release
 * a held amount, cancel): the refund is locked, must be in one of `from`, and the step's
 * result is logged on the case (or order) as `refund.<event>`.
 */
export async function changeRefund(
  ctx: Ctx,
  refundId: string,
  from: readonly RefundStatus[],
  event: string,
  step: (tx: Tx, row: RefundRow) => Promise<RefundRow>,
): Promise<Refund> {
  requireStaff(ctx, 'refunds:create');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx
      .selectFrom('refunds')
      .selectAll()
      .where('id', '=', refundId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('The refund');
    if (!from.includes(row.status)) {
      throw new AppError('conflict', `The refund is ${row.status}; this step needs it ${from.join(' or ')}.`);
    }
    const changed = await step(tx, row);
    const stream = changed.case_id ?? changed.order_id;
    if (stream) {
      const actor = actorOf(ctx.principal);
      await appendEvents(tx, [
        {
          tenant_id: tenantId,
          stream: changed.case_id ? 'case' : 'order',
          stream_id: stream,
          type: `refund.${event}`,
          actor_type: actor.type,
          actor_id: actor.id,
          reason: null,
          data: {
            refundId: changed.id,
            amountMinor: Number(changed.amount_minor),
            currency: changed.currency,
            provider: changed.provider,
            status: changed.status,
            ...(changed.reference ? { reference: changed.reference } : {}),
          },
        },
      ]);
    }
    return toRefundView(changed);
  });
}
