import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noReasonReturn, qualityReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';

describe(`cases over HTTP (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  let tenant: TestApp['tenant'];
  let server: TestApp['server'];
  const now = new Date();

  beforeAll(async () => {
    app = await startTestApp({ now });
    ({ api, tenant, server } = app);
  });
  afterAll(() => app.close());

  it('imports orders idempotently by external id', async () => {
    const input = sampleOrder(now);
    const first = await api('POST', '/api/v1/orders/batch', { orders: [input] });
    const again = await api('POST', '/api/v1/orders/batch', {
      orders: [{ ...input, number: `${input.number}-renamed` }],
    });
    expect(first.body).toMatchObject({ created: 1, updated: 0 });
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
    expect(again.body.orders[0].id).toBe(first.body.orders[0].id);
    const found = await api('GET', `/api/v1/orders?number=${encodeURIComponent(`${input.number}-renamed`)}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ totalMinor: 2 * 5999 - 1000 + 1299 + 499, currency: 'EUR' });
  });

  it('approves a no-reason return automatically and issues a return code and waybill', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const created = await api('POST', '/api/v1/cases', noReasonReturn(order));
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('awaiting_return');
    expect(created.body.returnCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(created.body.returnShipment.waybillNumber).toMatch(/^AD\d{11}$/);
    expect(created.body.decision.outcome).toBe('approve');
    expect(created.body.channel).toBe('api');
    expect(created.body.decision.policyVersion).toBe(1);
    // One of two shoes: (2 × 59.99 − 10.00) / 2 = 54.99, less the customer's return shipping.
    expect(created.body.items[0].refundableMinor).toBe(5499);
    // R-9: the policy's decision answered the customer at once; the return itself is due
    // to be settled within 10 business days.
    const clocks = Object.fromEntries(created.body.clocks.map((k: any) => [k.metric, k]));
    expect(clocks.first_response).toMatchObject({ state: 'hit', completedAt: now.toISOString() });
    expect(clocks.resolution).toMatchObject({ state: 'active', rule: expect.stringContaining('return') });
    expect(Date.parse(clocks.resolution.dueAt) - now.getTime()).toBeGreaterThan(12 * 86_400_000);
    expect(created.body.slaDueAt).toBe(clocks.resolution.dueAt);
    expect(created.body.timeline.map((e: any) => e.type)).toEqual([
      'case.submitted',
      'case.decided',
      'case.approved',
      'case.label_issued',
    ]);
    const qr = await fetch(`${server.url}/api/v1/cases/${created.body.id}/return-code.png`, {
      headers: { authorization: `Bearer ${tenant.apiKey}` },
    });
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await qr.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('answers the dry run exactly as filing would decide, and stores nothing', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const dry = await api('POST', '/api/v1/cases/eligibility', {
      ...noReasonReturn(order),
      language: 'zh-CN',
    });
    expect(dry.status).toBe(200);
    expect(dry.body.outcome).toBe('approve');
    expect(dry.body.trace.length).toBeGreaterThan(3);
    expect(dry.body.trace.some((t: any) => /[\u4e00-\u9fff]/.test(t.message))).toBe(true);
    const japanese = await api('POST', '/api/v1/cases/eligibility', {
      ...noReasonReturn(order),
      language: 'ja-JP',
    });
    expect(japanese.body.outcome).toBe('approve');
    expect(japanese.body.trace.find((t: any) => t.rule === 'auto_approval_enabled')?.message).toBe(
      '自動承認が有効です。',
    );
    const list = await api('GET', `/api/v1/cases?orderId=${order.id}`);
    expect(list.body.items).toEqual([]);
  });

  it('sends a quality complaint without photos to review, then walks it to the refund', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const created = await api('POST', '/api/v1/cases', qualityReturn(order, 'Holes after one wash'));
    expect(created.body.status).toBe('under_review');
    // Nobody has looked at it yet: an answer is owed within the after-sales target.
    expect(created.body.clocks.find((k: any) => k.metric === 'first_response')).toMatchObject({
      state: 'active',
      completedAt: null,
    });
    const id = created.body.id;
    const step = async (action: string, body: object = {}) => {
      const r = await api('POST', `/api/v1/cases/${id}/actions/${action}`, body);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    };
    await step('request-info', { reason: 'Please send a photo of the holes.' });
    await step('provide-info');
    const approved = await step('approve');
    expect(approved.status).toBe('awaiting_return');
    // Seven calendar days in Berlin from now, to the end of that day.
    const label = approved.timeline.find((e: any) => e.type === 'case.label_issued');
    expect(Date.parse(label.data.shipBackBy) - now.getTime()).toBeGreaterThan(7 * 86_400_000);
    expect(Date.parse(label.data.shipBackBy) - now.getTime()).toBeLessThan(8 * 86_400_000 + 3_600_000);
    await step('ship', { carrier: 'DHL', trackingNumber: 'JD0001' });
    await step('receive');
    await step('pass-inspection', { notes: 'Confirmed defect' });
    const refunded = await step('refund');
    expect(refunded.status).toBe('refunded');
    expect(refunded.clocks.map((k: any) => [k.metric, k.state])).toEqual([
      ['first_response', 'hit'],
      ['resolution', 'hit'],
    ]);
    expect(refunded.refunds).toHaveLength(1);
    expect(refunded.refunds[0]).toMatchObject({
      amountMinor: refunded.refundableMinor,
      currency: 'EUR',
      method: 'original_payment',
    });
    const closed = await step('close');
    expect(closed.status).toBe('closed');
  });

  it('refuses an illegal transition with 409 naming the allowed actions', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const created = await api('POST', '/api/v1/cases', noReasonReturn(order));
    const r = await api('POST', `/api/v1/cases/${created.body.id}/actions/refund`, {});
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.code).toBe('illegal_transition');
    expect(r.body.allowedActions).toEqual(expect.arrayContaining(['ship', 'receive', 'cancel']));
  });

  it('refuses a stale version with 409', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const created = await api('POST', '/api/v1/cases', noReasonReturn(order));
    const stale = await api('POST', `/api/v1/cases/${created.body.id}/actions/ship`, {
      version: created.body.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
  });

  it('lets the customer cancel before the parcel travels, and not after', async () => {
    const order = await importOrder(api, sampleOrder(now, { email: 'cancel-me@example.com' }));
    const token = await api('POST', '/api/v1/auth/customer-token', {
      tenantId: tenant.tenantId,
      orderNumber: order.number,
      email: 'CANCEL-ME@example.com',
    });
    expect(token.status).toBe(200);
    const customer = client(server.url, token.body.token);
    const a = await customer('POST', '/api/v1/cases', noReasonReturn(order));
    expect(a.status).toBe(201);
    const cancelled = await customer('POST', `/api/v1/cases/${a.body.id}/actions/cancel`, {
      reason: 'Changed my mind',
    });
    expect(cancelled.body.status).toBe('cancelled');
    const b = await customer('POST', '/api/v1/cases', noReasonReturn(order));
    await customer('POST', `/api/v1/cases/${b.body.id}/actions/ship`, {
      carrier: 'DHL',
      trackingNumber: 'JD42',
    });
    const late = await customer('POST', `/api/v1/cases/${b.body.id}/actions/cancel`, { reason: 'Too late' });
    expect(late.status).toBe(409);
    expect(late.body.allowedActions).not.toContain('cancel');
  });

  it('records a refund once, whatever the number of parallel calls', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const created = await api('POST', '/api/v1/cases', noReasonReturn(order, 2));
    const id = created.body.id;
    for (const action of ['ship', 'receive', 'pass-inspection'])
      await api('POST', `/api/v1/cases/${id}/actions/${action}`, {});
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api('POST', `/api/v1/cases/${id}/actions/refund`, {})),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    const final = await api('GET', `/api/v1/cases/${id}`);
    expect(final.body.refunds).toHaveLength(1);
  });

  it('replays a POST with the same Idempotency-Key and refuses the key with another body', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const body = noReasonReturn(order);
    const headers = { 'idempotency-key': `k-${order.id}` };
    const first = await api('POST', '/api/v1/cases', body, headers);
    const second = await api('POST', '/api/v1/cases', body, headers);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await api('POST', '/api/v1/cases', { ...body, description: 'different' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_mismatch');
    const list = await api('GET', `/api/v1/cases?orderId=${order.id}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses to return more than was bought across cases', async () => {
    const order = await importOrder(api, sampleOrder(now));
    await api('POST', '/api/v1/cases', noReasonReturn(order, 2));
    const again = await api('POST', '/api/v1/cases', noReasonReturn(order, 1));
    expect(again.body.status).toBe('rejected');
    expect(again.body.decision.trace.find((t: any) => t.rule === 'quantity_available').passed).toBe(false);
  });

  it('lists cases with filters and cursor paging', async () => {
    const order = await importOrder(api, sampleOrder(now));
    for (let i = 0; i < 2; i++) await api('POST', '/api/v1/cases', noReasonReturn(order));
    const page1 = await api('GET', '/api/v1/cases?limit=2&kind=return&reason=no_reason');
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await api('GET', `/api/v1/cases?limit=2&kind=return&cursor=${page1.body.nextCursor}`);
    const ids1 = page1.body.items.map((c: any) => c.id);
    expect(page2.body.items.every((c: any) => !ids1.includes(c.id))).toBe(true);
    const bySku = await api('GET', '/api/v1/cases?sku=SHOE-42-BLK&limit=200');
    expect(bySku.body.items.length).toBeGreaterThan(0);
    const none = await api('GET', '/api/v1/cases?sku=NOPE');
    expect(none.body.items).toEqual([]);
    const bad = await api('GET', '/api/v1/cases?cursor=garbage');
    expect(bad.status).toBe(400);
  });

  it('answers bad input with problem+json field messages', async () => {
    const r = await api('POST', '/api/v1/cases', { kind: 'teleport', orderId: 'nope', items: [] });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors.length).toBeGreaterThan(0);
    const broken = await api('POST', '/api/v1/cases', '{"kind":');
    expect(broken.status).toBe(400);
    const missing = await api('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });
});
