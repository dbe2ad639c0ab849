import type { Ctx } from '../context.js';
import { changeRefund } from './change-refund.js';
import { reserveOnPayment } from './request-refund.js';

/**
 * An agent decides a refund will not be paid this way (a held anomaly that was wrong, a
 * failed refund settled otherwise). What it had reserved on the payment is given back.
 */
export function cancelRefund(ctx: Ctx, refundId: string) {
  return changeRefund(
    ctx,
    refundId,
    ['held', 'failed', 'awaiting_transfer'],
    'cancelled',
    async (tx, row) => {
      if (row.status === 'awaiting_transfer' && row.payment_id) {
        await reserveOnPayment(tx, row.payment_id, -Number(row.amount_minor));
      }
      return tx
        .updateTable('refunds')
        .set({ status: 'cancelled', next_attempt_at: null, updated_at: ctx.clock() })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  );
}
