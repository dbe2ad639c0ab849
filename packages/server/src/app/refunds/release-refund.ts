import { planRefund } from '@afterdesk/core';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { changeRefund } from './change-refund.js';
import { providerFor, type RefundMethod } from './refund-providers.js';
import { orderFacts, reserveOnPayment } from './request-refund.js';

/**
 * A refund held for an amount anomaly, paid after an agent verified the actual amount
 * . The verified amount must fit on one of the order's payments (it is reserved
 * there like any refund, and the refund job pays it) or, for an order without payments,
 * within the order's total (an agent pays it by hand).
 */
export function releaseRefund(ctx: Ctx, refundId: string, amountMinor: number) {
  return changeRefund(ctx, refundId, ['held'], 'released', async (tx, row) => {
    const payments = row.order_id
      ? await tx
          .selectFrom('payments')
          .select(['id', 'reference', 'captured_minor', 'refunded_minor'])
          .where('order_id', '=', row.order_id)
          .orderBy('position')
          .forUpdate()
          .execute()
      : [];
    const order = await orderFacts(tx, row.order_id, payments.length === 0);
    const plan = planRefund({
      amountMinor,
      currency: row.currency,
      orderCurrency: order?.currency ?? row.currency,
      payments: payments.map((p) => ({
        id: p.id,
        capturedMinor: Number(p.captured_minor),
        refundedMinor: Number(p.refunded_minor),
      })),
      ...(order?.unpaid ? { unpaid: order.unpaid } : {}),
    });
    if (!plan.ok) throw new AppError('unprocessable', plan.anomaly.message);
    const [part, ...more] = plan.parts;
    if (more.length > 0) {
      throw new AppError(
        'unprocessable',
        'The verified amount spans several payments; refund each payment separately.',
      );
    }
    // No part: an order without payments, paid back by hand up to its total.
    const payment = part ? (payments.find((p) => p.id === part.paymentId) ?? null) : null;
    const stripe = await tx.selectFrom('payment_providers').select('provider').executeTakeFirst();
    const provider = providerFor(row.method as RefundMethod, payment, stripe !== undefined);
    if (part) await reserveOnPayment(tx, part.paymentId, part.amountMinor);
    return tx
      .updateTable('refunds')
      .set({
        amount_minor: amountMinor,
        payment_id: part?.paymentId ?? null,
        provider: provider.name,
        status: provider.initialStatus,
        next_attempt_at: provider.initialStatus === 'pending' ? ctx.clock() : null,
        last_error: null,
        updated_at: ctx.clock(),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
