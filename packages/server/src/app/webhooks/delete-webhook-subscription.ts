import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';

/**
 * Ends a subscription: it and its delivery log are deleted, so nothing more is sent to
 * the URL (a delivery in flight at this moment may still arrive once).
 */
export async function deleteWebhookSubscription(ctx: Ctx, subscriptionId: string): Promise<void> {
  requireStaff(ctx, 'helpdesk:manage');
  await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const gone = await tx
      .deleteFrom('webhook_subscriptions')
      .where('id', '=', subscriptionId)
      .returning('url')
      .executeTakeFirst();
    if (!gone) throw notFound('The webhook subscription');
    await recordChange(tx, ctx, {
      stream: 'webhook',
      streamId: subscriptionId,
      type: 'webhook.unsubscribed',
      data: { url: gone.url },
    });
  });
}
