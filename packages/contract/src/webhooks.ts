import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

// 'case.approved', 'case.*' (every case event) or '*' (every event).
const EventTypePattern = Type.String({
  pattern: '^(\\*|[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*(\\.\\*)?)$',
  maxLength: 100,
  description: "An event type ('case.approved'), a prefix ending in '.*' ('case.*'), or '*' for all",
});

/** A merchant's endpoint and the events it wants. */
export const WebhookSubscriptionInput = Type.Object(
  {
    url: Type.String({
      pattern: '^https?://\\S+$',
      maxLength: 2000,
      description: 'Where deliveries are POSTed; https in production',
    }),
    eventTypes: Type.Array(EventTypePattern, { minItems: 1, maxItems: 50, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type WebhookSubscriptionInput = Static<typeof WebhookSubscriptionInput>;

export const WebhookSubscriptionView = Type.Object({
  id: Uuid,
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: IsoDateTime,
});
export type WebhookSubscriptionView = Static<typeof WebhookSubscriptionView>;

/** The answer to a create: the only time the signing secret is shown. */
export const CreatedWebhookSubscription = Type.Object({
  ...WebhookSubscriptionView.properties,
  secret: Type.String({ description: 'Signing secret (whsec_…); shown only now, store it' }),
});
export type CreatedWebhookSubscription = Static<typeof CreatedWebhookSubscription>;

export const WebhookDeliveryState = Type.String({
  enum: ['queued', 'sent', 'failed', 'dead'],
  description:
    'queued: not tried yet; failed: tried, a retry is planned; sent: a 2xx came back; dead: gave up',
});

export const WebhookDeliveryView = Type.Object({
  id: Uuid,
  subscriptionId: Uuid,
  eventId: Type.String({ description: 'The event log position, as a string' }),
  eventType: Type.String(),
  streamId: Uuid,
  state: WebhookDeliveryState,
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([IsoDateTime, Type.Null()]),
  retryUntil: IsoDateTime,
  lastStatus: Type.Union([Type.Integer(), Type.Null()], { description: 'HTTP status of the last attempt' }),
  lastResponse: Type.Union([Type.String(), Type.Null()], { description: 'First 2 KB of the last answer' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
  payload: Type.Object({}, { additionalProperties: true, description: 'The JSON body that is POSTed' }),
});
export type WebhookDeliveryView = Static<typeof WebhookDeliveryView>;

export const WebhookDeliveryQuery = Type.Object(
  {
    subscriptionId: Type.Optional(Uuid),
    state: Type.Optional(WebhookDeliveryState),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type WebhookDeliveryQuery = Static<typeof WebhookDeliveryQuery>;
