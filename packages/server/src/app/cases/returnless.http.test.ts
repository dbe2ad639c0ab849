import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { NO_REASON_CONDITIONS, noReasonReturn, sampleOrder } from '../../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../../testing/harness.test-helpers.js';

// Returnless refunds ("keep it") over real HTTP: under a policy where a €10.00 label is
// too dear for goods worth less than €20.00, the €12.99 socks of the sample order are
// refunded without a parcel, while one €54.99 shoe goes back with a label as usual. The
// sample order's customer writes German, so the decision explains itself in German.

const now = new Date();
let app: TestApp;
let api: TestApp['api'];

beforeAll(async () => {
  app = await startTestApp({ now });
  api = app.api;
  const published = await api('POST', '/api/v1/policy/versions', {
    document: { returnless: { enabled: true, labelCostMinor: { EUR: 1000 }, maxLabelShare: 0.5 } },
  });
  expect(published.status).toBe(201);
});

afterAll(async () => {
  await app?.close();
});

/** A return of the order's socks (its second line) for `reasonCode`. */
function socksReturn(
  order: { id: string; lines: { id: string }[] },
  reasonCode = 'no_reason',
  language?: string,
) {
  const conditions =
    reasonCode === 'no_reason' ? [...NO_REASON_CONDITIONS] : ['unworn', 'unwashed', 'resalable'];
  return {
    kind: 'return',
    orderId: order.id,
    items: [{ orderLineId: order.lines[1]?.id, quantity: 1, reasonCode, conditions }],
    ...(language ? { language } : {}),
  };
}

const rowsOf = (table: 'refunds' | 'return_shipments', caseId: string) =>
  inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx.selectFrom(table).selectAll().where('case_id', '=', caseId).execute(),
  );
const returnlessCheck = (view: any) => view.decision.trace.find((entry: any) => entry.rule === 'returnless');

describe(`returnless refunds over HTTP (${testDatabaseKind()})`, () => {
  it('refunds cheap socks at once, with no label, no parcel and no return shipping fee', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const filed = await api('POST', '/api/v1/cases', socksReturn(order));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'refunded', returnCode: null, returnShipment: null });
    expect(filed.body.decision).toMatchObject({ outcome: 'approve', returnless: true, fees: [] });
    expect(filed.body.decision.deadlines.shipBackBy).toBeNull();
    expect(filed.body.refunds).toEqual([
      expect.objectContaining({ amountMinor: 1299, currency: 'EUR', method: 'original_payment' }),
    ]);
    expect(filed.body.timeline.map((e: any) => e.type)).toEqual(
      expect.arrayContaining(['case.approved', 'case.refunded']),
    );
    expect(filed.body.timeline.map((e: any) => e.type)).not.toContain('case.label_issued');
    expect(await rowsOf('return_shipments', filed.body.id)).toEqual([]);
    expect(await rowsOf('refunds', filed.body.id)).toHaveLength(1);
  });

  it('records that refund once: the case is over, a second refund is refused', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const filed = await api('POST', '/api/v1/cases', socksReturn(order));
    const again = await api('POST', `/api/v1/cases/${filed.body.id}/actions/refund`, {});
    expect(again.status).toBe(409);
    expect(again.body.allowedActions).toEqual(['close']);
    expect(await rowsOf('refunds', filed.body.id)).toHaveLength(1);
  });

  it('tells the customer, in the portal and in their German, to keep the item', async () => {
    const input = sampleOrder(now, { email: 'keep-it@example.com' });
    const order = await importOrder(api, input);
    const token = await api('POST', '/api/v1/auth/customer-token', {
      tenantId: app.tenant.tenantId,
      orderNumber: order.number,
      email: 'keep-it@example.com',
    });
    expect(token.status).toBe(200);
    const customer = client(app.server.url, token.body.token);
    const filed = await customer('POST', '/api/v1/cases', socksReturn(order));
    expect(filed.status).toBe(201);
    const seen = await customer('GET', `/api/v1/cases/${filed.body.id}`);
    expect(seen.body.decision.returnless).toBe(true);
    expect(returnlessCheck(seen.body)).toEqual({
      rule: 'returnless',
      passed: true,
      message:
        'Behalten Sie den Artikel: Die Rücksendung würde 10,00\u00a0€ kosten, mehr als 50\u00a0% seines Werts (12,99\u00a0€). Sie erhalten Ihre Erstattung, ohne etwas zurückzusenden.',
    });
  });

  it('explains it in Chinese to a customer who asks in Chinese', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const filed = await api('POST', '/api/v1/cases', socksReturn(order, 'no_reason', 'zh-CN'));
    expect(filed.body.status).toBe('refunded');
    expect(returnlessCheck(filed.body).message).toBe(
      '无需退回商品：寄回运费 €10.00 超过商品价值（€12.99）的 50%，直接为您退款。',
    );
  });

  it('sends an expensive shoe back with a label as usual, saying why', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const filed = await api('POST', '/api/v1/cases', noReasonReturn(order));
    expect(filed.body.status).toBe('awaiting_return');
    expect(filed.body.returnShipment).not.toBeNull();
    expect(filed.body.decision.returnless).toBe(false);
    expect(returnlessCheck(filed.body)).toMatchObject({
      passed: false,
      message:
        'Bitte senden Sie den Artikel zurück: Das Rücksendeetikett (10,00\u00a0€) kostet höchstens 50\u00a0% seines Werts (54,99\u00a0€).',
    });
    expect(filed.body.refunds).toEqual([]);
    expect(await rowsOf('return_shipments', filed.body.id)).toHaveLength(1);
  });

  it('lets an agent approve a reviewed returnless case without a label, then refund it once', async () => {
    const order = await importOrder(api, sampleOrder(now));
    // A size that does not fit is the customer's reason, but not an automatic one.
    const filed = await api('POST', '/api/v1/cases', socksReturn(order, 'size_not_fit'));
    expect(filed.body).toMatchObject({ status: 'under_review', decision: { returnless: true } });
    const approved = await api('POST', `/api/v1/cases/${filed.body.id}/actions/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', returnCode: null, returnShipment: null });
    expect(approved.body.allowedActions).toEqual(['issue_label', 'cancel', 'refund']);
    expect(await rowsOf('return_shipments', filed.body.id)).toEqual([]);

    const results = await Promise.all(
      Array.from({ length: 4 }, () => api('POST', `/api/v1/cases/${filed.body.id}/actions/refund`, {})),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    const refunds = await rowsOf('refunds', filed.body.id);
    expect(refunds.map((r) => Number(r.amount_minor))).toEqual([1299]);
  });
});
