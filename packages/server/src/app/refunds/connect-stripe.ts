import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { actorOf, type Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/**
 * Connects the shop's Stripe account: refunds to payments Stripe took (`pi_…`, `ch_…`)
 * are paid through it from then on. The key is stored and never shown again.
 */
export async function connectStripe(ctx: Ctx, secretKey: string) {
  requireStaff(ctx, 'helpdesk:manage');
  const tenantId = ctx.principal.tenantId;
  const now = ctx.clock();
  return inTenant(ctx.db, tenantId, async (tx) => {
    await tx
      .insertInto('payment_providers')
      .values({ tenant_id: tenantId, provider: 'stripe', secret_key: secretKey, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'provider']).doUpdateSet({ secret_key: secretKey, updated_at: now }),
      )
      .execute();
    const actor = actorOf(ctx.principal);
    await appendEvents(tx, [
      {
        tenant_id: tenantId,
        stream: 'integration',
        stream_id: tenantId,
        type: 'integration.connected',
        actor_type: actor.type,
        actor_id: actor.id,
        reason: null,
        data: { provider: 'stripe' },
      },
    ]);
    return {
      provider: 'stripe' as const,
      mode: secretKey.includes('_live_') ? ('live' as const) : ('test' as const),
      updatedAt: now.toISOString(),
    };
  });
}
