import type { Ctx } from '../context.js';
import { changeRefund } from './change-refund.js';

/** An agent paid a manual refund (a bank transfer, the shop's own payment system) and says how. */
export function recordTransfer(ctx: Ctx, refundId: string, reference: string) {
  return changeRefund(ctx, refundId, ['awaiting_transfer'], 'succeeded', (tx, row) =>
    tx
      .updateTable('refunds')
      .set({
        status: 'succeeded',
        reference,
        settled_at: ctx.clock(),
        updated_at: ctx.clock(),
        last_error: null,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}
