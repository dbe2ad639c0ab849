import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../app/webhooks/webhook-signature.js';
import { appendEvents } from '../db/repositories/events.repository.js';
import { inTenant } from '../db/scope.js';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  startTestApp,
  startTestServer,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';
import { signIn } from '../testing/help-desk.test-helpers.js';
import { claimDueWebhooks, deliverWebhooks, postWebhook, WEBHOOK_LEASE_MS } from './webhook-delivery.job.js';
import { fanOutWebhooks } from './webhook-fan-out.job.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.test-helpers.js';

// Events go through the outbox to a real HTTP receiver on 127.0.0.1. The clock starts an
// hour ahead of the database's, so events logged just now are past the fan-out's settle
// delay; it only moves forward. Every test subscribes its own path and looks at that.

const clock = { now: new Date(Date.now() + 3600_000) };
const advance = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};
let app: TestApp;
let receiver: WebhookReceiver;

beforeAll(async () => {
  app = await startTestApp({
    now: clock.now,
    adapt: (s) => ({ ...s, clock: () => clock.now, config: { ...s.config, webhooksAllowPrivate: true } }),
  });
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await app?.close();
});

async function subscribe(path: string, eventTypes = ['case.*']) {
  const created = await app.api('POST', '/api/v1/webhooks/subscriptions', {
    url: `${receiver.url}${path}`,
    eventTypes,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string; createdAt: string };
}

/** Appends events to the log for one stream, as a use case would. */
async function logEvents(streamId: string, ...types: string[]) {
  await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    appendEvents(
      tx,
      types.map((type) => ({
        tenant_id: app.tenant.tenantId,
        stream: 'case',
        stream_id: streamId,
        type,
        actor_type: 'system',
        actor_id: null,
        reason: null,
        data: { note: type },
      })),
    ),
  );
}

// The log is shared with other test files on PostgreSQL: read until the cursor is through.
async function fanOut() {
  while ((await fanOutWebhooks(app.services)).read > 0);
}

// Only this file's tenant: other files' subscriptions on a shared database name hosts that do not answer.
const deliver = () => deliverWebhooks(app.services, { tenantId: app.tenant.tenantId });

async function deliveriesOf(subscriptionId: string) {
  const log = await app.api('GET', `/api/v1/webhooks/deliveries?subscriptionId=${subscriptionId}&limit=200`);
  expect(log.status).toBe(200);
  return (
    log.body.items as { id: string; state: string; eventType: string; [k: string]: unknown }[]
  ).reverse();
}

