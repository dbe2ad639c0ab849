import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { fanOutWebhooks } from '../../jobs/webhook-fan-out.job.js';
import { sampleOrder } from '../../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../../testing/harness.test-helpers.js';

// Exchanges over real HTTP: what the customer owes on top is
// asked through a payment link, a cheaper replacement refunds the difference once, and
// the replacement is reserved in the shop's stock, shipped, and reserved again if it fails.

const now = new Date();
let app: TestApp;

// Size exchanges approved by the policy itself; the merchant bears all shipping, so the
// only money that moves is the price difference.
const EXCHANGE_POLICY = {
  exchange: { allowHigherPrice: true },
  autoApproval: {
    kinds: ['return', 'exchange'],
    reasons: ['no_reason', 'size_not_fit'],
    requiredConditions: [],
  },
  shipping: {
    byFault: {
      merchant: { returnShipping: 'merchant', reshipping: 'merchant', refundOriginalShipping: true },
      customer: { returnShipping: 'merchant', reshipping: 'merchant', refundOriginalShipping: false },
    },
  },
};

beforeAll(async () => {
  app = await startTestApp({ now });
  expect((await app.api('POST', '/api/v1/policy/versions', { document: EXCHANGE_POLICY })).status).toBe(201);
  const subscribed = await app.api('POST', '/api/v1/webhooks/subscriptions', {
    url: 'https://shop.example.com/afterdesk',
    eventTypes: ['stock.*', 'payment_link.*', 'replacement.*'],
  });
  expect(subscribed.status).toBe(201);
});

afterAll(async () => {
  await app?.close();
});

/** A size exchange of one trail shoe (list price 59.99 EUR) for a size 43 at `unitPriceMinor`. */
async function fileExchange(unitPriceMinor: number, email?: string) {
  const order = await importOrder(app.api, sampleOrder(now, email ? { email } : {}));
  const filed = await app.api('POST', '/api/v1/cases', {
    kind: 'exchange',
    orderId: order.id,
    items: [
      {
        orderLineId: order.lines[0].id,
        quantity: 1,
        reasonCode: 'size_not_fit',
        conditions: ['unworn', 'unwashed', 'resalable'],
        replacement: { sku: 'SHOE-43-BLK', unitPriceMinor, attributes: { size: '43' } },
      },
    ],
  });
  expect(filed.status).toBe(201);
  return { order, filed: filed.body };
}

/** The parcel arrives and every item passes, through the warehouse's own endpoints. */
async function passInspection(c: { id: string; returnCode: string; items: { id: string }[] }) {
  expect((await app.api('POST', '/api/v1/warehouse/receipts', { code: c.returnCode })).status).toBe(200);
  const inspected = await app.api('POST', `/api/v1/cases/${c.id}/inspections`, {
    items: c.items.map((i) => ({ caseItemId: i.id, result: 'passed', disposition: 'restock' })),
  });
  expect(inspected.body).toMatchObject({ passed: true, nextStep: 'ship_replacement' });
  return inspected.body;
}

const exchangeOf = async (caseId: string) => (await app.api('GET', `/api/v1/cases/${caseId}/exchange`)).body;
const shipReplacement = (caseId: string, body: object = { carrier: 'DHL', trackingNumber: 'JD0001' }) =>
  app.api('POST', `/api/v1/cases/${caseId}/actions/ship-replacement`, body);
const refundsOf = (caseId: string) =>
  inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx.selectFrom('refunds').selectAll().where('case_id', '=', caseId).execute(),
  );
const eventsOf = (caseId: string, type: string) =>
  inTenant(app.services.db, app.tenant.tenantId, async (tx) =>
    (
      await tx
        .selectFrom('events')
        .select('data')
        .where('stream_id', '=', caseId)
        .where('type', '=', type)
        .orderBy('id')
        .execute()
    ).map((e) => e.data),
  );

