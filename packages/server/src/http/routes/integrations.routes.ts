import {
  Problem,
  ShopifyConnection,
  ShopifyConnectionInput,
  ShopifyWebhookResult,
} from '@afterdesk/contract';
import { connectShopify } from '../../app/integrations/connect-shopify.js';
import { receiveShopifyWebhook } from '../../app/integrations/receive-shopify-webhook.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 409: Problem };

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const integrationRoutes: Routes = (app, services) => {
  app.put(
    '/integrations/shopify',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Connect a Shopify shop (or change its secret); the secret is never returned',
        body: ShopifyConnectionInput,
        response: { 200: ShopifyConnection, ...Errors },
      },
    },
    (request) => connectShopify(ctxOf(services, request), request.body),
  );

  // The signature covers the exact bytes Shopify sent, so this one route keeps the body
  // raw: its own JSON parser, in its own scope, leaves the API's checked parser untouched.
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/webhooks/shopify',
      {
        config: { public: true },
        schema: {
          tags: ['integrations'],
          summary:
            "Shopify's order webhooks (orders/create, orders/updated, orders/cancelled, fulfillments/create, fulfillments/update)",
          description:
            "No API key: the request is authenticated by `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body with the shop's secret) and `X-Shopify-Shop-Domain` names the connected shop. The body is Shopify's REST order or fulfillment JSON. A delivery id (`X-Shopify-Webhook-Id`) seen before answers 200 `duplicate` and changes nothing; a delivery triggered (`X-Shopify-Triggered-At`) longer ago than the shop's maximum age answers 409. Other topics answer 200 `ignored`.",
          security: [],
          response: { 200: ShopifyWebhookResult, ...Errors },
        },
      },
      (request) =>
        receiveShopifyWebhook(services, {
          shopDomain: header(request.headers['x-shopify-shop-domain']),
          topic: header(request.headers['x-shopify-topic']),
          webhookId: header(request.headers['x-shopify-webhook-id']),
          triggeredAt: header(request.headers['x-shopify-triggered-at']),
          hmac: header(request.headers['x-shopify-hmac-sha256']),
          body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        }),
    );
  });
};