describe(`outbound webhooks (${testDatabaseKind()})`, () => {
  it('delivers the events of a new return case, signed so the receiver can check them', async () => {
    const { id, secret } = await subscribe('/signed');
    const order = await importOrder(app.api, sampleOrder(clock.now));
    const opened = await app.api('POST', '/api/v1/cases', noReasonReturn(order));
    expect(opened.status).toBe(201);
    await fanOut();
    await deliver();

    const got = receiver.at('/signed');
    expect(got.length).toBeGreaterThan(0);
    for (const hook of got) {
      const t = Number(hook.headers['x-afterdesk-timestamp']);
      expect(t).toBe(Math.floor(clock.now.getTime() / 1000));
      expect(
        verifyWebhookSignature(secret, String(hook.headers['x-afterdesk-signature']), hook.rawBody, t),
      ).toBe(true);
      expect(hook.headers['x-afterdesk-event']).toBe(hook.body.type);
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.body).toMatchObject({ tenantId: app.tenant.tenantId, streamId: opened.body.id });
      expect(hook.body.type).toMatch(/^case\./);
    }
    const log = await deliveriesOf(id);
    expect(log.map((d) => d.id)).toEqual(got.map((h) => h.headers['x-afterdesk-delivery']));
    expect(log.every((d) => d.state === 'sent' && d.lastStatus === 200 && d.lastResponse === 'ok')).toBe(
      true,
    );
    // Events the subscription did not ask for (the order import's) were not sent.
    expect(got.map((h) => h.body.type).filter((t) => !t.startsWith('case.'))).toEqual([]);
  });

  it('retries after a 500 with back-off, logging the answer, and then succeeds', async () => {
    const { id } = await subscribe('/flaky');
    await logEvents(randomUUID(), 'case.approved');
    await fanOut();
    receiver.failNext('/flaky', 500);
    await deliver();
    const [failed] = await deliveriesOf(id);
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastStatus: 500,
      lastResponse: 'boom 500',
      lastError: 'HTTP 500',
      nextAttemptAt: new Date(clock.now.getTime() + 30_000).toISOString(),
    });
    advance(29_000);
    await deliver();
    expect(receiver.at('/flaky')).toHaveLength(1);
    advance(1_000);
    await deliver();
    expect(receiver.at('/flaky')).toHaveLength(2);
    const [sent] = await deliveriesOf(id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, lastStatus: 200, lastError: null });
    // The retry is the same delivery: same id, same body.
    const [first, second] = receiver.at('/flaky');
    expect(second?.headers['x-afterdesk-delivery']).toBe(first?.headers['x-afterdesk-delivery']);
    expect(second?.rawBody).toBe(first?.rawBody);
  });

  it('gives a delivery up as dead once it has failed for 24 hours, then replays it by hand', async () => {
    const { id } = await subscribe('/down');
    await logEvents(randomUUID(), 'case.rejected');
    await fanOut();
    const start = clock.now.getTime();
    receiver.failAlways('/down', 503);
    for (let run = 0; run < 100; run++) {
      const [delivery] = await deliveriesOf(id);
      if (delivery?.state === 'dead') break;
      if (delivery?.nextAttemptAt) clock.now = new Date(String(delivery.nextAttemptAt));
      await deliver();
    }
    const [dead] = await deliveriesOf(id);
    expect(dead).toMatchObject({ state: 'dead', attempts: 30, nextAttemptAt: null, lastStatus: 503 });
    expect(String(dead?.lastError)).toMatch(/^Gave up after 30 attempts: HTTP 503/);
    expect(clock.now.getTime() - start).toBeLessThanOrEqual(24 * 3600_000);
    expect(receiver.at('/down')).toHaveLength(30);

    // The receiver is fixed; the merchant replays the delivery.
    receiver.recover('/down');
    const replayed = await app.api('POST', `/api/v1/webhooks/deliveries/${dead?.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ state: 'queued', attempts: 0, lastError: null });
    await deliver();
    expect(receiver.at('/down')).toHaveLength(31);
    expect(receiver.at('/down').at(-1)?.headers['x-afterdesk-delivery']).toBe(dead?.id);
    const [sent] = await deliveriesOf(id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it("sends a case's events in order even while its first delivery keeps failing", async () => {
    const { id } = await subscribe('/ordered');
    const caseA = randomUUID();
    const caseB = randomUUID();
    await logEvents(caseA, 'case.opened', 'case.approved', 'case.solved');
    await logEvents(caseB, 'case.opened');
    await fanOut();
    receiver.failNext(`/ordered#${caseA}`, 500, 502);
    const typesOf = (stream: string) =>
      receiver
        .at('/ordered')
        .filter((h) => h.body.streamId === stream)
        .map((h) => h.body.type);

    await deliver();
    // Case A's first delivery failed and holds back the rest of case A; case B went on.
    expect(typesOf(caseB)).toEqual(['case.opened']);
    expect(typesOf(caseA)).toEqual(['case.opened']);
    advance(30_000);
    await deliver();
    expect(typesOf(caseA)).toEqual(['case.opened', 'case.opened']);
    advance(60_000);
    for (let run = 0; run < 4; run++) await deliver();
    expect(typesOf(caseA)).toEqual([
      'case.opened',
      'case.opened',
      'case.opened',
      'case.approved',
      'case.solved',
    ]);
    expect((await deliveriesOf(id)).every((d) => d.state === 'sent')).toBe(true);
  });

  it('delivers at least once when a worker dies between the POST and recording it', async () => {
    const { id } = await subscribe('/crash');
    await logEvents(randomUUID(), 'case.shipped_back');
    await fanOut();
    // A worker claims and posts, then dies before it records the answer.
    const claims = (await claimDueWebhooks(app.services, 50, clock.now, app.tenant.tenantId)).filter((c) =>
      c.url.endsWith('/crash'),
    );
    expect(claims).toHaveLength(1);
    await postWebhook(app.services, claims[0] as (typeof claims)[0], { now: clock.now, timeoutMs: 5000 });
    expect(receiver.at('/crash')).toHaveLength(1);
    // Another worker leaves it alone while the lease holds …
    await deliver();
    expect(receiver.at('/crash')).toHaveLength(1);
    // … and sends it again once the lease has run out: same delivery id, for the receiver to dedupe.
    advance(WEBHOOK_LEASE_MS);
    await deliver();
    const got = receiver.at('/crash');
    expect(got).toHaveLength(2);
    expect(new Set(got.map((h) => h.headers['x-afterdesk-delivery'])).size).toBe(1);
    expect((await deliveriesOf(id))[0]).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('never skips an event whose transaction began after that of a later-numbered one', async () => {
    const subscription = await subscribe('/settle');
    const since = new Date(subscription.createdAt).getTime();
    const stream = randomUUID();
    // Two writers side by side: the lower id went to the transaction that began later.
    for (const [type, beganAt] of [
      ['case.first', since + 1500],
      ['case.second', since],
    ] as const)
      await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
        tx
          .insertInto('events')
          .values({
            tenant_id: app.tenant.tenantId,
            stream: 'case',
            stream_id: stream,
            type,
            actor_type: 'system',
            actor_id: null,
            reason: null,
            data: JSON.stringify({}),
            created_at: new Date(beganAt),
          })
          .execute(),
      );
    // Half a second past the settle time of the second event only: the first holds the cursor.
    const early = new Date(since + 2500);
    while ((await fanOutWebhooks(app.services, { now: early })).read > 0);
    await fanOut();
    expect((await deliveriesOf(subscription.id)).map((d) => d.eventType)).toEqual([
      'case.first',
      'case.second',
    ]);
  });

  it('queues each delivery once however many fan-out workers run together', async () => {
    const { id } = await subscribe('/fan', ['case.opened', 'refund.*']);
    await logEvents(randomUUID(), 'case.opened', 'case.noted', 'refund.succeeded');
    await Promise.all([1, 2, 3].map(() => fanOut()));
    await fanOut();
    expect((await deliveriesOf(id)).map((d) => d.eventType)).toEqual(['case.opened', 'refund.succeeded']);
  });

  it('never calls a private address unless the configuration allows it', async () => {
    const strict = { ...app.services, config: { ...app.services.config, webhooksAllowPrivate: false } };
    const { id } = await subscribe('/private');
    await logEvents(randomUUID(), 'case.opened');
    await fanOut();
    await deliverWebhooks(strict, { tenantId: app.tenant.tenantId });
    expect(receiver.at('/private')).toHaveLength(0);
    expect((await deliveriesOf(id))[0]).toMatchObject({
      state: 'failed',
      lastStatus: null,
      lastError: 'Webhooks may not be sent to a private or loopback address.',
    });
  });
});

