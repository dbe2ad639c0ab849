import type { WebhookDeliveryQuery } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';
import { toDeliveryView } from './webhook-views.js';

/** The delivery log, newest first: each delivery's state and the last answer it got. */
export async function listWebhookDeliveries(ctx: Ctx, query: WebhookDeliveryQuery) {
  requireStaff(ctx, 'helpdesk:manage');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => {
    let select = tx.selectFrom('webhook_deliveries').selectAll();
    if (query.subscriptionId) select = select.where('subscription_id', '=', query.subscriptionId);
    if (query.state) select = select.where('state', '=', query.state);
    return select
      .orderBy('created_at', 'desc')
      .orderBy('event_id', 'desc')
      .limit(query.limit ?? 50)
      .execute();
  });
  return { items: rows.map(toDeliveryView) };
}
