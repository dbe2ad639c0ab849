import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../app/auth/secrets.js';
import { inTenant } from '../db/scope.js';
import { notifyCustomers } from '../jobs/notify-customers.job.js';
import { client, startTestApp, type TestApp, testDatabaseKind } from '../testing/harness.test-helpers.js';

// Monday 2026-11-23, 10:00 in Berlin.
const MONDAY_10 = new Date('2026-11-23T09:00:00Z');

describe(`web form, notices, surveys and measures (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  let inboxId: string;
  const clock = { now: MONDAY_10 };
  const later = (minutes: number) => new Date(MONDAY_10.getTime() + minutes * 60_000);

  beforeAll(async () => {
    app = await startTestApp({ now: MONDAY_10, adapt: (s) => ({ ...s, clock: () => clock.now }) });
    api = app.api;
    inboxId = randomUUID();
    await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx
        .insertInto('inboxes')
        .values({ id: inboxId, tenant_id: app.tenant.tenantId, channel: 'web', name: 'Contact form' })
        .execute(),
    );
  });
  afterAll(() => app.close());

  // The notifier reads the event log in batches; on a database shared with other test
  // files it may take several runs to reach this tenant's events.
  async function drainNotices() {
    while ((await notifyCustomers(app.services)).read > 0);
  }

  async function submitForm(language = 'fr') {
    const anonymous = client(app.server.url);
    const sent = await anonymous('POST', `/api/v1/inboxes/${inboxId}/web-form`, {
      name: 'Camille Martin',
      email: `camille-${randomUUID()}@example.fr`,
      subject: 'Colis non reçu',
      message: "Je n'ai toujours pas reçu mon colis.",
      language,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    return sent.body as { caseId: string; caseNumber: number };
  }

  it('takes a contact form without credentials and refuses a form that does not exist', async () => {
    const { caseId } = await submitForm();
    const view = (await api('GET', `/api/v1/cases/${caseId}`)).body;
    expect(view).toMatchObject({ kind: 'inquiry', status: 'open', language: 'fr' });
    const missing = await client(app.server.url)('POST', `/api/v1/inboxes/${randomUUID()}/web-form`, {
      name: 'x',
      email: 'x@example.com',
      message: 'hello',
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it("acknowledges a customer's message in their language by e-mail, once, without stopping the response clock", async () => {
    const { caseId } = await submitForm('fr');
    clock.now = later(1);
    await drainNotices();
    await drainNotices();
    const messages = (await api('GET', `/api/v1/cases/${caseId}/messages`)).body.items;
    const notices = messages.filter((m: any) => m.authorType === 'system');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'email', deliveryState: 'queued', language: 'fr' });
    expect(notices[0].body).toMatch(/Merci pour votre message/);
    const view = (await api('GET', `/api/v1/cases/${caseId}`)).body;
    expect(view.clocks.find((c: any) => c.metric === 'first_response').state).toBe('active');
    clock.now = MONDAY_10;
  });

  it('tells the customer of a delay once per wait, however many clocks ran out, and again after an answer', async () => {
    const { caseId } = await submitForm('en');
    const breach = (metric: string) =>
      inTenant(app.services.db, app.tenant.tenantId, (tx) =>
        tx
          .insertInto('events')
          .values({
            tenant_id: app.tenant.tenantId,
            stream: 'case',
            stream_id: caseId,
            type: 'sla.breached',
            actor_type: 'system',
            data: JSON.stringify({ metric, cycle: 1, actions: ['tell_customer'], expectedBy: later(240) }),
            created_at: MONDAY_10,
          })
          .execute(),
      );
    const delayNotices = async () =>
      (await api('GET', `/api/v1/cases/${caseId}/messages`)).body.items.filter(
        (m: any) => m.authorType === 'system' && /expect|delay|sorry/i.test(m.body),
      );
    clock.now = later(1);
    await breach('first_response');
    await breach('resolution');
    await drainNotices();
    expect(await delayNotices()).toHaveLength(1);
    await api('POST', `/api/v1/cases/${caseId}/messages`, { body: 'We are on it.' });
    await breach('next_response');
    await drainNotices();
    expect(await delayNotices()).toHaveLength(2);
    clock.now = MONDAY_10;
  });

  it('sends a survey link when a case is solved, takes one answer, and counts it in the measures', async () => {
    const { caseId } = await submitForm('de');
    clock.now = later(30);
    await api('POST', `/api/v1/cases/${caseId}/messages`, {
      body: 'Ihr Paket kommt morgen.',
      channel: 'web',
    });
    const solved = await api('POST', `/api/v1/cases/${caseId}/actions/solve`, {});
    expect(solved.body.status).toBe('solved');
    clock.now = later(40);
    await drainNotices();
    const messages = (await api('GET', `/api/v1/cases/${caseId}/messages`)).body.items;
    const survey = messages.find((m: any) => /\/survey\//.test(m.body));
    expect(survey, 'a survey notice').toBeDefined();
    const token = /\/survey\/([A-Za-z0-9_-]+)/.exec(survey.body)?.[1] as string;
    const anonymous = client(app.server.url);
    expect((await anonymous('GET', `/api/v1/surveys/${token}`)).body).toMatchObject({ answered: false });
    const answered = await anonymous('POST', `/api/v1/surveys/${token}`, {
      score: 5,
      comment: 'Schnell und freundlich',
    });
    expect(answered.status).toBe(200);
    expect((await anonymous('POST', `/api/v1/surveys/${token}`, { score: 1 })).status).toBe(409);
    expect((await anonymous('POST', `/api/v1/surveys/${token}`, { score: 9 })).status).toBe(400);

    const measures = await api(
      'GET',
      `/api/v1/measures/service?from=${MONDAY_10.toISOString()}&to=${later(60 * 24).toISOString()}&groupBy=kind`,
    );
    expect(measures.status, JSON.stringify(measures.body)).toBe(200);
    const inquiry = measures.body.groups.find((g: any) => g.group === 'inquiry');
    expect(inquiry.metrics.first_response).toMatchObject({ hit: expect.any(Number), missed: 0 });
    expect(inquiry.metrics.first_response.hit).toBeGreaterThanOrEqual(1);
    expect(inquiry.metrics.first_response.attainment).toBe(1);
    expect(inquiry.csat).toMatchObject({ responses: 1, average: 5, satisfiedShare: 1 });
    clock.now = MONDAY_10;
  });

  it('keeps service-level time to the second: a case opened mid-minute in office hours waits and resumes', async () => {
    const at = (minutes: number) => new Date(MONDAY_10.getTime() + 30_500 + minutes * 60_000);
    const resolutionOf = async (caseId: string) =>
      (await api('GET', `/api/v1/cases/${caseId}`)).body.clocks.find((c: any) => c.metric === 'resolution');
    clock.now = at(0);
    const { caseId } = await submitForm('de');
    const due = Date.parse((await resolutionOf(caseId)).dueAt);

    clock.now = at(15);
    const asked = await api('POST', `/api/v1/cases/${caseId}/actions/request-info`, {
      reason: 'Your order number, please.',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const paused = await resolutionOf(caseId);
    expect(paused).toMatchObject({ state: 'paused', dueAt: null });
    // Three business days from 10:00:30.5 leave a part minute: 29.5 seconds of it.
    expect(paused.remainingMinutes % 1).toBeCloseTo(29.5 / 60, 6);

    clock.now = at(20);
    const answered = await api('POST', `/api/v1/cases/${caseId}/actions/provide-info`, {});
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const resumed = await resolutionOf(caseId);
    expect(resumed.state).toBe('active');
    // Due at Thursday's close (18:00 in Berlin); five open minutes later is 09:05 on Friday.
    expect(due).toBe(Date.parse('2026-11-26T17:00:00Z'));
    expect(Math.abs(Date.parse(resumed.dueAt) - Date.parse('2026-11-27T08:05:00Z'))).toBeLessThanOrEqual(1);
    clock.now = MONDAY_10;
  });

  it('reopens a solved case when the customer writes within the reopen period', async () => {
    const { caseId } = await submitForm('de');
    await api('POST', `/api/v1/cases/${caseId}/actions/solve`, {});
    const view = (await api('GET', `/api/v1/cases/${caseId}`)).body;
    const token = await customerToken(view.customerId);
    const wrote = await client(app.server.url, token)('POST', `/api/v1/cases/${caseId}/messages`, {
      body: 'Das Paket ist doch nicht angekommen.',
    });
    expect(wrote.status, JSON.stringify(wrote.body)).toBe(201);
    const after = (await api('GET', `/api/v1/cases/${caseId}`)).body;
    expect(after.status).toBe('open');
    expect(after.timeline.map((e: any) => e.type)).toContain('case.reopened');
  });

  // A customer session like the portal's, issued directly (the form's sender has no order).
  async function customerToken(customerId: string) {
    const token = newToken('cus');
    await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx
        .insertInto('sessions')
        .values({
          token_hash: hashToken(token),
          tenant_id: app.tenant.tenantId,
          customer_id: customerId,
          expires_at: new Date(MONDAY_10.getTime() + 24 * 3600_000),
        })
        .execute(),
    );
    return token;
  }
});