describe(`webhook subscriptions API (${testDatabaseKind()})`, () => {
  it('shows the secret once, lists without it, and deletes', async () => {
    const created = await app.api('POST', '/api/v1/webhooks/subscriptions', {
      url: 'https://hooks.example.com/afterdesk',
      eventTypes: ['case.*', 'refund.succeeded'],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[\w-]{32}$/);
    const listed = await app.api('GET', '/api/v1/webhooks/subscriptions');
    const mine = listed.body.items.find((s: { id: string }) => s.id === created.body.id);
    expect(mine).toEqual({
      id: created.body.id,
      url: 'https://hooks.example.com/afterdesk',
      eventTypes: ['case.*', 'refund.succeeded'],
      active: true,
      createdAt: created.body.createdAt,
    });
    expect((await app.api('DELETE', `/api/v1/webhooks/subscriptions/${created.body.id}`)).status).toBe(204);
    expect((await app.api('DELETE', `/api/v1/webhooks/subscriptions/${created.body.id}`)).status).toBe(404);
  });

  it('refuses bad patterns, and loopback URLs when private addresses are not allowed', async () => {
    const bad = await app.api('POST', '/api/v1/webhooks/subscriptions', {
      url: 'https://hooks.example.com/',
      eventTypes: ['case*'],
    });
    expect(bad.status).toBe(400);
    const strict = await startTestServer({
      ...app.services,
      config: { ...app.services.config, webhooksAllowPrivate: false },
    });
    try {
      const api = client(strict.url, app.tenant.apiKey);
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost/x',
        'http://[::1]/x',
        'http://169.254.169.254/',
      ]) {
        const refused = await api('POST', '/api/v1/webhooks/subscriptions', { url, eventTypes: ['*'] });
        expect(refused.status, url).toBe(400);
      }
    } finally {
      await strict.close();
    }
  });

  it('lets agents neither see nor change webhooks', async () => {
    const agent = await signIn(app, 'agent');
    expect((await agent.as('GET', '/api/v1/webhooks/subscriptions')).status).toBe(403);
    expect((await agent.as('GET', '/api/v1/webhooks/deliveries')).status).toBe(403);
  });

  it('answers 404 for a replay of an unknown delivery', async () => {
    expect((await app.api('POST', `/api/v1/webhooks/deliveries/${randomUUID()}/replay`)).status).toBe(404);
  });
});
