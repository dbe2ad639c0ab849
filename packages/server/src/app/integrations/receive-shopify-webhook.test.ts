import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { signShopifyBody } from '../../integrations/shopify/index.js';
import { client, newTenant, startTestApp, type TestApp } from '../../testing/harness.test-helpers.js';

// Shopify posts over real HTTP; each test sends one of Shopify's published sample payloads
// (fixtures/), with the sample's order id swapped for a fresh one so tests never collide.

const now = new Date('2024-03-01T12:00:00Z');
const SAMPLE_ORDER_ID = '820982911946154508';
const fixture = (name: string) =>
  readFileSync(new URL(`../../integrations/shopify/fixtures/${name}`, import.meta.url), 'utf8');

let app: TestApp;
let shop: { domain: string; secret: string };
let seq = 0;

const newShop = () => ({
  domain: `t${randomBytes(6).toString('hex')}.myshopify.com`,
  secret: randomBytes(24).toString('hex'),
});

async function connect(api: TestApp['api'], s: { domain: string; secret: string }) {
  const response = await api('PUT', '/api/v1/integrations/shopify', {
    shopDomain: s.domain,
    webhookSecret: s.secret,
    storeCode: 'eu',
  });
  expect(response.status).toBe(200);
  return response;
}

/** Shopify's sample for `file`, about order `orderId`, edited by `edit`. */
function sample(file: string, orderId: string, edit: (payload: any) => void = () => undefined): string {
  const text = fixture(file).replaceAll(SAMPLE_ORDER_ID, orderId);
  // Edits work on a parse that keeps the ids as they were written.
  const payload = JSON.parse(text.replace(/(":\s*)(\d{16,})/g, '$1"#big#$2"'));
  edit(payload);
  return JSON.stringify(payload).replace(/"#big#(\d+)"/g, '$1');
}

interface Delivery {
  topic: string;
  body: string;
  webhookId?: string;
  triggeredAt?: string;
  hmac?: string | null;
  domain?: string;
  secret?: string;
}

async function deliver(d: Delivery) {
  const secret = d.secret ?? shop.secret;
  const headers: Record<string, string> = {
    'x-shopify-topic': d.topic,
    'x-shopify-shop-domain': d.domain ?? shop.domain,
    'x-shopify-webhook-id': d.webhookId ?? `wh-${randomBytes(8).toString('hex')}`,
    'x-shopify-triggered-at': d.triggeredAt ?? new Date(now.getTime() - 30_000).toISOString(),
    'x-shopify-api-version': '2026-07',
  };
  if (d.hmac !== null) headers['x-shopify-hmac-sha256'] = d.hmac ?? signShopifyBody(secret, d.body);
  return client(app.server.url)('POST', '/api/v1/webhooks/shopify', d.body, headers);
}

const freshId = () => `7${String(Date.now()).slice(-9)}${String(++seq).padStart(8, '0')}`;
const paidOrder = (id: string) =>
  sample('orders-create.json', id, (o) => {
    o.cancelled_at = null;
    o.cancel_reason = null;
    o.financial_status = 'paid';
  });

async function orderByExternalId(externalId: string, api = app.api) {
  const found = await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx.selectFrom('orders').select('id').where('external_id', '=', externalId).executeTakeFirst(),
  );
  if (!found) return null;
  return (await api('GET', `/api/v1/orders/${found.id}`)).body;
}

beforeAll(async () => {
  app = await startTestApp({ now });
  shop = newShop();
  await connect(app.api, shop);
});
afterAll(() => app?.close());

describe('PUT /api/v1/integrations/shopify', () => {
  it('stores the secret but never returns it', async () => {
    const response = await connect(app.api, shop);
    expect(response.body).toMatchObject({
      shopDomain: shop.domain,
      storeCode: 'eu',
      maxDeliveryAgeSeconds: 900,
    });
    expect(JSON.stringify(response.body)).not.toContain(shop.secret);
  });

  it('refuses a shop domain another tenant has connected', async () => {
    const other = await newTenant(app.services, 'Other');
    const response = await client(app.server.url, other.apiKey)('PUT', '/api/v1/integrations/shopify', {
      shopDomain: shop.domain,
      webhookSecret: 'a-secret-of-another-shop',
    });
    expect(response.status).toBe(409);
  });
});

describe('POST /api/v1/webhooks/shopify', () => {
  it('upserts a correctly signed orders/create with its 64-bit id intact', async () => {
    const id = freshId();
    const response = await deliver({ topic: 'orders/create', body: paidOrder(id) });
    expect(response.status).toBe(200);
    expect(response.body.outcome).toBe('applied');
    const order = await orderByExternalId(id);
    expect(order).toMatchObject({ number: '#9999', status: 'paid', currency: 'USD', shippingMinor: 1000 });
    expect(order.lines).toHaveLength(5);
    expect(order.totalMinor).toBe(8999 + 1999 + 2499 + 15999 + 11999 + 1000);
    expect(order.payments).toEqual([{ method: 'visa', reference: `shopify:${id}`, capturedMinor: 40495 }]);
  });

  it('answers 401 problem+json to a wrong or missing signature and stores nothing', async () => {
    const id = freshId();
    const body = paidOrder(id);
    const wrong = await deliver({
      topic: 'orders/create',
      body,
      hmac: signShopifyBody('not-the-secret', body),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    const missing = await deliver({ topic: 'orders/create', body, hmac: null });
    expect(missing.status).toBe(401);
    expect(await orderByExternalId(id)).toBeNull();
  });

  it('answers 401 to a shop domain nobody connected', async () => {
    const response = await deliver({
      topic: 'orders/create',
      body: paidOrder(freshId()),
      domain: 'nobody.myshopify.com',
    });
    expect(response.status).toBe(401);
  });

  it('changes nothing when the same delivery arrives twice', async () => {
    const id = freshId();
    const webhookId = `wh-${id}`;
    await deliver({ topic: 'orders/create', body: paidOrder(id), webhookId });
    const before = await orderByExternalId(id);
    const events = () =>
      inTenant(app.services.db, app.tenant.tenantId, (tx) =>
        tx.selectFrom('events').select('id').where('stream_id', '=', before.id).execute(),
      );
    const eventsBefore = (await events()).length;
    // A replay carrying an edited body but the same delivery id must not slip through either.
    const edited = sample('orders-create.json', id, (o) => {
      o.cancelled_at = null;
      o.financial_status = 'paid';
      o.line_items[0].price = '1.00';
    });
    const again = await deliver({ topic: 'orders/updated', body: edited, webhookId });
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('duplicate');
    expect(await orderByExternalId(id)).toEqual(before);
    expect((await events()).length).toBe(eventsBefore);
  });

  it('refuses a stale delivery and stores nothing', async () => {
    const id = freshId();
    const stale = await deliver({
      topic: 'orders/create',
      body: paidOrder(id),
      triggeredAt: new Date(now.getTime() - 16 * 60_000).toISOString(),
    });
    expect(stale.status).toBe(409);
    expect(await orderByExternalId(id)).toBeNull();
  });

  it('walks an order from create through update, fulfillment and delivery to cancellation', async () => {
    const id = freshId();
    await deliver({ topic: 'orders/create', body: paidOrder(id) });
    const updated = sample('orders-updated.json', id, (o) => {
      o.cancelled_at = null;
      o.financial_status = 'paid';
      o.line_items.pop();
    });
    expect((await deliver({ topic: 'orders/updated', body: updated })).body.outcome).toBe('applied');
    expect((await orderByExternalId(id)).totalMinor).toBe(8999 + 1999 + 2499 + 15999 + 1000);

    await deliver({ topic: 'fulfillments/create', body: sample('fulfillments-create.json', id) });
    let order = await orderByExternalId(id);
    expect(order.status).toBe('shipped');
    expect(order.shipments).toMatchObject([
      { carrier: 'UPS', trackingNumber: '1z827wk74630', deliveredAt: null },
    ]);

    const delivered = sample('fulfillments-update.json', id, (f) => {
      f.status = 'success';
      f.shipment_status = 'delivered';
      f.updated_at = '2024-02-28T10:00:00Z';
    });
    await deliver({ topic: 'fulfillments/update', body: delivered });
    order = await orderByExternalId(id);
    expect(order.status).toBe('delivered');
    expect(order.shipments).toHaveLength(1);
    expect(order.shipments[0].deliveredAt).toBe('2024-02-28T10:00:00.000Z');

    await deliver({ topic: 'orders/cancelled', body: sample('orders-cancelled.json', id) });
    expect((await orderByExternalId(id)).status).toBe('cancelled');
  });

  it('answers unknown_order to a fulfillment of an order not imported yet, and ignores other topics', async () => {
    const fulfillment = await deliver({
      topic: 'fulfillments/create',
      body: sample('fulfillments-create.json', freshId()),
    });
    expect(fulfillment.body.outcome).toBe('unknown_order');
    const other = await deliver({ topic: 'products/update', body: '{"id":1}' });
    expect(other.body.outcome).toBe('ignored');
  });

  it("leaves another tenant's order with the same Shopify id untouched", async () => {
    const id = freshId();
    const b = await newTenant(app.services, 'B');
    const bShop = newShop();
    const bApi = client(app.server.url, b.apiKey);
    await connect(bApi, bShop);
    await deliver({
      topic: 'orders/create',
      body: paidOrder(id),
      domain: bShop.domain,
      secret: bShop.secret,
    });
    const bOrder = async () => {
      const found = await inTenant(app.services.db, b.tenantId, (tx) =>
        tx.selectFrom('orders').select('id').where('external_id', '=', id).executeTakeFirstOrThrow(),
      );
      return (await bApi('GET', `/api/v1/orders/${found.id}`)).body;
    };
    const before = await bOrder();
    await deliver({ topic: 'orders/create', body: paidOrder(id) });
    await deliver({ topic: 'orders/cancelled', body: sample('orders-cancelled.json', id) });
    expect((await orderByExternalId(id)).status).toBe('cancelled');
    expect(await bOrder()).toEqual(before);
  });
});
