import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';
import { toSubscriptionView } from './webhook-views.js';

/** The tenant's webhook subscriptions, oldest first, without their secrets. */
export async function listWebhookSubscriptions(ctx: Ctx) {
  requireStaff(ctx, 'helpdesk:manage');
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute(),
  );
  return { items: rows.map(toSubscriptionView) };
}
