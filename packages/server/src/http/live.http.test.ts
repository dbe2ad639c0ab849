import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Ctx, Principal, Services } from '../app/context.js';
import { listMessages } from '../app/conversations/list-messages.js';
import { postMessage } from '../app/conversations/post-message.js';
import { startConversation } from '../app/conversations/start-conversation.js';
import { createUser } from '../app/tenants/create-user.js';
import type { LiveBus, LiveUpdate } from '../live/live-bus.js';
import { sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  newTenant,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';
import { registerLive } from './live.routes.js';

// The live socket over a real server and real `ws` clients: a customer's chat widget and
// agents' consoles on one case, resuming after a disconnect, refusing what they may not see.

const PASSWORD = 'correct horse battery 1';
const now = new Date();

type Frame = Record<string, any>;

/** A connected client that keeps every frame it receives until a test takes it. */
interface LiveClient {
  ws: WebSocket;
  inbox: Frame[];
  send(frame: unknown): void;
  close(): Promise<void>;
}

/** The first unread frame matching `predicate`, now or when it arrives; fails after `timeoutMs`. */
function nextFrame(client: LiveClient, predicate: (frame: Frame) => boolean = () => true, timeoutMs = 3000) {
  return new Promise<Frame>((resolve, reject) => {
    let done = false;
    const take = () => {
      if (done) return true;
      const index = client.inbox.findIndex(predicate);
      if (index === -1) return false;
      done = true;
      const [frame] = client.inbox.splice(index, 1);
      clearTimeout(timer);
      client.ws.off('message', onMessage);
      resolve(frame as Frame);
      return true;
    };
    // Registered after the inbox's own listener, so the new frame is already there.
    const onMessage = () => take();
    const timer = setTimeout(() => {
      done = true;
      client.ws.off('message', onMessage);
      reject(new Error(`no matching frame in ${timeoutMs} ms; unread: ${JSON.stringify(client.inbox)}`));
    }, timeoutMs);
    if (!take()) client.ws.on('message', onMessage);
  });
}

/** Everything the server sent before the answer to a ping sent now: a barrier, not a sleep. */
async function drain(client: LiveClient): Promise<Frame[]> {
  client.send({ type: 'ping' });
  await nextFrame(client, (f) => f.type === 'pong');
  return client.inbox.splice(0);
}

function open(url: string, options: WebSocket.ClientOptions = {}): Promise<LiveClient> {
  const ws = new WebSocket(url, options);
  const inbox: Frame[] = [];
  ws.on('message', (data) => inbox.push(JSON.parse(data.toString())));
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        ws,
        inbox,
        send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
        close: () =>
          new Promise<void>((done) => {
            if (ws.readyState === WebSocket.CLOSED) return done();
            ws.once('close', () => done());
            ws.close();
          }),
      }),
    );
    ws.once('error', reject);
  });
}

/** The HTTP answer to an upgrade the server refused. */
function refusal(url: string, options: WebSocket.ClientOptions = {}) {
  return new Promise<{ status: number; type: string; body: any }>((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('error', () => undefined);
    ws.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type']),
          body: JSON.parse(text),
        }),
      );
    });
  });
}

/** Holds publications back while `holding`, to replay them in another order. */
function crossingBus(inner: LiveBus) {
  const held: LiveUpdate[] = [];
  const bus = {
    holding: false,
    publish: (update: LiveUpdate) => (bus.holding ? held.push(update) : inner.publish(update)),
    subscribe: inner.subscribe,
    releaseReversed() {
      bus.holding = false;
      for (const update of held.splice(0).reverse()) inner.publish(update);
    },
  };
  return bus;
}