describe(`exchanges (${testDatabaseKind()})`, () => {
  it('asks for a dearer replacement’s difference and ships it only once paid', async () => {
    const email = `dearer-${now.getTime()}@example.com`;
    const { order, filed } = await fileExchange(6999, email);
    expect(filed.status).toBe('awaiting_return');
    const [link] = (await exchangeOf(filed.id)).paymentLinks;
    expect(link).toMatchObject({ amountMinor: 1000, currency: 'EUR', status: 'open' });
    expect(link.lines).toEqual([{ code: 'price_difference', amountMinor: 1000 }]);
    expect(link.url).toMatch(new RegExp(`^${app.services.config.publicUrl}/pay/[\\w-]{43}$`));
    expect(await eventsOf(filed.id, 'payment_link.created')).toMatchObject([
      { paymentLinkId: link.id, amountMinor: 1000, url: link.url },
    ]);

    await passInspection(filed);
    // Nothing is reserved while money is owed, and shipping is refused naming the link.
    expect((await exchangeOf(filed.id)).replacementShipments).toEqual([]);
    const early = await shipReplacement(filed.id);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain(link.id);

    const token = await app.api('POST', '/api/v1/auth/customer-token', {
      tenantId: app.tenant.tenantId,
      orderNumber: order.number,
      email,
    });
    const customer = client(app.server.url, token.body.token);
    const byCustomer = await customer('POST', `/api/v1/payment-links/${link.id}/paid`, { reference: 'self' });
    expect(byCustomer.status).toBe(403);
    expect((await customer('GET', `/api/v1/cases/${filed.id}/exchange`)).body.paymentLinks[0].status).toBe(
      'open',
    );

    const paid = await app.api('POST', `/api/v1/payment-links/${link.id}/paid`, { reference: 'ch_123' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', reference: 'ch_123' });
    expect(paid.body.paidAt).not.toBeNull();
    // The checkout retrying is harmless; another payment for the same link is not.
    expect(
      (await app.api('POST', `/api/v1/payment-links/${link.id}/paid`, { reference: 'ch_123' })).status,
    ).toBe(200);
    expect(
      (await app.api('POST', `/api/v1/payment-links/${link.id}/paid`, { reference: 'ch_9' })).status,
    ).toBe(409);
    expect((await exchangeOf(filed.id)).replacementShipments).toMatchObject([
      { status: 'reserved', lines: [{ sku: 'SHOE-43-BLK', quantity: 1, attributes: { size: '43' } }] },
    ]);
    expect(await eventsOf(filed.id, 'stock.reservation_requested')).toMatchObject([
      { sku: 'SHOE-43-BLK', quantity: 1, caseId: filed.id },
    ]);

    const untracked = await shipReplacement(filed.id, { carrier: 'DHL' });
    expect(untracked.status).toBe(400);
    expect(untracked.body.errors).toEqual([{ field: '/trackingNumber', message: expect.any(String) }]);
    const shipped = await shipReplacement(filed.id);
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('replacement_shipped');
    expect((await exchangeOf(filed.id)).replacementShipments).toMatchObject([
      { status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0001' },
    ]);
    expect(await eventsOf(filed.id, 'replacement.shipped')).toMatchObject([
      { carrier: 'DHL', trackingNumber: 'JD0001', reshipment: false },
    ]);
    expect(await refundsOf(filed.id)).toHaveLength(0);
  });

  it('refunds a cheaper replacement’s difference once, however often the step runs', async () => {
    const { filed } = await fileExchange(4999);
    expect(filed.refundableMinor).toBe(1000);
    await passInspection(filed);
    const [refund] = await refundsOf(filed.id);
    expect(refund).toMatchObject({ idempotency_key: `case:${filed.id}:exchange_difference` });
    expect(Number(refund?.amount_minor)).toBe(1000);
    expect((await exchangeOf(filed.id)).replacementShipments).toMatchObject([{ status: 'reserved' }]);
    // Shipping runs the same preparation again; a second shipping is refused by the machine.
    expect((await shipReplacement(filed.id)).status).toBe(200);
    expect((await shipReplacement(filed.id)).status).toBe(409);
    expect(await refundsOf(filed.id)).toHaveLength(1);
    expect((await exchangeOf(filed.id)).paymentLinks).toEqual([]);
  });

  it('moves no money for a replacement at the same price', async () => {
    const { filed } = await fileExchange(5999);
    expect(filed.refundableMinor).toBe(0);
    await passInspection(filed);
    expect((await shipReplacement(filed.id)).status).toBe(200);
    const exchange = await exchangeOf(filed.id);
    expect(exchange.paymentLinks).toEqual([]);
    expect(exchange.replacementShipments).toMatchObject([{ status: 'shipped' }]);
    expect(await refundsOf(filed.id)).toHaveLength(0);
  });

  it('reserves the replacement again at once when it fails to ship, before or after it left (R-6.3)', async () => {
    const { filed } = await fileExchange(5999);
    const failEarly = await app.api('POST', `/api/v1/cases/${filed.id}/replacement/failed`, { reason: 'x' });
    expect(failEarly.status).toBe(409);
    await passInspection(filed);

    const outOfStock = await app.api('POST', `/api/v1/cases/${filed.id}/replacement/failed`, {
      reason: 'Size 43 damaged in the warehouse',
    });
    expect(outOfStock.status).toBe(200);
    expect(outOfStock.body.replacementShipments).toMatchObject([
      { status: 'failed', failureReason: 'Size 43 damaged in the warehouse' },
      { status: 'reserved', lines: [{ sku: 'SHOE-43-BLK', quantity: 1 }] },
    ]);
    expect(await eventsOf(filed.id, 'stock.reservation_requested')).toHaveLength(2);
    expect((await shipReplacement(filed.id)).body.status).toBe('replacement_shipped');

    const lost = await app.api('POST', `/api/v1/cases/${filed.id}/replacement/failed`, {
      reason: 'Lost by the carrier',
    });
    expect(lost.body.replacementShipments.map((s: { status: string }) => s.status)).toEqual([
      'failed',
      'failed',
      'reserved',
    ]);
    const reshipped = await shipReplacement(filed.id, { carrier: 'UPS', trackingNumber: '1Z999' });
    expect(reshipped.status).toBe(200);
    expect(reshipped.body.status).toBe('replacement_shipped');
    expect((await exchangeOf(filed.id)).replacementShipments[2]).toMatchObject({
      status: 'shipped',
      carrier: 'UPS',
      trackingNumber: '1Z999',
    });
    expect(await eventsOf(filed.id, 'replacement.shipped')).toMatchObject([
      { reshipment: false },
      { reshipment: true, carrier: 'UPS' },
    ]);
    // Nothing is left to re-ship: the machine says what the case allows.
    expect((await shipReplacement(filed.id)).status).toBe(409);

    // The shop hears of each reservation through its webhook subscription.
    while ((await fanOutWebhooks(app.services, { now: new Date(Date.now() + 60_000) })).read > 0);
    const deliveries = await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx
        .selectFrom('webhook_deliveries')
        .select('event_type')
        .where('stream_id', '=', filed.id)
        .where('event_type', '=', 'stock.reservation_requested')
        .execute(),
    );
    expect(deliveries).toHaveLength(3);
  });

  it('asks an agent-approved exchange for the new shipping the customer bears (R-3.6)', async () => {
    // The default shipping rules: the customer's own reason pays both legs; a person approves.
    const published = await app.api('POST', '/api/v1/policy/versions', {
      document: { exchange: { allowHigherPrice: true } },
    });
    expect(published.status).toBe(201);
    try {
      const { filed } = await fileExchange(5999);
      expect(filed.status).toBe('under_review');
      expect((await exchangeOf(filed.id)).paymentLinks).toEqual([]);
      const approved = await app.api('POST', `/api/v1/cases/${filed.id}/actions/approve`, {});
      expect(approved.status).toBe(200);
      expect((await exchangeOf(filed.id)).paymentLinks).toMatchObject([
        { amountMinor: 695, status: 'open', lines: [{ code: 'reshipping', amountMinor: 695 }] },
      ]);
    } finally {
      await app.api('POST', '/api/v1/policy/versions', { document: EXCHANGE_POLICY });
    }
  });
});
