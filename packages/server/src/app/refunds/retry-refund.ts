import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { changeRefund } from './change-refund.js';
import { reserveOnPayment } from './request-refund.js';

/**
 * A failed refund, tried again from the start after an agent fixed the cause (a Stripe key,
 * an expired card's new details). Its amount is reserved on the payment again, so a retry
 * can never take more than is left to refund.
 */
export function retryRefund(ctx: Ctx, refundId: string) {
  return changeRefund(ctx, refundId, ['failed'], 'retried', async (tx, row) => {
    if (row.payment_id) {
      await reserveOnPayment(tx, row.payment_id, Number(row.amount_minor)).catch((error) => {
        if ((error as { code?: string }).code === '23514') {
          throw new AppError(
            'unprocessable',
            'The payment has no room left for this refund: it was refunded otherwise since.',
          );
        }
        throw error;
      });
    }
    return tx
      .updateTable('refunds')
      .set((eb) => ({
        status: 'pending',
        attempts: 0,
        rounds: eb('rounds', '+', 1),
        next_attempt_at: ctx.clock(),
        updated_at: ctx.clock(),
        last_error: null,
      }))
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
