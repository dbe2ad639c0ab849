import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { requireStaff } from '../staff.js';
import { RETRY_WINDOW_MS } from './webhook-rules.js';
import { toDeliveryView } from './webhook-views.js';

/**
 * Queues a delivery again by hand, whatever its state (a dead one after the receiver was
 * fixed, a sent one the receiver lost): due at once, with a fresh day of retries. It is
 * the same delivery, same id and body, so a receiver that already has it can ignore it.
 */
export async function replayWebhookDelivery(ctx: Ctx, deliveryId: string) {
  requireStaff(ctx, 'helpdesk:manage');
  const now = ctx.clock();
  const row = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx
      .updateTable('webhook_deliveries')
      .set({
        state: 'queued',
        attempts: 0,
        next_attempt_at: now,
        retry_until: new Date(now.getTime() + RETRY_WINDOW_MS),
        last_error: null,
      })
      .where('id', '=', deliveryId)
      .returningAll()
      .executeTakeFirst(),
  );
  if (!row) throw notFound('The webhook delivery');
  return toDeliveryView(row);
}
