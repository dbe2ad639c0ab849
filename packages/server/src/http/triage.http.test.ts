import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../app/tenants/create-user.js';
import { trainTenantTriage } from '../app/triage/train-tenant-model.js';
import { triageModelSource } from '../app/triage/triage-models.js';
import { inTenant } from '../db/scope.js';
import { sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';
import { MONDAY_10, onlineAgent } from '../testing/help-desk.test-helpers.js';

describe(`triage in the message path (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  let agent: TestApp['api'];
  let leadId: string;

  beforeAll(async () => {
    // Models are looked up afresh at every message, so a model trained in a test is used at once.
    app = await startTestApp({
      now: MONDAY_10,
      adapt: (s) => ({ ...s, triage: triageModelSource({ recheckMs: 0 }) }),
    });
    api = app.api;
    ({ as: agent } = await onlineAgent(app));
    const lead = await createUser(app.services, {
      tenantId: app.tenant.tenantId,
      email: `lead-${randomUUID()}@example.com`,
      name: 'The lead',
      role: 'agent',
      password: 'correct horse battery 1',
    });
    leadId = lead.id;
    // At the desk beside the agent, speaking the same languages: the senior one.
    await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx
        .updateTable('users')
        .set({ presence: 'online', languages: ['en', 'de'], is_lead: true })
        .where('id', '=', leadId)
        .execute(),
    );
  });
  afterAll(() => app.close());

  const open = async (body: string) => {
    const opened = await api('POST', '/api/v1/conversations', {
      kind: 'inquiry',
      body,
      channel: 'email',
      customer: { email: `c-${randomUUID()}@example.com`, name: 'Sam Doe' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body;
  };
  const messagesOf = async (caseId: string, as = api) =>
    (await as('GET', `/api/v1/cases/${caseId}/messages`)).body.items;

  it('tags each message with language, intent and mood, and shows it on the message and the case', async () => {
    const c = await open('The product is defective, it stopped working after two days.');
    expect(c).toMatchObject({ language: 'en', category: 'quality', intent: 'product_defect' });
    const [message] = await messagesOf(c.id);
    expect(message.language).toBe('en');
    expect(message.triage).toMatchObject({
      intent: 'product_defect',
      language: { language: 'en' },
      category: 'quality',
    });
    expect(message.triage.intents).toHaveLength(3);
    expect(message.triage.intentConfidence).toBeGreaterThan(0);
    expect(message.triage.sentiment).toBeLessThan(0);
  });

  it('sends an angry customer to a senior agent at a higher priority', async () => {
    const c = await open('This is a SCAM!!! Unacceptable. I want my money back immediately!!!');
    expect(c.priority).toBe('high');
    expect(c.emotions).toContain('anger');
    expect(c.sentiment).toBeLessThan(0);
    expect(c.assigneeId).toBe(leadId);
    const opened = c.timeline.find((e: any) => e.type === 'case.opened');
    expect(opened.data.priorityReasons).toContain('negative_sentiment');
  });

  it('raises the priority once when a calm customer becomes upset, not at every angry message', async () => {
    const c = await open('Hello, could you tell me when my order will ship?');
    expect(c.priority).toBe('normal');
    const write = (body: string) =>
      api('POST', `/api/v1/cases/${c.id}/messages`, { direction: 'inbound', channel: 'email', body });
    await write('Still nothing. This is unacceptable, I am furious!!!');
    await write('Terrible service, a total scam!!!');
    const after = (await api('GET', `/api/v1/cases/${c.id}`)).body;
    expect(after.priority).toBe('high');
    expect(after.timeline.filter((e: any) => e.type === 'case.priority_raised')).toHaveLength(1);
  });

  it("takes an agent's correction as a label and as the case's confirmed intent", async () => {
    const c = await open('I would like to send the jacket back, it is too small.');
    const [message] = await messagesOf(c.id);
    const labelled = await agent('PUT', `/api/v1/cases/${c.id}/messages/${message.id}/labels`, {
      intent: 'exchange_request',
      sentiment: 'neutral',
    });
    expect(labelled.status, JSON.stringify(labelled.body)).toBe(200);
    expect(labelled.body.triage.label).toEqual({ intent: 'exchange_request', sentiment: 'neutral' });
    // Later messages no longer move a confirmed intent.
    await api('POST', `/api/v1/cases/${c.id}/messages`, {
      direction: 'inbound',
      channel: 'email',
      body: 'Where is my refund?',
    });
    const after = (await api('GET', `/api/v1/cases/${c.id}`)).body;
    expect(after).toMatchObject({ intent: 'exchange_request', intentConfirmed: true });
  });

  it('refuses a label that is no intent, and labels on what the shop wrote', async () => {
    const c = await open('Where is my parcel?');
    const [message] = await messagesOf(c.id);
    const wrong = await agent('PUT', `/api/v1/cases/${c.id}/messages/${message.id}/labels`, {
      intent: 'pizza',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toMatch(/problem\+json/);
    const reply = await agent('POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'Hello Sam, it ships today.',
    });
    const outbound = reply.body.message.id;
    const onReply = await agent('PUT', `/api/v1/cases/${c.id}/messages/${outbound}/labels`, {
      intent: 'track_order',
    });
    expect(onReply.status).toBe(400);
    const missing = await agent('PUT', `/api/v1/cases/${c.id}/messages/${randomUUID()}/labels`, {
      intent: 'track_order',
    });
    expect(missing.status).toBe(404);
  });

  it('never shows the customer what triage thought of them', async () => {
    const email = `carla-${randomUUID()}@example.com`;
    const order = await importOrder(api, sampleOrder(MONDAY_10, { email }));
    const token = await client(app.server.url)('POST', '/api/v1/auth/customer-token', {
      tenantId: app.tenant.tenantId,
      orderNumber: order.number,
      email,
    });
    const customer = client(app.server.url, token.body.token);
    const c = await customer('POST', '/api/v1/conversations', {
      kind: 'complaint',
      body: 'The colour is completely different from the photo, very disappointed.',
      orderId: order.id,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const seen = await messagesOf(c.body.id, customer);
    expect(seen[0].triage).toBeNull();
    expect((await messagesOf(c.body.id))[0].triage).not.toBeNull();
  });

  it("learns the shop's own meaning from its agents' labels, and triages new messages with it", async () => {
    // This shop sells event tickets: "seat" questions are, for it, about changing the order.
    const asks = [
      'Can I swap my seat for row',
      'Please move my seat to row',
      'Is an upgrade of my seat possible to row',
    ];
    const thanks = [
      'Thanks, the concert in hall',
      'Great evening, thank you for hall',
      'Lovely show, thanks for hall',
    ];
    for (let n = 1; n <= 12; n++) {
      for (const [texts, intent] of [
        [asks, 'change_order'],
        [thanks, 'feedback'],
      ] as const) {
        const c = await open(`${texts[n % 3]} ${n}?`);
        const [message] = await messagesOf(c.id);
        await agent('PUT', `/api/v1/cases/${c.id}/messages/${message.id}/labels`, { intent });
      }
    }
    const trained = await trainTenantTriage(app.services, { tenantId: app.tenant.tenantId, task: 'intent' });
    expect(trained.examples).toBeGreaterThanOrEqual(24);
    expect(trained.heldOut.macroF1).toBeGreaterThan(0.5);
    const c = await open('Can I swap my seat for row 14?');
    const [message] = await messagesOf(c.id);
    expect(message.triage).toMatchObject({ intentModel: 'tenant', intent: 'change_order' });
  });

  it('refuses to train on too few labels, saying how many it has', async () => {
    await expect(
      trainTenantTriage(app.services, { tenantId: app.tenant.tenantId, task: 'sentiment' }),
    ).rejects.toThrow(/at least 20 labelled messages/);
  });
});
