import {
  CreatedWebhookSubscription,
  Problem,
  Uuid,
  WebhookDeliveryQuery,
  WebhookDeliveryView,
  WebhookSubscriptionInput,
  WebhookSubscriptionView,
} from '@afterdesk/contract';
import { type TSchema, Type } from '@sinclair/typebox';
import { createWebhookSubscription } from '../../app/webhooks/create-webhook-subscription.js';
import { deleteWebhookSubscription } from '../../app/webhooks/delete-webhook-subscription.js';
import { listWebhookDeliveries } from '../../app/webhooks/list-webhook-deliveries.js';
import { listWebhookSubscriptions } from '../../app/webhooks/list-webhook-subscriptions.js';
import { replayWebhookDelivery } from '../../app/webhooks/replay-webhook-delivery.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const tags = ['webhooks'];
const Reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const List = (item: TSchema) => Type.Object({ items: Type.Array(item) });

/** Outbound webhooks: subscriptions, the delivery log and replay. Managers and integrations. */
export const webhookRoutes: Routes = (app, services) => {
  app.get(
    '/webhooks/subscriptions',
    {
      schema: {
        tags,
        summary: 'Webhook subscriptions',
        response: { 200: List(WebhookSubscriptionView), ...Reads },
      },
    },
    (request) => listWebhookSubscriptions(ctxOf(services, request)),
  );
  app.post(
    '/webhooks/subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to event types',
        description:
          'Returns the signing secret once. Deliveries are POSTed as JSON, signed in X-Afterdesk-Signature (t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>), retried for 24 h and sent in order per case.',
        body: WebhookSubscriptionInput,
        response: { 201: CreatedWebhookSubscription, ...Reads },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWebhookSubscription(ctxOf(services, request), request.body)),
  );
  app.delete(
    '/webhooks/subscriptions/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'Delete a subscription and its delivery log',
        params: Type.Object({ subscriptionId: Uuid }),
        response: { 204: Type.Null(), ...Reads },
      },
    },
    async (request, reply) => {
      await deleteWebhookSubscription(ctxOf(services, request), request.params.subscriptionId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/webhooks/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log, newest first, with the last answer of each',
        querystring: WebhookDeliveryQuery,
        response: { 200: List(WebhookDeliveryView), ...Reads },
      },
    },
    (request) => listWebhookDeliveries(ctxOf(services, request), request.query),
  );
  app.post(
    '/webhooks/deliveries/:deliveryId/replay',
    {
      schema: {
        tags,
        summary: 'Send a delivery again (same id and body), with a fresh day of retries',
        params: Type.Object({ deliveryId: Uuid }),
        response: { 200: WebhookDeliveryView, ...Reads },
      },
    },
    (request) => replayWebhookDelivery(ctxOf(services, request), request.params.deliveryId),
  );
};
