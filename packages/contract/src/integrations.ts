import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

/** A Shopify shop connected to this tenant: its webhooks are verified with the secret. */
export const ShopifyConnectionInput = Type.Object(
  {
    shopDomain: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$',
      maxLength: 255,
      description: 'The shop as Shopify names it in X-Shopify-Shop-Domain, e.g. example.myshopify.com',
    }),
    webhookSecret: Type.String({
      minLength: 16,
      maxLength: 500,
      description: "The app's client secret (or the shop's webhook signing secret); stored, never returned",
    }),
    storeCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description: "The store the shop's orders belong to; defaults to the tenant's first store",
      }),
    ),
    maxDeliveryAgeSeconds: Type.Optional(
      Type.Integer({
        minimum: 60,
        maximum: 86_400,
        default: 900,
        description: 'Deliveries triggered longer ago than this are refused as stale',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ShopifyConnectionInput = Static<typeof ShopifyConnectionInput>;

export const ShopifyConnection = Type.Object({
  id: Uuid,
  shopDomain: Type.String(),
  storeCode: Type.Union([Type.String(), Type.Null()]),
  maxDeliveryAgeSeconds: Type.Integer(),
  updatedAt: IsoDateTime,
});

export const ShopifyWebhookResult = Type.Object({
  outcome: Type.Union(
    [
      Type.Literal('applied'),
      Type.Literal('duplicate'),
      Type.Literal('ignored'),
      Type.Literal('unknown_order'),
    ],
    {
      description:
        'applied: the order was upserted; duplicate: this delivery id was seen before, nothing changed; ignored: a topic Afterdesk does not use; unknown_order: a fulfillment for an order not imported yet',
    },
  ),
  orderId: Type.Optional(Uuid),
});
export type ShopifyWebhookResult = Static<typeof ShopifyWebhookResult>;
