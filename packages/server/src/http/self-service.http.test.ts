import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';
import { MONDAY_10, onlineAgent } from '../testing/help-desk.test-helpers.js';

describe(`self-service answers (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  let agentId: string;
  const clock = { now: MONDAY_10 };

  beforeAll(async () => {
    app = await startTestApp({ now: MONDAY_10, adapt: (s) => ({ ...s, clock: () => clock.now }) });
    api = app.api;
    ({ id: agentId } = await onlineAgent(app));
  });
  afterAll(() => app.close());

  /** A customer with an order (parcel on its way unless said otherwise), signed in with a customer token. */
  async function customerWithOrder(options: { deliveredDaysAgo?: number | null; language?: string } = {}) {
    const email = `shopper-${randomUUID()}@example.com`;
    const input = sampleOrder(MONDAY_10, { email, deliveredDaysAgo: options.deliveredDaysAgo ?? null });
    const order = await importOrder(api, {
      ...input,
      customer: { ...input.customer, language: options.language ?? 'en' },
    });
    const token = await client(app.server.url)('POST', '/api/v1/auth/customer-token', {
      tenantId: app.tenant.tenantId,
      orderNumber: order.number,
      email,
    });
    return {
      order,
      as: client(app.server.url, token.body.token),
      tracking: input.shipments?.[0]?.trackingNumber,
    };
  }
  const write = (as: TestApp['api'], body: string, extra: Record<string, unknown> = {}) =>
    as('POST', '/api/v1/conversations', { kind: 'inquiry', channel: 'chat', body, ...extra });
  const messagesOf = async (caseId: string, as = api) =>
    (await as('GET', `/api/v1/cases/${caseId}/messages`)).body.items;

  it('tells a customer where their parcel is at once, from the live order, and starts no clock', async () => {
    const { as, order, tracking } = await customerWithOrder();
    const opened = await write(as, 'Where is my parcel?', { orderId: order.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ selfService: 'answered', assigneeId: null, clocks: [] });
    const [question, answer] = await messagesOf(opened.body.id, as);
    expect(question.body).toBe('Where is my parcel?');
    expect(answer).toMatchObject({
      direction: 'outbound',
      authorType: 'system',
      authorName: 'Afterdesk assistant',
    });
    expect(answer.body).toContain('DHL');
    expect(answer.body).toContain(tracking);
  });

  it('hands the case to an agent with a summary when the customer writes again, and starts the clocks then', async () => {
    const { as, order } = await customerWithOrder();
    const opened = (await write(as, 'Where is my parcel?', { orderId: order.id })).body;
    clock.now = new Date(MONDAY_10.getTime() + 30 * 60_000);
    await as('POST', `/api/v1/cases/${opened.id}/messages`, {
      body: 'It says nothing new. Can I talk to a person?',
    });
    const c = (await api('GET', `/api/v1/cases/${opened.id}`)).body;
    expect(c).toMatchObject({ selfService: 'handed_off', assigneeId: agentId });
    const first = c.clocks.find((k: any) => k.metric === 'first_response');
    expect(first.startedAt).toBe(clock.now.toISOString());
    const note = (await messagesOf(c.id)).find((m: any) => m.direction === 'note');
    expect(note.body).toMatch(/Needs a person/);
    expect(note.body).toMatch(/Already answered/i);
    expect(note.body).toContain(order.number);
    // The summary is for the agent, not the customer.
    expect((await messagesOf(c.id, as)).some((m: any) => m.direction === 'note')).toBe(false);
    clock.now = MONDAY_10;
  });

  it('closes the matter when the customer only says thanks', async () => {
    const { as, order } = await customerWithOrder();
    const opened = (await write(as, 'Where is my parcel?', { orderId: order.id })).body;
    await as('POST', `/api/v1/cases/${opened.id}/messages`, { body: 'Great, thank you very much!' });
    const c = (await api('GET', `/api/v1/cases/${opened.id}`)).body;
    expect(c).toMatchObject({ status: 'solved', selfService: 'answered', assigneeId: null });
  });

  it("explains the shop's return policy in the customer's language", async () => {
    const { as } = await customerWithOrder({ language: 'de' });
    const opened = (await write(as, 'Wie sind Ihre Rückgabebedingungen?', { language: 'de' })).body;
    expect(opened.selfService).toBe('answered');
    const [, answer] = await messagesOf(opened.id, as);
    expect(answer.language).toBe('de');
    // The default policy: seven days.
    expect(answer.body).toMatch(/7/);
  });

  it('tells where a refund stands', async () => {
    const { as, order } = await customerWithOrder({ deliveredDaysAgo: 2 });
    const filed = (await api('POST', '/api/v1/cases', noReasonReturn(order))).body;
    const step = (action: string, body: object = {}) =>
      api('POST', `/api/v1/cases/${filed.id}/actions/${action}`, body);
    await step('ship', { carrier: 'DHL', trackingNumber: 'RET1' });
    await step('receive');
    await step('pass-inspection');
    const refunded = (await step('refund')).body;
    expect(refunded.status).toBe('refunded');
    const opened = (await write(as, 'Where is my refund?')).body;
    expect(opened.selfService).toBe('answered');
    const [, answer] = await messagesOf(opened.id, as);
    const amount = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(
      refunded.refunds[0].amountMinor / 100,
    );
    expect(answer.body).toContain(amount);
  });

  it('gives an upset customer, or one who asks for a person, to an agent straight away', async () => {
    const { as, order } = await customerWithOrder();
    const angry = (
      await write(as, 'WHERE IS MY PARCEL??? This is a scam, unacceptable!!!', { orderId: order.id })
    ).body;
    expect(angry.selfService).toBeNull();
    expect(angry.assigneeId).not.toBeNull();
    expect(angry.clocks.length).toBeGreaterThan(0);
    const person = (await write(as, 'I want to talk to a human agent please')).body;
    expect(person.selfService).toBeNull();
    expect(person.clocks.length).toBeGreaterThan(0);
  });

  it('counts the conversations answered without an agent', async () => {
    const day = (offset: number) => new Date(MONDAY_10.getTime() + offset * 86_400_000).toISOString();
    const measures = await api('GET', `/api/v1/measures/service?from=${day(-1)}&to=${day(1)}`);
    expect(measures.status, JSON.stringify(measures.body)).toBe(200);
    const { selfService } = measures.body;
    expect(selfService.conversations).toBeGreaterThanOrEqual(7);
    expect(selfService.answered).toBeGreaterThanOrEqual(5);
    expect(selfService.withoutAgent).toBeGreaterThanOrEqual(3);
    expect(selfService.share).toBeCloseTo(selfService.withoutAgent / selfService.conversations);
  });
});
