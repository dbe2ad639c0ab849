import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/scope.js';
import { qualityReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';
import { MONDAY_10, signIn } from '../testing/help-desk.test-helpers.js';

describe(`the review of a reply before it goes out (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let agent: TestApp['api'];

  beforeAll(async () => {
    app = await startTestApp({ now: MONDAY_10 });
    ({ as: agent } = await signIn(app, 'agent'));
  });
  afterAll(() => app.close());

  const inquiry = async () => {
    const opened = await app.api('POST', '/api/v1/conversations', {
      kind: 'inquiry',
      body: 'Hello, I sent the shoes back last week. When do I get my money?',
      channel: 'email',
      language: 'en',
      customer: { email: `c-${randomUUID()}@example.com`, name: 'Sam Doe' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body;
  };
  const reply = (caseId: string, body: string, extra: Record<string, unknown> = {}) =>
    agent('POST', `/api/v1/cases/${caseId}/messages`, { body, ...extra });
  const kinds = (findings: { kind: string }[]) => findings.map((f) => f.kind);

  it('sends a reply without greeting or closing, in another language, and says so', async () => {
    const c = await inquiry();
    const sent = await reply(c.id, 'Wir haben Ihre Rücksendung erhalten und prüfen sie gerade.');
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(kinds(sent.body.warnings)).toEqual(
      expect.arrayContaining(['missing_greeting', 'missing_closing', 'language_mismatch']),
    );
    const polite = await reply(
      c.id,
      'Hello Sam,\n\nwe received your parcel and are checking it.\n\nKind regards,\nAnna',
    );
    expect(polite.status).toBe(201);
    expect(polite.body.warnings).toEqual([]);
  });

  it('asks to confirm a promise faster than the policy, and records it with its due time once sent', async () => {
    const c = await inquiry();
    const text = 'Hello Sam,\n\nyou will get your refund within 2 days.\n\nKind regards,\nAnna';
    const held = await reply(c.id, text);
    expect(held.status).toBe(422);
    expect(held.headers.get('content-type')).toMatch(/problem\+json/);
    expect(held.body.detail).toMatch(/acknowledgeWarnings/);
    const sent = await reply(c.id, text, { acknowledgeWarnings: true });
    expect(sent.status).toBe(201);
    expect(kinds(sent.body.warnings)).toContain('promise_contradicts_policy');
    const promises = await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx.selectFrom('reply_promises').selectAll().where('case_id', '=', c.id).execute(),
    );
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({ thing: 'refund', state: 'open', message_id: sent.body.message.id });
    expect(promises[0]?.due_at.toISOString()).toBe(
      new Date(MONDAY_10.getTime() + 2 * 86_400_000).toISOString(),
    );
  });

  it('refuses to promise a refund the case rules out, even when warnings are acknowledged', async () => {
    const order = await importOrder(app.api, sampleOrder(MONDAY_10));
    const filed = (await app.api('POST', '/api/v1/cases', qualityReturn(order, 'Holes'))).body;
    await app.api('POST', `/api/v1/cases/${filed.id}/actions/reject`, { reason: 'Worn and washed.' });
    const refused = await reply(
      filed.id,
      'Hello,\n\nwe will refund you within 10 business days.\n\nBest regards',
      {
        acknowledgeWarnings: true,
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/rejected/);
  });

  it('checks a draft against the case as the console types, naming each promise', async () => {
    const c = await inquiry();
    const check = await agent('POST', '/api/v1/replies/check', {
      body: 'we will answer within 2 hours and ship the replacement in 3 business days',
      caseId: c.id,
    });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.blocked).toBe(false);
    expect(kinds(check.body.findings)).toContain('missing_greeting');
    expect(check.body.promises.map((p: any) => [p.thing, p.within])).toEqual([
      ['response', { amount: 2, unit: 'hours' }],
      ['replacement', { amount: 3, unit: 'business_days' }],
    ]);
  });
});
