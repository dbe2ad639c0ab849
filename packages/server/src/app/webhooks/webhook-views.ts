import type { WebhookDeliveryView, WebhookSubscriptionView } from '@afterdesk/contract';
import type { Selectable } from 'kysely';
import type { WebhookDeliveriesTable, WebhookSubscriptionsTable } from '../../db/schema.js';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** A subscription as the API shows it: never its secret. */
export function toSubscriptionView(row: Selectable<WebhookSubscriptionsTable>): WebhookSubscriptionView {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    active: row.active,
    createdAt: iso(row.created_at),
  };
}

export function toDeliveryView(row: Selectable<WebhookDeliveriesTable>): WebhookDeliveryView {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: String(row.event_id),
    eventType: row.event_type,
    streamId: row.stream_id,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    retryUntil: iso(row.retry_until),
    lastStatus: row.last_status,
    lastResponse: row.last_response,
    lastError: row.last_error,
    sentAt: isoOrNull(row.sent_at),
    createdAt: iso(row.created_at),
    payload: row.payload as Record<string, unknown>,
  };
}
