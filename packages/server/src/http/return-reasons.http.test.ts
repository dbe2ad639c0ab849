import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOrder } from '../testing/fixtures.test-helpers.js';
import { client, importOrder, testDatabaseKind } from '../testing/harness.test-helpers.js';
import { type Api, type HelpDeskApp, startHelpDeskApp } from '../testing/help-desk.test-helpers.js';

describe(`the reasons a shopper picks from (${testDatabaseKind()})`, () => {
  let h: HelpDeskApp;
  let customer: Api;
  const email = `reasons-${randomUUID().slice(0, 8)}@example.com`;

  beforeAll(async () => {
    const now = new Date();
    h = await startHelpDeskApp(now);
    const order = await importOrder(h.api, sampleOrder(now, { email }));
    const token = await h.api('POST', '/api/v1/auth/customer-token', {
      tenantId: h.app.tenant.tenantId,
      orderNumber: order.number,
      email,
    });
    customer = client(h.app.server.url, token.body.token);
  });
  afterAll(() => h.app.close());

  it('lists the policy’s reasons for a customer, labelled in English by default and in Chinese when asked', async () => {
    const english = await customer('GET', '/api/v1/return-reasons');
    expect(english.status).toBe(200);
    const noReason = english.body.items.find((r: any) => r.code === 'no_reason');
    expect(noReason).toEqual({
      code: 'no_reason',
      label: 'Changed my mind (no-reason return)',
      fault: 'customer',
      kinds: ['return'],
      requiredConditions: ['unused', 'original_packaging', 'accessories_complete', 'resalable'],
      evidenceRequired: false,
    });
    const chinese = await customer('GET', '/api/v1/return-reasons?language=zh-CN');
    expect(chinese.body.items.find((r: any) => r.code === 'no_reason').label).toBe('七天无理由退货');
    expect(chinese.body.items.map((r: any) => r.code)).toEqual(english.body.items.map((r: any) => r.code));
  });

  it('follows the policy in force', async () => {
    const policy = await h.manager('GET', '/api/v1/policy');
    const reasons = policy.body.document.reasons.filter((r: any) => r.code !== 'other');
    const published = await h.manager('POST', '/api/v1/policy/versions', {
      document: { ...policy.body.document, reasons },
    });
    expect(published.status).toBe(201);
    const listed = await customer('GET', '/api/v1/return-reasons?language=de');
    expect(listed.body.items.map((r: any) => r.code)).not.toContain('other');
    expect(listed.body.items).toHaveLength(reasons.length);
  });

  it('is closed to anyone without credentials', async () => {
    const anonymous = client(h.app.server.url);
    expect((await anonymous('GET', '/api/v1/return-reasons')).status).toBe(401);
  });
});
