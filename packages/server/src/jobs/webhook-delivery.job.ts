import { sql } from 'kysely';
import type { Services } from '../app/context.js';
import { isAccepted, nextAttemptAfterFailure } from '../app/webhooks/webhook-rules.js';
import { signWebhook } from '../app/webhooks/webhook-signature.js';
import { assertDeliverable, describeRequestFailure } from '../app/webhooks/webhook-target.js';
import { inSystem } from '../db/scope.js';

export interface DeliverWebhooksOptions {
  /** Most deliveries claimed in one round. Default 100. */
  batch?: number;
  /** Requests in flight at once. Default 16 (a round of 100 takes at most 7 timeouts, well inside the lease). */
  concurrency?: number;
  /** How long one request may take. Default 10 s. */
  timeoutMs?: number;
  /** The time the run treats as now: what is due, when a retry is. Default the services' clock. */
  now?: Date;
  /** Only this tenant's deliveries (draining one shop by hand; tests on a shared database). */
  tenantId?: string;
}

export interface DeliverWebhooksResult {
  sent: number;
  retried: number;
  dead: number;
}

/** A claimed delivery with what it takes to send it. */
export interface WebhookClaim {
  id: string;
  tenantId: string;
  eventType: string;
  url: string;
  secret: string;
  payload: unknown;
  attempts: number;
  retryUntil: Date;
}

/** The outcome of one POST: the receiver's status and answer, or why there was none. */
export interface WebhookAttempt {
  status: number | null;
  response: string | null;
  error: string | null;
}

// A claimed delivery is hidden from other workers this long; a worker that dies between
// the POST and recording it leaves it to be sent again after that (at least once).
export const WEBHOOK_LEASE_MS = 2 * 60_000;
const RESPONSE_KEPT = 2048;
// Claim rounds in one run at most, so one run ends even while events keep coming.
const MAX_ROUNDS = 20;

/**
 * Sends the webhook deliveries that are due, oldest event first, across tenants. A
 * delivery waits while an earlier one of the same subscription and the same stream (case)
 * is still queued or failed, so each receiver sees a case's events in order. Claims are
 * leased in one short transaction (SKIP LOCKED), so concurrent workers never take the same
 * delivery and no transaction stays open during a request.
 */
export async function deliverWebhooks(
  services: Services,
  {
    batch = 100,
    concurrency = 16,
    timeoutMs = 10_000,
    now = services.clock(),
    tenantId,
  }: DeliverWebhooksOptions = {},
): Promise<DeliverWebhooksResult> {
  const result: DeliverWebhooksResult = { sent: 0, retried: 0, dead: 0 };
  // A case's next event becomes claimable only once the one before it is sent, so the run
  // claims again while it makes progress, rather than one event per case per run.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claims = await claimDueWebhooks(services, batch, now, tenantId);
    const sentBefore = result.sent;
    // Claims are of distinct (subscription, stream) pairs: sent side by side, order holds.
    let next = 0;
    const attempts: [WebhookClaim, WebhookAttempt][] = [];
    const worker = async () => {
      for (let claim = claims[next++]; claim; claim = claims[next++])
        attempts.push([claim, await postWebhook(services, claim, { now, timeoutMs })]);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claims.length) }, worker));
    // The round's answers in one transaction, not one commit (and WAL flush) per delivery.
    for (const outcome of await recordAttempts(services, attempts, now)) result[outcome] += 1;
    if (result.sent === sentBefore) break;
  }
  return result;
}

