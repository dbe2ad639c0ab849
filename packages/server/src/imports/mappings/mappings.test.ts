import { Readable } from 'node:stream';
import { OrderInput } from '@afterdesk/contract';
import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCategoryTranslations } from '../category-translations.js';
import { readOrdersCsv } from '../csv-orders.js';
import type { ImportSummary } from '../import-summary.js';
import { splitLineTotal } from '../order-row.js';
import { getBuiltInMapping } from './index.js';

// Fixtures copy the real files' headers and shapes (values invented), so these tests need no data.
const OLIST_HEADER =
  'source_row,id,order_status,order_products_value,order_freight_value,order_items_qty,order_sellers_qty,order_purchase_timestamp,order_aproved_at,order_estimated_delivery_date,order_delivered_customer_date,customer_city,customer_state,customer_zip_code_prefix,product_category_name,review_score,review_comment_message,review_creation_date';
const olistRow = (
  id: number,
  status: string,
  value: string,
  qty: number,
  delivered: string,
  review = '5,tudo certo,2017-09-09 00:00:00.000000',
) =>
  `${id},${id},${status},${value},14.38,${qty},1,2017-08-30 11:41:01.000000,2017-08-30 11:55:08.970352,2017-09-21 00:00:00.000000,${delivered},Belo Horizonte,MG,308,beleza_saude,${review}`;
const RETAIL_HEADER =
  '"","InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country"';

async function importAll(csv: string, name: string, categoryTranslations?: Map<string, string>) {
  const orders: OrderInput[] = [];
  const errors: Array<{ row: number; message: string }> = [];
  let summary: ImportSummary | undefined;
  for await (const batch of readOrdersCsv(Readable.from([csv]), getBuiltInMapping(name), {
    categoryTranslations,
  })) {
    orders.push(...batch.orders);
    errors.push(...batch.errors);
    summary = batch.summary;
  }
  for (const order of orders) expect(Value.Check(OrderInput, order), order.externalId).toBe(true);
  return { orders, errors, summary };
}

describe('olist mapping', () => {
  it('makes one order per row with a Correios shipment, Brazilian customer and English category', async () => {
    const translations = await readCategoryTranslations(
      Readable.from([
        '\uFEFFproduct_category_name,product_category_name_english\r\nbeleza_saude,health_beauty\r\n',
      ]),
    );
    const csv = [OLIST_HEADER, olistRow(1, 'delivered', '89.99', 1, '2017-09-08 20:35:27.276847')].join('\n');
    const { orders } = await importAll(csv, 'olist', translations);
    expect(orders).toEqual([
      {
        externalId: 'olist-1',
        number: 'olist-1',
        status: 'delivered',
        placedAt: '2017-08-30T11:41:01-03:00',
        currency: 'BRL',
        shippingMinor: 1438,
        customer: { externalId: 'olist-customer-1', country: 'BR', language: 'pt-BR' },
        shipments: [
          {
            carrier: 'correios',
            deliveredAt: '2017-09-08T20:35:27.276-03:00',
            estimatedAt: '2017-09-21T00:00:00-03:00',
          },
        ],
        lines: [
          {
            externalId: 'olist-line-1',
            sku: 'olist-beleza_saude',
            title: 'health beauty',
            category: 'health_beauty',
            quantity: 1,
            unitPriceMinor: 8999,
          },
        ],
        review: {
          externalId: 'olist-review-1',
          score: 5,
          comment: 'tudo certo',
          reviewedAt: '2017-09-09T00:00:00-03:00',
        },
      },
    ]);
  });

  it("carries each row's review, and refuses a row whose score is not 1 to 5", async () => {
    const csv = [
      OLIST_HEADER,
      olistRow(6, 'delivered', '10.0', 1, '', '1,produto veio quebrado,2018-01-24 00:00:00.000000'),
      olistRow(7, 'delivered', '10.0', 1, '', '3,,2018-01-25 00:00:00.000000'),
      olistRow(8, 'delivered', '10.0', 1, '', ',,'),
      olistRow(9, 'delivered', '10.0', 1, '', '6,otimo,2018-01-25 00:00:00.000000'),
      olistRow(10, 'delivered', '10.0', 1, '', '4,ok,'),
    ].join('\n');
    const { orders, errors, summary } = await importAll(csv, 'olist');
    // Dates without an offset are read in São Paulo, on its summer time in January 2018.
    expect(orders.map((o) => [o.externalId, o.review])).toEqual([
      [
        'olist-6',
        {
          externalId: 'olist-review-6',
          score: 1,
          comment: 'produto veio quebrado',
          reviewedAt: '2018-01-24T00:00:00-02:00',
        },
      ],
      ['olist-7', { externalId: 'olist-review-7', score: 3, reviewedAt: '2018-01-25T00:00:00-02:00' }],
      ['olist-8', undefined],
    ]);
    expect(errors.map((e) => [e.row, e.message])).toEqual([
      [5, 'review score "6" is not a whole number from 1 to 5'],
      [6, 'review date is empty'],
    ]);
    expect(summary).toMatchObject({ orders: 3, reviews: 2 });
  });

  it('splits a goods total that does not divide by the quantity into two exact lines', async () => {
    const csv = [OLIST_HEADER, olistRow(2, 'shipped', '100.00', 3, '')].join('\n');
    const { orders, summary } = await importAll(csv, 'olist');
    expect(orders[0]?.lines.map((l) => [l.externalId, l.quantity, l.unitPriceMinor])).toEqual([
      ['olist-line-2', 2, 3333],
      ['olist-line-2-2', 1, 3334],
    ]);
    expect(orders[0]?.status).toBe('shipped');
    expect(orders[0]?.shipments).toEqual([{ carrier: 'correios', estimatedAt: '2017-09-21T00:00:00-03:00' }]);
    expect(summary?.currencies.BRL?.sales.goodsMinor).toBe(10000);
    expect(summary?.reconciled).toBe(true);
  });

  it('maps Olist statuses and gives cancelled orders no shipment', async () => {
    const csv = [
      OLIST_HEADER,
      olistRow(3, 'canceled', '10.0', 1, ''),
      olistRow(4, 'invoiced', '10.0', 1, ''),
      olistRow(5, 'lost', '10.0', 1, ''),
    ].join('\n');
    const { orders, errors } = await importAll(csv, 'olist');
    expect(orders.map((o) => [o.status, o.shipments])).toEqual([
      ['cancelled', undefined],
      ['paid', undefined],
    ]);
    expect(errors).toEqual([
      {
        row: 4,
        orderKey: 'olist-5',
        message: 'status "lost" (column "order_status") is not one the mapping knows',
      },
    ]);
  });
});

