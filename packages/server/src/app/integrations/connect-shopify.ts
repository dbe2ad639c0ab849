import { randomUUID } from 'node:crypto';
import type { ShopifyConnectionInput } from '@afterdesk/contract';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { actorOf, type Ctx } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { requireStaff } from '../staff.js';
import { withUniqueConflict } from '../unique-conflict.js';

/** A connected shop as the API shows it: never the secret. */
export interface ShopifyConnectionView {
  id: string;
  shopDomain: string;
  storeCode: string | null;
  maxDeliveryAgeSeconds: number;
  updatedAt: string;
}

/**
 * Connects (or re-keys) a Shopify shop: its webhooks will be accepted when signed with
 * `webhookSecret`. A shop domain belongs to one tenant only; claiming another tenant's
 * shop answers 409 without saying whose it is.
 */
export async function connectShopify(
  ctx: Ctx,
  input: ShopifyConnectionInput,
): Promise<ShopifyConnectionView> {
  requireSetUpRight(ctx);
  const tenantId = ctx.principal.tenantId;
  const shopDomain = input.shopDomain.toLowerCase();
  const storeCode = input.storeCode ?? null;
  const maxAge = input.maxDeliveryAgeSeconds ?? 900;
  return inTenant(ctx.db, tenantId, async (tx) => {
    if (storeCode) {
      const store = await tx
        .selectFrom('stores')
        .select('id')
        .where('code', '=', storeCode)
        .executeTakeFirst();
      if (!store)
        throw invalid(`No store with code "${storeCode}".`, [
          { field: '/storeCode', message: 'unknown store' },
        ]);
    }
    const existing = await tx
      .selectFrom('shop_integrations')
      .select('id')
      .where('provider', '=', 'shopify')
      .where('shop_domain', '=', shopDomain)
      .executeTakeFirst();
    const values = {
      webhook_secret: input.webhookSecret,
      store_code: storeCode,
      max_delivery_age_seconds: maxAge,
      updated_at: ctx.clock(),
    };
    const row = existing
      ? await tx
          .updateTable('shop_integrations')
          .set(values)
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await withUniqueConflict('This shop is connected to another account already.', () =>
          tx
            .insertInto('shop_integrations')
            .values({
              id: randomUUID(),
              tenant_id: tenantId,
              provider: 'shopify',
              shop_domain: shopDomain,
              ...values,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
    const actor = actorOf(ctx.principal);
    await appendEvents(tx, [
      {
        tenant_id: tenantId,
        stream: 'integration',
        stream_id: row.id,
        type: existing ? 'integration.updated' : 'integration.connected',
        actor_type: actor.type,
        actor_id: actor.id,
        reason: null,
        data: { provider: 'shopify', shopDomain },
      },
    ]);
    return {
      id: row.id,
      shopDomain: row.shop_domain,
      storeCode: row.store_code,
      maxDeliveryAgeSeconds: row.max_delivery_age_seconds,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  });
}

// Connecting a shop is set-up work: help-desk managers or people managers, never customers.
function requireSetUpRight(ctx: Ctx): void {
  try {
    requireStaff(ctx, 'helpdesk:manage');
  } catch (error) {
    if (ctx.principal.kind === 'customer') throw error;
    try {
      requireStaff(ctx, 'users:manage');
    } catch {
      throw forbidden('Your role may not connect a shop.');
    }
  }
}
