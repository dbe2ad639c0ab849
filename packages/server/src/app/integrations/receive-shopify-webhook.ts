import { OrderInput, type ShopifyWebhookResult } from '@afterdesk/contract';
import { inSystem, inTenant } from '../../db/scope.js';
import { DecimalFormatError } from '../../imports/decimal.js';
import {
  parseShopifyJson,
  type ShopifyFulfillment,
  type ShopifyOrder,
  shopifyOrderToInput,
  verifyShopifySignature,
} from '../../integrations/shopify/index.js';
import type { Ctx, Services } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { schemaErrors } from '../field-errors.js';
import { structureProblem } from '../json-structure.js';
import { upsertOrders } from '../orders/upsert-orders.js';
import { applyShopifyFulfillment } from './apply-shopify-fulfillment.js';

/** One delivery as it came over HTTP: the raw bytes and Shopify's headers. */
export interface ShopifyDelivery {
  shopDomain: string | undefined;
  topic: string | undefined;
  webhookId: string | undefined;
  triggeredAt: string | undefined;
  hmac: string | undefined;
  body: Buffer;
}

const ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/cancelled']);
const FULFILLMENT_TOPICS = new Set(['fulfillments/create', 'fulfillments/update']);

/**
 * Verifies a Shopify webhook and applies it: the shop domain names the tenant, the HMAC
 * over the raw body proves the sender, the delivery id makes a retry a no-op, and the
 * trigger time keeps an old, captured delivery from being replayed.
 */
export async function receiveShopifyWebhook(
  services: Services,
  delivery: ShopifyDelivery,
): Promise<ShopifyWebhookResult> {
  const shop = await findShop(services, delivery.shopDomain);
  // The same answer for an unknown shop and a bad signature: a prober learns nothing.
  if (!shop || !verifyShopifySignature(shop.webhook_secret, delivery.body, delivery.hmac)) {
    throw new AppError('unauthenticated', 'The webhook signature is missing or does not match.');
  }
  const { webhookId, topic } = delivery;
  if (!webhookId || !topic) throw invalid('X-Shopify-Webhook-Id and X-Shopify-Topic are required.');
  const triggeredAt = Date.parse(delivery.triggeredAt ?? '');
  if (Number.isNaN(triggeredAt)) throw invalid('X-Shopify-Triggered-At must be a date-time.');
  const ageMs = services.clock().getTime() - triggeredAt;
  if (ageMs > shop.max_delivery_age_seconds * 1000) {
    throw new AppError(
      'conflict',
      `This delivery was triggered ${Math.round(ageMs / 1000)} s ago, longer than the ${shop.max_delivery_age_seconds} s accepted; it is refused as stale.`,
    );
  }

  const ctx: Ctx = {
    ...services,
    principal: { kind: 'integration', tenantId: shop.tenant_id, apiKeyId: shop.id },
  };
  const claimed = await claimDelivery(ctx, shop.id, webhookId, topic, new Date(triggeredAt));
  if (!claimed) return { outcome: 'duplicate' };
  try {
    const result = await apply(ctx, topic, delivery.body, shop.store_code ?? undefined);
    await inTenant(ctx.db, shop.tenant_id, (tx) =>
      tx
        .updateTable('shop_webhook_receipts')
        .set({ outcome: result.outcome })
        .where('integration_id', '=', shop.id)
        .where('webhook_id', '=', webhookId)
        .execute(),
    );
    return result;
  } catch (error) {
    // Free the delivery id so Shopify's retry of a delivery that failed here goes through.
    await inTenant(ctx.db, shop.tenant_id, (tx) =>
      tx
        .deleteFrom('shop_webhook_receipts')
        .where('integration_id', '=', shop.id)
        .where('webhook_id', '=', webhookId)
        .execute(),
    ).catch(() => undefined);
    throw error;
  }
}

async function apply(ctx: Ctx, topic: string, body: Buffer, storeCode: string | undefined) {
  if (!ORDER_TOPICS.has(topic) && !FULFILLMENT_TOPICS.has(topic)) return { outcome: 'ignored' as const };
  let payload: unknown;
  try {
    payload = parseShopifyJson(body.toString('utf8'));
  } catch {
    throw invalid('The webhook body is not JSON.');
  }
  // The same door checks as every JSON body: no NUL, no lone surrogate, no absurd nesting.
  const problem = structureProblem(payload);
  if (problem) throw invalid(problem);
  if (FULFILLMENT_TOPICS.has(topic)) return applyShopifyFulfillment(ctx, payload as ShopifyFulfillment);
  let input: ReturnType<typeof shopifyOrderToInput>;
  try {
    input = shopifyOrderToInput(payload as ShopifyOrder, storeCode);
  } catch (error) {
    if (error instanceof DecimalFormatError) throw invalid(`An amount is not valid: ${error.message}.`);
    if (error instanceof TypeError) throw invalid('The body is not a Shopify order.');
    throw error;
  }
  // Fastify checks the same schema on POST /orders/batch; here the input is built by us.
  const errors = schemaErrors(OrderInput, input);
  if (errors.length > 0) throw invalid('The Shopify order does not fit the order format.', errors);
  const stored = await upsertOrders(ctx, [input]);
  return { outcome: 'applied' as const, orderId: stored.orders[0]?.id as string };
}

// Before the tenant is known, the shop domain is looked up across tenants.
function findShop(services: Services, shopDomain: string | undefined) {
  if (!shopDomain) return Promise.resolve(undefined);
  return inSystem(services.db, (tx) =>
    tx
      .selectFrom('shop_integrations')
      .selectAll()
      .where('provider', '=', 'shopify')
      .where('shop_domain', '=', shopDomain.toLowerCase())
      .executeTakeFirst(),
  );
}

// The database decides who saw a delivery id first, so two concurrent copies apply once.
async function claimDelivery(ctx: Ctx, integrationId: string, webhookId: string, topic: string, at: Date) {
  const tenantId = ctx.principal.tenantId;
  const row = await inTenant(ctx.db, tenantId, (tx) =>
    tx
      .insertInto('shop_webhook_receipts')
      .values({
        tenant_id: tenantId,
        integration_id: integrationId,
        webhook_id: webhookId,
        topic,
        triggered_at: at,
        outcome: 'processing',
      })
      .onConflict((oc) => oc.columns(['integration_id', 'webhook_id']).doNothing())
      .returning('webhook_id')
      .executeTakeFirst(),
  );
  return row !== undefined;
}
