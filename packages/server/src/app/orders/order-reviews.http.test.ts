import { Readable } from 'node:stream';
import type { OrderInput } from '@afterdesk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { getBuiltInMapping, readOrdersCsv } from '../../imports/index.js';
import { startTestApp, type TestApp } from '../../testing/harness.test-helpers.js';
import { upsertOrders } from './upsert-orders.js';

// Reviews and credit notes come in with the orders: by the API and by the CLI's
// direct path, which share the upsert; both are run here on the same files.

const OLIST_HEADER =
  'id,order_status,order_products_value,order_freight_value,order_items_qty,order_purchase_timestamp,order_estimated_delivery_date,order_delivered_customer_date,product_category_name,review_score,review_comment_message,review_creation_date';
const olistCsv = (firstScore: number) =>
  [
    OLIST_HEADER,
    `101,delivered,89.99,14.38,1,2017-08-30 11:41:01,2017-09-21 00:00:00,2017-09-08 20:35:27,beleza_saude,${firstScore},o produto chegou quebrado e ninguem responde quero meu dinheiro de volta,2017-09-09 00:00:00`,
    '102,delivered,69.00,15.23,1,2017-09-26 09:13:36,2017-10-24 00:00:00,2017-09-29 21:13:04,brinquedos,5,chegou antes do prazo adorei recomendo,2017-09-30 00:00:00',
    '103,delivered,20.00,5.00,1,2017-09-26 09:13:36,2017-10-24 00:00:00,2017-09-29 21:13:04,brinquedos,4,,2017-09-30 00:00:00',
  ].join('\n');
const RETAIL_CSV = [
  '"","InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country"',
  '"1","536365","85123A","WHITE HANGING HEART T-LIGHT HOLDER",6,"12/1/2010 8:26",2.55,17850,"United Kingdom"',
  '"2","C536379","85123A","WHITE HANGING HEART T-LIGHT HOLDER",-2,"12/1/2010 9:41",2.55,17850,"United Kingdom"',
].join('\n');

async function ordersOf(csv: string, mapping: string): Promise<OrderInput[]> {
  const orders: OrderInput[] = [];
  for await (const batch of readOrdersCsv(Readable.from([csv]), getBuiltInMapping(mapping), {
    storeCode: 'eu',
  })) {
    expect(batch.errors).toEqual([]);
    orders.push(...batch.orders);
  }
  return orders;
}

describe('order reviews and credit notes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  const reviews = () =>
    inTenant(app.handle.db, app.tenant.tenantId, (tx) =>
      tx
        .selectFrom('order_reviews as r')
        .innerJoin('orders as o', 'o.id', 'r.order_id')
        .select(['o.external_id as order', 'r.external_id', 'r.score', 'r.comment', 'r.language'])
        .select(['r.intent', 'r.sentiment', 'r.reviewed_at'])
        .orderBy('o.external_id')
        .execute(),
    );

  it('stores each Olist review with what triage read in its comment, once however often it is imported', async () => {
    const first = await upsertOrders(app.tenant.ctx, await ordersOf(olistCsv(1), 'olist'));
    expect(first).toMatchObject({ created: 3, reviews: 3 });
    // The same file again, once directly and once through the API: updated, not doubled.
    const again = await upsertOrders(app.tenant.ctx, await ordersOf(olistCsv(2), 'olist'));
    expect(again).toMatchObject({ created: 0, updated: 3, reviews: 3 });
    const viaApi = await app.api('POST', '/api/v1/orders/batch', {
      orders: await ordersOf(olistCsv(2), 'olist'),
    });
    expect(viaApi.status).toBe(200);
    expect(viaApi.body).toMatchObject({ created: 0, updated: 3, reviews: 3 });

    const stored = await reviews();
    expect(stored.map((r) => [r.order, r.external_id, r.score])).toEqual([
      ['olist-101', 'olist-review-101', 2],
      ['olist-102', 'olist-review-102', 5],
      ['olist-103', 'olist-review-103', 4],
    ]);
    const [angry, happy, silent] = stored;
    expect(angry).toMatchObject({ language: 'pt', intent: expect.any(String) });
    expect(angry?.sentiment).toBeLessThan(0);
    expect(happy?.sentiment).toBeGreaterThan(0);
    expect(silent).toMatchObject({ comment: null, language: null, intent: null, sentiment: null });
    expect(angry?.reviewed_at.toISOString()).toBe('2017-09-09T03:00:00.000Z');
  });

  it('refuses a review scored outside 1 to 5 and names the field', async () => {
    const [order] = await ordersOf(olistCsv(1), 'olist');
    const bad = {
      ...order,
      externalId: 'olist-bad',
      review: { externalId: 'r', score: 6, reviewedAt: '2017-09-09T00:00:00Z' },
    };
    const answer = await app.api('POST', '/api/v1/orders/batch', { orders: [bad] });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body.errors)).toContain('review/score');
  });

  it('marks an imported UCI credit note, and only it, as a credit note', async () => {
    const orders = await ordersOf(RETAIL_CSV, 'online-retail');
    expect(orders.map((o) => [o.externalId, o.status, o.creditNote])).toEqual([
      ['536365', undefined, undefined],
      ['C536379', 'cancelled', true],
    ]);
    const answer = await app.api('POST', '/api/v1/orders/batch', { orders });
    expect(answer.status).toBe(200);
    const stored = await inTenant(app.handle.db, app.tenant.tenantId, (tx) =>
      tx
        .selectFrom('orders')
        .select(['external_id', 'status', 'credit_note'])
        .where('external_id', 'in', ['536365', 'C536379'])
        .orderBy('external_id')
        .execute(),
    );
    expect(stored).toEqual([
      { external_id: '536365', status: 'placed', credit_note: false },
      { external_id: 'C536379', status: 'cancelled', credit_note: true },
    ]);
  });
});