/** Leases up to `batch` due deliveries that no earlier pending delivery of their case holds back. */
export async function claimDueWebhooks(
  services: Services,
  batch: number,
  now: Date,
  tenantId?: string,
): Promise<WebhookClaim[]> {
  // System scope, the one cross-tenant step: the queue is read by its partial index.
  const { rows } = await inSystem(services.db, async (tx) => {
    // Planned for the queue as it is now: a burst grows it from nothing to tens of thousands
    // of rows before statistics catch up, and a plan cached while it was empty (a nested
    // loop over the whole queue per row) then takes seconds per claim instead of milliseconds.
    await sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`.execute(tx);
    return sql<{
      id: string;
      tenant_id: string;
      event_type: string;
      url: string;
      secret: string;
      payload: unknown;
      attempts: number;
      retry_until: Date;
    }>`
      with due as (
        select d.id from webhook_deliveries d
        where d.state in ('queued', 'failed') and d.next_attempt_at <= ${now}
          and (${tenantId ?? null}::uuid is null or d.tenant_id = ${tenantId ?? null}::uuid)
          and not exists (
            select 1 from webhook_deliveries e
            where e.subscription_id = d.subscription_id and e.stream_id = d.stream_id
              and e.event_id < d.event_id and e.state in ('queued', 'failed'))
        order by d.event_id
        limit ${batch}
        for update skip locked
      )
      update webhook_deliveries w set next_attempt_at = ${new Date(now.getTime() + WEBHOOK_LEASE_MS)}
      from due, webhook_subscriptions s
      where w.id = due.id and s.id = w.subscription_id
      returning w.id, w.tenant_id, w.event_type, s.url, s.secret, w.payload, w.attempts, w.retry_until`.execute(
      tx,
    );
  });
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    eventType: r.event_type,
    url: r.url,
    secret: r.secret,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    attempts: r.attempts,
    retryUntil: new Date(r.retry_until),
  }));
}

/** POSTs one claimed delivery, signed; never throws: a failure is an outcome to record. */
export async function postWebhook(
  services: Services,
  claim: WebhookClaim,
  { now, timeoutMs }: { now: Date; timeoutMs: number },
): Promise<WebhookAttempt> {
  const body = JSON.stringify(claim.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    await assertDeliverable(claim.url, services.config.webhooksAllowPrivate);
    const response = await fetch(claim.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Afterdesk-Webhooks/1',
        'x-afterdesk-event': claim.eventType,
        'x-afterdesk-delivery': claim.id,
        'x-afterdesk-timestamp': String(timestamp),
        'x-afterdesk-signature': signWebhook(claim.secret, timestamp, body),
      },
      body,
    });
    const text = (await response.text()).slice(0, RESPONSE_KEPT);
    return {
      status: response.status,
      response: text,
      error: isAccepted(response.status) ? null : `HTTP ${response.status}`,
    };
  } catch (error) {
    return { status: null, response: null, error: describeRequestFailure(error, timeoutMs) };
  }
}

/** Records a round's answers; returns the outcome of each delivery still pending when recorded. */
async function recordAttempts(
  services: Services,
  attempts: [WebhookClaim, WebhookAttempt][],
  now: Date,
): Promise<(keyof DeliverWebhooksResult)[]> {
  if (attempts.length === 0) return [];
  const rows = attempts.map(([claim, attempt]) => {
    const tries = claim.attempts + 1;
    const sent = attempt.status !== null && isAccepted(attempt.status);
    const retryAt = sent ? null : nextAttemptAfterFailure(tries, now, claim.retryUntil);
    const state = sent ? 'sent' : retryAt ? 'failed' : 'dead';
    return { claim, attempt, tries, retryAt, state } as const;
  });
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.claim.id}::uuid, ${r.state}::text, ${r.tries}::int, ${r.retryAt?.toISOString() ?? null}::timestamptz,
          ${r.attempt.status}::int, ${r.attempt.response?.replaceAll('\u0000', '') ?? null}::text,
          ${r.state === 'dead' ? `Gave up after ${r.tries} attempts: ${r.attempt.error}` : r.attempt.error}::text)`,
    ),
  );
  // System scope, as the claim: a round may hold several tenants' deliveries. NUL cannot be
  // stored in text; a receiver may answer anything.
  const { rows: updated } = await inSystem(services.db, (tx) =>
    sql<{ id: string }>`
      update webhook_deliveries w set
        state = v.state, attempts = v.attempts, next_attempt_at = v.next_attempt_at,
        last_status = v.last_status, last_response = v.last_response, last_error = v.last_error,
        sent_at = case when v.state = 'sent' then ${now.toISOString()}::timestamptz else w.sent_at end
      from (values ${values}) as v (id, state, attempts, next_attempt_at, last_status, last_response, last_error)
      where w.id = v.id and w.state in ('queued', 'failed')
      returning w.id`.execute(tx),
  );
  // One not updated was deleted with its subscription, or recorded by a worker whose lease ran out first.
  const recorded = new Set(updated.map((u) => u.id));
  const outcomes: (keyof DeliverWebhooksResult)[] = [];
  for (const { claim, attempt, tries, state } of rows) {
    if (!recorded.has(claim.id)) continue;
    if (state !== 'sent')
      services.log.warn(
        { deliveryId: claim.id, attempts: tries, status: attempt.status, error: attempt.error, state },
        'webhook: delivery failed',
      );
    outcomes.push(state === 'sent' ? 'sent' : state === 'dead' ? 'dead' : 'retried');
  }
  return outcomes;
}