describe('online-retail mapping', () => {
  it('reconciles sales, credit notes and refused adjustments with the file', async () => {
    const csv = [
      RETAIL_HEADER,
      '"428465","573442","21479","WHITE SKULL HOT WATER BOTTLE ",4,"10/31/2011 10:42",4.25,12488,"France"',
      '"107865","545464","90036E","FLOWER GLASS GARLD NECKL36""AMETHYST",1,"3/3/2011 9:10",7.9,NA,"United Kingdom"',
      '"428466","573442","21479","WHITE SKULL HOT WATER BOTTLE ",2,"10/31/2011 10:42",4.25,12488,"France"',
      '"14515","C537600","AMAZONFEE","AMAZON FEE",-1,"12/7/2010 12:41",1,NA,"United Kingdom"',
      '"117255","546375","85096","",48,"3/11/2011 12:07",0,NA,"United Kingdom"',
      '"229000","554145","22000","",-12,"5/23/2011 10:00",0,NA,"EIRE"',
      '"300000","560000","22001","MUG",1,"7/1/2011 10:00",1.5,NA,"Atlantis"',
    ].join('\n');
    const { orders, errors, summary } = await importAll(csv, 'online-retail');
    expect(
      orders.map((o) => [o.externalId, o.status, o.customer, o.lines.map((l) => [l.externalId, l.quantity])]),
    ).toEqual([
      [
        '573442',
        undefined,
        { externalId: 'uci-customer-12488', country: 'FR' },
        [
          ['uci-row-428465', 4],
          ['uci-row-428466', 2],
        ],
      ],
      ['545464', undefined, { country: 'GB' }, [['uci-row-107865', 1]]],
      ['C537600', 'cancelled', { country: 'GB' }, [['uci-row-14515', 1]]],
    ]);
    // Credit notes say so, for analytics to count their units as returned; sales do not.
    expect(orders.map((o) => o.creditNote)).toEqual([undefined, undefined, true]);
    expect(orders[0]?.placedAt).toBe('2011-10-31T10:42:00+00:00');
    expect(orders[1]?.lines[0]?.title).toBe('FLOWER GLASS GARLD NECKL36"AMETHYST');
    expect(errors.map((e) => e.row)).toEqual([6, 7, 8]);
    expect(errors[0]?.message).toMatch(/price is 0/);
    expect(errors[1]?.message).toMatch(/quantity -12 is not positive, but 554145 is not a cancellation/);
    expect(errors[2]?.message).toMatch(/customer country "Atlantis"/);
    const gbp = summary?.currencies.GBP;
    expect(gbp?.sales).toMatchObject({ orders: 2, lines: 3, amountMinor: 6 * 425 + 790 });
    expect(gbp?.cancellations).toMatchObject({ orders: 1, amountMinor: 100 });
    expect(gbp?.rawGoodsMinor).toBe(6 * 425 + 790 - 100 + 150);
    expect(gbp?.rejectedGoodsMinor).toBe(150);
    expect(summary?.reconciled).toBe(true);
  });
});

describe('splitLineTotal', () => {
  it('always sums to the total with at most two prices one minor unit apart', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 1000 }), (total, quantity) => {
        const parts = splitLineTotal(total, quantity);
        expect(parts.reduce((sum, p) => sum + p.quantity * p.unitPriceMinor, 0)).toBe(total);
        expect(parts.reduce((sum, p) => sum + p.quantity, 0)).toBe(quantity);
        expect(parts.every((p) => p.quantity >= 1)).toBe(true);
        if (parts.length === 2)
          expect((parts[1]?.unitPriceMinor ?? 0) - (parts[0]?.unitPriceMinor ?? 0)).toBe(1);
      }),
    );
  });
});