describe(`the live socket (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let bus: ReturnType<typeof crossingBus>;
  let liveUrl: string;
  let agent: { token: string; principal: Principal };
  let otherAgentToken: string;
  const clients: LiveClient[] = [];

  async function connect(credentials: { token?: string; cookie?: string; query?: string } = {}) {
    const headers: Record<string, string> = {};
    if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
    if (credentials.cookie) headers.cookie = credentials.cookie;
    const query = credentials.query ? `?token=${encodeURIComponent(credentials.query)}` : '';
    const c = await open(`${liveUrl}${query}`, { headers });
    clients.push(c);
    return c;
  }

  async function logIn(services: Services, tenantId: string, name: string) {
    const email = `${name}-${tenantId.slice(0, 8)}@example.com`;
    await createUser(services, { tenantId, email, name, role: 'agent', password: PASSWORD });
    const login = await client(t.server.url)('POST', '/api/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('afterdesk_session='));
    return (cookie?.split(';')[0] ?? '').slice('afterdesk_session='.length);
  }

  /** A customer with a token and an open conversation about their order. */
  async function customerWithCase(body = 'Where is my parcel?') {
    const email = `buyer-${randomUUID()}@example.com`;
    const order = await importOrder(t.api, sampleOrder(now, { email }));
    const issued = await t.api('POST', '/api/v1/auth/customer-token', {
      tenantId: t.tenant.tenantId,
      orderNumber: order.number,
      email,
    });
    expect(issued.status).toBe(200);
    const ctx: Ctx = {
      ...t.services,
      principal: { kind: 'customer', tenantId: t.tenant.tenantId, customerId: issued.body.customerId },
    };
    const opened = await startConversation(ctx, { kind: 'inquiry', body, orderId: order.id });
    return { token: issued.body.token as string, ctx, caseId: opened.id as string };
  }

  const agentCtx = (): Ctx => ({ ...t.services, principal: agent.principal });

  beforeAll(async () => {
    t = await startTestApp({
      now,
      adapt: (services) => {
        bus = crossingBus(services.live);
        return { ...services, live: bus };
      },
    });
    // These specs count frames; the assistant answering parcel questions would add some.
    const quiet = await t.api('PATCH', '/api/v1/settings/help-desk', {
      selfService: { enabled: false, minConfidence: 0.6 },
    });
    expect(quiet.status).toBe(200);
    liveUrl = `${t.server.url.replace('http', 'ws')}/api/v1/live`;
    const token = await logIn(t.services, t.tenant.tenantId, 'anna');
    const me = await client(t.server.url, token)('GET', '/api/v1/auth/me');
    agent = {
      token,
      principal: {
        kind: 'user',
        tenantId: t.tenant.tenantId,
        userId: me.body.id,
        role: 'agent',
        name: 'anna',
      },
    };
    const other = await newTenant(t.services, 'Other Shop');
    otherAgentToken = await logIn(t.services, other.tenantId, 'otto');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await t?.close();
  });

  it('refuses an upgrade without valid credentials with 401 problem+json, before upgrading', async () => {
    const none = await refusal(liveUrl);
    expect(none.status).toBe(401);
    expect(none.type).toMatch(/^application\/problem\+json/);
    expect(none.body.code).toBe('unauthenticated');
    expect((await refusal(`${liveUrl}?token=cus_forged`)).status).toBe(401);
    expect((await refusal(liveUrl, { headers: { authorization: 'Bearer afd_forged' } })).status).toBe(401);
  });

  it('answers a plain GET with 426 Upgrade Required', async () => {
    const plain = await client(t.server.url, agent.token)('GET', '/api/v1/live');
    expect(plain.status).toBe(426);
    expect(plain.body.code).toBe('upgrade_required');
  });

  it("refuses the agent's cookie from another site's page, and takes it from Afterdesk's own", async () => {
    const cookie = `afterdesk_session=${agent.token}`;
    const host = new URL(t.server.url).host;
    const foreign = await refusal(liveUrl, { headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const own = await connect({ cookie });
    own.ws.close();
    const same = await open(liveUrl, { headers: { cookie, origin: `http://${host}` } });
    clients.push(same);
    same.send({ type: 'subscribe', scope: 'tenant' });
    expect(await nextFrame(same)).toEqual({ type: 'subscribed', scope: 'tenant' });
  });

  it('lets an agent and a customer chat on one case, each message once and in seq order', async () => {
    const customer = await customerWithCase('Hello, my parcel has not arrived.');
    const widget = await connect({ query: customer.token });
    const console = await connect({ token: agent.token });
    widget.send({ type: 'subscribe', caseId: customer.caseId, after: 0 });
    console.send({ type: 'subscribe', caseId: customer.caseId });
    for (const c of [widget, console]) {
      const first = await nextFrame(c, (f) => f.type === 'message');
      expect(first.message).toMatchObject({
        seq: 1,
        direction: 'inbound',
        body: 'Hello, my parcel has not arrived.',
      });
      expect(await nextFrame(c, (f) => f.type === 'subscribed')).toEqual({
        type: 'subscribed',
        caseId: customer.caseId,
        seq: 1,
      });
    }

    console.send({ type: 'send', caseId: customer.caseId, clientMessageId: 'a-1', body: 'Let me check.' });
    const ack = await nextFrame(console, (f) => f.type === 'ack');
    expect(ack).toMatchObject({ clientMessageId: 'a-1', caseId: customer.caseId, seq: 2, duplicate: false });
    widget.send({ type: 'send', caseId: customer.caseId, clientMessageId: 'c-1', body: 'Thank you!' });
    widget.send({ type: 'send', caseId: customer.caseId, clientMessageId: 'c-2', body: 'It is order 42.' });
    expect(await nextFrame(widget, (f) => f.ref === 'c-2' || f.clientMessageId === 'c-2')).toMatchObject({
      type: 'ack',
      seq: 4,
    });

    for (const c of [widget, console]) {
      const seen = (await drain(c)).filter((f) => f.type === 'message');
      expect(seen.map((f) => [f.message.seq, f.message.body])).toEqual([
        [2, 'Let me check.'],
        [3, 'Thank you!'],
        [4, 'It is order 42.'],
      ]);
    }
    const c1 = (await listMessages(agentCtx(), customer.caseId, { after: 0, limit: 10 })).find(
      (m) => m.clientMessageId === 'c-1',
    );
    expect(c1).toMatchObject({ direction: 'inbound', channel: 'chat', authorType: 'customer' });
  });

  it('resumes after a disconnect with exactly the messages missed, then live ones', async () => {
    const customer = await customerWithCase();
    let widget = await connect({ token: customer.token });
    widget.send({ type: 'subscribe', caseId: customer.caseId });
    expect((await nextFrame(widget, (f) => f.type === 'subscribed')).seq).toBe(1);
    await widget.close();

    for (const body of ['First answer.', 'Second answer.', 'Third answer.']) {
      await postMessage(agentCtx(), customer.caseId, { body });
    }
    widget = await connect({ token: customer.token });
    widget.send({ type: 'subscribe', caseId: customer.caseId, after: 1 });
    const subscribed = await nextFrame(widget, (f) => f.type === 'subscribed');
    expect(subscribed.seq).toBe(4);
    await postMessage(agentCtx(), customer.caseId, { body: 'Fourth, live.' });
    await nextFrame(widget, (f) => f.message?.seq === 5);
    expect((await drain(widget)).filter((f) => f.type === 'message').map((f) => f.message.seq)).toEqual([
      2, 3, 4,
    ]);
  });

  it('keeps seq order when the publications of two writers cross', async () => {
    const customer = await customerWithCase();
    const console = await connect({ token: agent.token });
    console.send({ type: 'subscribe', caseId: customer.caseId, after: 1 });
    await nextFrame(console, (f) => f.type === 'subscribed');
    bus.holding = true;
    await postMessage(agentCtx(), customer.caseId, { body: 'One.' });
    await postMessage(agentCtx(), customer.caseId, { body: 'Two.' });
    bus.releaseReversed();
    const first = await nextFrame(console, (f) => f.type === 'message');
    const second = await nextFrame(console, (f) => f.type === 'message');
    expect([first.message.seq, second.message.seq]).toEqual([2, 3]);
    expect((await drain(console)).filter((f) => f.type === 'message')).toEqual([]);
  });

  it('answers a resent clientMessageId with the first ack and stores and broadcasts it once', async () => {
    const customer = await customerWithCase();
    const widget = await connect({ token: customer.token });
    const console = await connect({ token: agent.token });
    console.send({ type: 'subscribe', caseId: customer.caseId, after: 1 });
    await nextFrame(console, (f) => f.type === 'subscribed');
    const frame = { type: 'send', caseId: customer.caseId, clientMessageId: 'c-dup', body: 'Are you there?' };
    widget.send(frame);
    const first = await nextFrame(widget, (f) => f.type === 'ack');
    // The widget lost its connection before the ack and sends again on a new one.
    await widget.close();
    const again = await connect({ token: customer.token });
    again.send(frame);
    const second = await nextFrame(again, (f) => f.type === 'ack');
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ ...first, duplicate: true });
    const stored = await listMessages(agentCtx(), customer.caseId, { after: 0, limit: 100 });
    expect(stored.filter((m) => m.clientMessageId === 'c-dup')).toHaveLength(1);
    const seen = await drain(console);
    expect(seen.filter((f) => f.type === 'message').map((f) => f.message.id)).toEqual([first.messageId]);
  });

  it("tells a customer that another customer's case is not found", async () => {
    const mine = await customerWithCase();
    const theirs = await customerWithCase();
    const widget = await connect({ token: mine.token });
    widget.send({ type: 'subscribe', caseId: theirs.caseId });
    expect(await nextFrame(widget)).toMatchObject({
      type: 'error',
      code: 'not_found',
      caseId: theirs.caseId,
    });
    widget.send({ type: 'send', caseId: theirs.caseId, clientMessageId: 'x-1', body: 'Hi' });
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'not_found', ref: 'x-1' });
    await postMessage(agentCtx(), theirs.caseId, { body: 'For the other customer only.' });
    widget.send({ type: 'subscribe', scope: 'tenant' });
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await drain(widget)).toEqual([]);
  });

  it('answers bad frames with an error frame and keeps the socket open', async () => {
    const customer = await customerWithCase();
    const widget = await connect({ token: customer.token });
    widget.send('{not json');
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'bad_frame' });
    widget.send({ type: 'shout' });
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'bad_frame' });
    widget.send([1, 2]);
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'bad_frame' });
    widget.send({ type: 'subscribe', caseId: 'not-a-uuid' });
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'validation_failed' });
    widget.send({ type: 'send', caseId: customer.caseId, clientMessageId: 'c-9', body: '' });
    const empty = await nextFrame(widget);
    expect(empty).toMatchObject({ type: 'error', code: 'validation_failed', ref: 'c-9' });
    expect(empty.errors[0].field).toBe('/body');
    widget.send({ type: 'send', caseId: customer.caseId, clientMessageId: 'c-9', body: 'x'.repeat(50_001) });
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'validation_failed', ref: 'c-9' });
    widget.send({ type: 'send', caseId: customer.caseId, body: 'No id' });
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'validation_failed' });
    widget.send({
      type: 'send',
      caseId: customer.caseId,
      clientMessageId: 'c-9',
      body: 'Now right.',
      channel: 'email',
    });
    expect(await nextFrame(widget)).toMatchObject({ type: 'error', code: 'validation_failed', ref: 'c-9' });

    widget.send({ type: 'send', caseId: customer.caseId, clientMessageId: 'c-9', body: 'Now right.' });
    expect(await nextFrame(widget)).toMatchObject({ type: 'ack', clientMessageId: 'c-9', seq: 2 });
    expect(widget.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a socket that sends a frame over 64 KB', async () => {
    const widget = await connect({ token: agent.token });
    const closed = new Promise<number>((resolve) => widget.ws.once('close', (code) => resolve(code)));
    widget.send({ type: 'ping', padding: 'x'.repeat(64 * 1024) });
    expect(await closed).toBe(1009);
  });

  it("gives internal notes to the agents' tenant subscription and never to the customer", async () => {
    const customer = await customerWithCase();
    const widget = await connect({ token: customer.token });
    const writer = await connect({ token: agent.token });
    const watcher = await connect({ cookie: `afterdesk_session=${agent.token}` });
    widget.send({ type: 'subscribe', caseId: customer.caseId, after: 1 });
    watcher.send({ type: 'subscribe', scope: 'tenant' });
    await nextFrame(widget, (f) => f.type === 'subscribed');
    await nextFrame(watcher, (f) => f.type === 'subscribed');

    writer.send({
      type: 'send',
      caseId: customer.caseId,
      clientMessageId: 'n-1',
      direction: 'note',
      body: 'Customer sounds upset; offer a voucher.',
    });
    expect(await nextFrame(writer, (f) => f.type === 'ack')).toMatchObject({ seq: 2 });
    writer.send({
      type: 'send',
      caseId: customer.caseId,
      clientMessageId: 'r-1',
      body: 'We will make it right.',
    });
    expect(await nextFrame(writer, (f) => f.type === 'ack')).toMatchObject({ seq: 3 });

    const watched = (await drain(watcher)).filter((f) => f.type === 'message').map((f) => f.message);
    expect(watched.map((m) => [m.seq, m.direction])).toEqual([
      [2, 'note'],
      [3, 'outbound'],
    ]);
    // Messages come in seq order, so a note (seq 2) would have come before the reply.
    const shown = await nextFrame(widget, (f) => f.type === 'message');
    expect([shown.message.seq, shown.message.direction]).toEqual([3, 'outbound']);
    expect(await drain(widget)).toEqual([]);

    const another = await customerWithCase('A new question.');
    const opened = await nextFrame(watcher, (f) => f.type === 'case' && f.caseId === another.caseId);
    expect(opened).toMatchObject({ event: 'case.opened', status: expect.any(String) });
    expect(opened.tenantId).toBeUndefined();
  });

  it("gives an agent of another tenant nothing of this tenant's traffic", async () => {
    const outsider = await connect({ token: otherAgentToken });
    outsider.send({ type: 'subscribe', scope: 'tenant' });
    await nextFrame(outsider, (f) => f.type === 'subscribed');
    const customer = await customerWithCase();
    outsider.send({ type: 'subscribe', caseId: customer.caseId });
    expect(await nextFrame(outsider, (f) => f.type === 'error')).toMatchObject({ code: 'not_found' });
    await postMessage(agentCtx(), customer.caseId, { body: 'Private to this shop.' });
    await postMessage(agentCtx(), customer.caseId, { direction: 'note', body: 'Private note.' });
    expect(await drain(outsider)).toEqual([]);
  });

  it('holds at most 100 subscriptions per socket', async () => {
    const caseIds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const opened = await startConversation(t.tenant.ctx, {
        kind: 'inquiry',
        body: `Question ${i}`,
        customer: { email: `many-${i}-${randomUUID()}@example.com` },
      });
      caseIds.push(opened.id);
    }
    const console = await connect({ token: agent.token });
    console.send({ type: 'subscribe', scope: 'tenant' });
    for (const caseId of caseIds) console.send({ type: 'subscribe', caseId });
    for (const caseId of caseIds.slice(0, 99)) {
      expect(await nextFrame(console, (f) => f.type !== 'message' && f.caseId === caseId)).toMatchObject({
        type: 'subscribed',
      });
    }
    expect(await nextFrame(console, (f) => f.type !== 'message' && f.caseId === caseIds[99])).toMatchObject({
      type: 'error',
      code: 'too_many_subscriptions',
    });
    console.send({ type: 'unsubscribe', caseId: caseIds[0] });
    console.send({ type: 'subscribe', caseId: caseIds[99] });
    expect(await nextFrame(console, (f) => f.type === 'subscribed' && f.caseId === caseIds[99])).toBeTruthy();
  });

  it('drops a socket that stops answering pings', async () => {
    const app = Fastify();
    await app.register(cookie);
    await registerLive(app, t.services, { heartbeatMs: 50 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const url = `ws://127.0.0.1:${port}/api/v1/live`;
      const headers = { authorization: `Bearer ${t.tenant.apiKey}` };
      const alive = await open(url, { headers });
      const dead = await open(url, { headers, autoPong: false });
      const closed = await new Promise<number>((resolve) => dead.ws.once('close', (code) => resolve(code)));
      expect(closed).toBe(1006);
      expect(alive.ws.readyState).toBe(WebSocket.OPEN);
      await alive.close();
    } finally {
      await app.close();
    }
  });
});
