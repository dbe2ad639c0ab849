import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/scope.js';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  newTenant,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';
import { signIn } from '../testing/help-desk.test-helpers.js';

// Monday 2026-11-23, 10:00 in Berlin: inside the default office hours.
const MONDAY_10 = new Date('2026-11-23T09:00:00Z');

describe(`conversations over HTTP (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  let agent: TestApp['api'];
  let agentId: string;
  const clock = { now: MONDAY_10 };

  beforeAll(async () => {
    app = await startTestApp({ now: MONDAY_10, adapt: (s) => ({ ...s, clock: () => clock.now }) });
    api = app.api;
    const signedIn = await signIn(app, 'agent');
    agent = signedIn.as;
    agentId = signedIn.id;
    // The agent speaks German and English and is at her desk: routing may give her cases.
    await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx
        .updateTable('users')
        .set({ presence: 'online', languages: ['de', 'en'] })
        .where('id', '=', agentId)
        .execute(),
    );
  });
  afterAll(() => app.close());

  async function openInquiry(body = 'Wo ist mein Paket?', extra: Record<string, unknown> = {}) {
    const opened = await api('POST', '/api/v1/conversations', {
      kind: 'inquiry',
      body,
      channel: 'web',
      language: 'de',
      customer: { email: `kunde-${randomUUID()}@example.com`, name: 'Lena Fischer' },
      ...extra,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body;
  }

  it('opens an inquiry with its first message, routes it to an agent who speaks the language, and starts its clocks', async () => {
    const inquiry = await openInquiry();
    // Triage read "Wo ist mein Paket?" as a parcel question, and files it so.
    expect(inquiry).toMatchObject({
      kind: 'inquiry',
      status: 'open',
      category: 'logistics',
      assigneeId: agentId,
    });
    expect(['track_order', 'delivery_late']).toContain(inquiry.intent);
    expect(inquiry.messageCount).toBe(1);
    // a consultation is answered within one business hour.
    const first = inquiry.clocks.find((c: any) => c.metric === 'first_response');
    expect(first).toMatchObject({ state: 'active', dueAt: '2026-11-23T10:00:00.000Z' });
    expect(inquiry.slaDueAt).toBe('2026-11-23T10:00:00.000Z');
    const assigned = inquiry.timeline.find((e: any) => e.type === 'case.assigned');
    expect(assigned.data).toMatchObject({ assigneeId: agentId });
    expect(assigned.reason).toMatch(/assigned/i);
  });

  it('records the first response as hit when the agent replies in time, and keeps internal notes from the customer', async () => {
    const inquiry = await openInquiry();
    clock.now = new Date(MONDAY_10.getTime() + 20 * 60_000);
    const note = await agent('POST', `/api/v1/cases/${inquiry.id}/messages`, {
      direction: 'note',
      body: 'Check DHL.',
    });
    expect(note.status).toBe(201);
    const reply = await agent('POST', `/api/v1/cases/${inquiry.id}/messages`, {
      body: 'Ihr Paket ist unterwegs und kommt morgen an.',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.message).toMatchObject({ direction: 'outbound', channel: 'web', seq: 3 });
    const view = (await api('GET', `/api/v1/cases/${inquiry.id}`)).body;
    expect(view.clocks.find((c: any) => c.metric === 'first_response')).toMatchObject({ state: 'hit' });
    const all = await agent('GET', `/api/v1/cases/${inquiry.id}/messages`);
    expect(all.body.items.map((m: any) => m.direction)).toEqual(['inbound', 'note', 'outbound']);
    clock.now = MONDAY_10;
  });

  it('refuses a reply with a forbidden phrase and says which', async () => {
    const inquiry = await openInquiry();
    const refused = await agent('POST', `/api/v1/cases/${inquiry.id}/messages`, {
      body: 'Sorry, this is not our problem.',
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(refused.body.detail).toMatch(/not our problem/);
    const check = await agent('POST', '/api/v1/replies/check', {
      body: '这不是我们的问题',
      language: 'zh-CN',
    });
    expect(check.body).toMatchObject({ blocked: true });
  });

  it('stores a message once however often the client resends it', async () => {
    const inquiry = await openInquiry();
    const send = () =>
      agent('POST', `/api/v1/cases/${inquiry.id}/messages`, {
        body: 'Wir prüfen das.',
        clientMessageId: 'c-1',
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, message: { id: first.body.message.id } });
    const all = await agent('GET', `/api/v1/cases/${inquiry.id}/messages?after=1`);
    expect(all.body.items).toHaveLength(1);
  });

  it('opens a complaint from a return, links both, and shows the whole history on the customer timeline', async () => {
    const order = await importOrder(api, sampleOrder(MONDAY_10));
    const ret = (await api('POST', '/api/v1/cases', noReasonReturn(order))).body;
    const complaint = await api('POST', '/api/v1/conversations', {
      kind: 'complaint',
      complaintType: 'service',
      body: 'Nobody answered my return question.',
      customerId: ret.customerId,
      orderId: order.id,
      relatedCaseId: ret.id,
    });
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
    expect(complaint.body.links).toEqual([{ caseId: ret.id, relation: 'opened_from' }]);
    const timeline = await agent('GET', `/api/v1/customers/${ret.customerId}/timeline`);
    const cases = new Set(timeline.body.items.map((i: any) => i.caseId));
    expect(cases).toEqual(new Set([ret.id, complaint.body.id]));
    expect(timeline.body.items.some((i: any) => i.kind === 'message')).toBe(true);
    expect(timeline.body.items.some((i: any) => i.event?.type === 'case.label_issued')).toBe(true);
  });

  it('pauses the resolution while waiting on the customer, and their answer resumes it', async () => {
    const inquiry = await openInquiry();
    const asked = await agent('POST', `/api/v1/cases/${inquiry.id}/actions/request-info`, {
      reason: 'Your order number, please.',
    });
    expect(asked.body.status).toBe('pending_info');
    expect(asked.body.clocks.find((c: any) => c.metric === 'resolution')).toMatchObject({
      state: 'paused',
      dueAt: null,
    });
    const answer = await api('POST', `/api/v1/cases/${inquiry.id}/messages`, {
      direction: 'inbound',
      channel: 'phone',
      body: 'Customer called: order EU-10001.',
    });
    expect(answer.status).toBe(201);
    const view = (await api('GET', `/api/v1/cases/${inquiry.id}`)).body;
    // Logged by staff, not written by the customer: the case still waits.
    expect(view.status).toBe('pending_info');
  });

  it('solves, reopens on request, and merges a duplicate into the case that carries on', async () => {
    const a = await openInquiry('Erste Frage');
    const b = await api('POST', '/api/v1/conversations', {
      kind: 'inquiry',
      body: 'Dieselbe Frage noch einmal',
      customerId: a.customerId,
    });
    const solved = await agent('POST', `/api/v1/cases/${a.id}/actions/solve`, {});
    expect(solved.body.status).toBe('solved');
    expect(solved.body.clocks.every((c: any) => c.state !== 'active')).toBe(true);
    const merged = await agent('POST', `/api/v1/cases/${b.body.id}/merge`, { intoCaseId: a.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.messageCount).toBe(2);
    const source = (await api('GET', `/api/v1/cases/${b.body.id}`)).body;
    expect(source).toMatchObject({ status: 'closed', mergedIntoId: a.id });
  });

  it('walks a dispute to a decision with compensation, allows one appeal, and records mediation', async () => {
    const order = await importOrder(api, sampleOrder(MONDAY_10));
    const dispute = (
      await api('POST', '/api/v1/conversations', {
        kind: 'dispute',
        body: 'The refund was too low.',
        customerId: order.customerId,
        orderId: order.id,
      })
    ).body;
    const step = (action: string, body: Record<string, unknown> = {}) =>
      api('POST', `/api/v1/cases/${dispute.id}/actions/${action}`, body);
    expect((await step('start-review')).body.status).toBe('under_review');
    expect((await step('refer-to-arbitration', { group: 'legal' })).body).toMatchObject({
      status: 'in_arbitration',
      arbitrationGroup: 'legal',
    });
    const mediation = await step('record-mediation', {
      mediator: 'Consumer board',
      reason: 'Both accept 20 EUR.',
    });
    expect(mediation.body.status).toBe('in_arbitration');
    const decided = await step('decide', { reason: 'We refund 20 EUR as agreed.', compensationMinor: 2000 });
    expect(decided.body.status).toBe('decided');
    expect(decided.body.refunds).toMatchObject([{ amountMinor: 2000, currency: 'EUR' }]);
    expect((await step('appeal', { reason: 'Too little.' })).body.status).toBe('appealed');
    expect((await step('decide', { reason: 'The decision stands.' })).body.status).toBe('appeal_decided');
    const second = await step('appeal', { reason: 'Again.' });
    expect(second.status).toBe(409);
  });

  it('keeps tenants apart: another tenant cannot read or write the conversation', async () => {
    const inquiry = await openInquiry();
    const other = client(app.server.url, (await newTenant(app.services, 'Other Shop')).apiKey);
    expect((await other('GET', `/api/v1/cases/${inquiry.id}/messages`)).status).toBe(404);
    expect((await other('POST', `/api/v1/cases/${inquiry.id}/messages`, { body: 'hello' })).status).toBe(404);
    expect((await other('GET', `/api/v1/customers/${inquiry.customerId}/timeline`)).status).toBe(404);
  });
});
