import { Readable } from 'node:stream';
import { OrderInput } from '@afterdesk/contract';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { type ImportBatch, type ReadOrdersCsvOptions, readOrdersCsv } from './csv-orders.js';
import { formatSummary } from './import-summary.js';
import type { OrderCsvMapping } from './order-csv-mapping.js';

const shop: OrderCsvMapping = {
  nullValues: ['', 'NA'],
  order: {
    key: { column: 'order' },
    placedAt: { column: 'date', format: 'yyyy-MM-dd HH:mm', zone: 'Europe/Berlin' },
    currency: { column: 'currency' },
    shipping: { column: 'shipping' },
  },
  cancellation: { keyPrefix: 'C' },
  customer: { email: { column: 'email' } },
  line: {
    sku: { column: 'sku' },
    title: { column: 'title' },
    quantity: { column: 'qty' },
    unitPrice: { column: 'price' },
  },
};
const HEADER = 'order,date,currency,shipping,email,sku,title,qty,price';

// Small chunks, so records straddle chunk borders as they do in real streams.
function streamOf(text: string): Readable {
  const chunks = text.match(/[\s\S]{1,7}/g) ?? [];
  return Readable.from(chunks);
}

async function readAll(csv: string, mapping = shop, options: ReadOrdersCsvOptions = {}) {
  const batches: ImportBatch[] = [];
  for await (const batch of readOrdersCsv(streamOf(csv), mapping, options)) batches.push(batch);
  const last = batches.at(-1);
  if (!last?.last) throw new Error('no final batch');
  return {
    batches,
    orders: batches.flatMap((b) => b.orders),
    errors: batches.flatMap((b) => b.errors),
    summary: last.summary,
  };
}

describe('readOrdersCsv', () => {
  it('groups the rows of one order even when other orders come between them', async () => {
    const { orders, errors } = await readAll(
      [
        HEADER,
        '1001,2024-03-01 10:00,EUR,4.90,ana@example.com,SH-1,Sneaker,1,59.90',
        '1002,2024-03-01 11:00,EUR,0,bo@example.com,TS-2,T-shirt,2,15.00',
        '1001,2024-03-01 10:00,EUR,4.90,ana@example.com,SO-3,Socks,3,4.99',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.externalId, o.lines.map((l) => l.sku)])).toEqual([
      ['1001', ['SH-1', 'SO-3']],
      ['1002', ['TS-2']],
    ]);
    expect(orders[0]).toMatchObject({
      placedAt: '2024-03-01T10:00:00+01:00',
      shippingMinor: 490,
      customer: { email: 'ana@example.com' },
      lines: [{ externalId: '2', quantity: 1, unitPriceMinor: 5990 }, { externalId: '4' }],
    });
    for (const order of orders) expect(Value.Check(OrderInput, order)).toBe(true);
  });

  it('imports a credit note as a cancelled order with positive quantities and reconciles with the file', async () => {
    const { orders, summary } = await readAll(
      [
        HEADER,
        '1001,2024-03-01 10:00,EUR,4.90,,SH-1,Sneaker,2,59.90',
        'C1002,2024-03-02 09:00,EUR,,,SH-1,Sneaker,-1,59.90',
      ].join('\n'),
    );
    expect(orders[1]).toMatchObject({
      externalId: 'C1002',
      status: 'cancelled',
      lines: [{ quantity: 1, unitPriceMinor: 5990 }],
    });
    const eur = summary.currencies.EUR;
    expect(eur?.sales).toMatchObject({
      orders: 1,
      lines: 1,
      goodsMinor: 11980,
      shippingMinor: 490,
      amountMinor: 12470,
    });
    expect(eur?.cancellations).toMatchObject({ orders: 1, lines: 1, goodsMinor: 5990, amountMinor: 5990 });
    expect(eur?.netMinor).toBe(6480);
    expect(eur?.rawGoodsMinor).toBe(2 * 5990 - 5990);
    expect(summary.reconciled).toBe(true);
    expect(formatSummary(summary)).toContain(
      'check: file Σ quantity × price EUR 59.90 = imported goods EUR 59.90',
    );
  });

  it('reports each bad row with its line number and reason, and imports the rest', async () => {
    const { orders, errors, summary } = await readAll(
      [
        HEADER,
        '1001,2024-03-01 10:00,EUR,0,,SH-1,"Sneaker, ""Runner""\nsecond line",1,59.90',
        '1002,2024-03-01 10:00,EUR,0,,ADJ,Adjustment,1,0',
        '1003,2024-03-01 10:00,EUR,0,,SH-1,Sneaker,-2,59.90',
        '1004,yesterday,EUR,0,,SH-1,Sneaker,1,5.999',
        '1005,2024-03-01 10:00,EUR,0',
        '1006,2024-03-01 10:00,EUR,0,,SH-1,Sneaker,1,"59.90"x',
        '1007,2024-03-01 10:00,EUR,0,not-an-email,SH-1,Sneaker,1,59.90',
        '',
        '1008,2024-03-01 10:00,EUR,0,,SH-1,Sneaker,1,59.90',
      ].join('\n'),
    );
    expect(orders.map((o) => o.externalId)).toEqual(['1001', '1008']);
    expect(orders[0]?.lines[0]?.title).toBe('Sneaker, "Runner"\nsecond line');
    expect(errors.map((e) => e.row)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(errors[0]?.message).toMatch(/price is 0/);
    expect(errors[1]?.message).toMatch(/quantity -2 is not positive, but 1003 is not a cancellation/);
    expect(errors[2]?.message).toContain('placed date "yesterday" is not a date in format yyyy-MM-dd HH:mm');
    expect(errors[2]?.message).toContain('unit price: "5.999" has more than 2 decimal places');
    expect(errors[3]?.message).toBe('has 4 fields, the header has 9');
    expect(errors[4]?.message).toBe('unit price: ""59.90"x" is not a decimal number');
    expect(errors[5]).toMatchObject({
      orderKey: '1007',
      message: expect.stringMatching(/order 1007 \(rows 9\).*\/customer\/email/),
    });
    expect(summary).toMatchObject({
      rowsRead: 8,
      rowsImported: 2,
      rowsRejected: 6,
      errors: 6,
      orders: 2,
      reconciled: true,
    });
  });

  it('keeps the rows before a quote that is never closed and says what it swallowed', async () => {
    const { orders, errors, summary } = await readAll(
      [
        HEADER,
        '1,2024-03-01 10:00,EUR,,,S,Soap,1,1.00',
        '2,2024-03-01 10:00,EUR,,,S,"Soap,1,1.00',
        '3,x',
      ].join('\n'),
    );
    expect(orders.map((o) => o.externalId)).toEqual(['1']);
    expect(errors).toEqual([
      {
        row: 3,
        message: expect.stringMatching(/^not readable as CSV: Quote Not Closed.*everything after this quote/),
      },
    ]);
    expect(summary).toMatchObject({ rowsRead: 2, rowsRejected: 1 });
  });

  it('skips a bad row of an order but keeps its good rows', async () => {
    const { orders, errors } = await readAll(
      [
        HEADER,
        '1001,2024-03-01 10:00,EUR,0,,A,Apple,1,1.00',
        '1001,2024-03-01 10:00,EUR,0,,B,Banana,x,1.00',
      ].join('\n'),
    );
    expect(orders[0]?.lines.map((l) => l.sku)).toEqual(['A']);
    expect(errors).toEqual([{ row: 3, orderKey: '1001', message: 'quantity: "x" is not a whole number' }]);
  });

  it('yields batches of at most 500 orders and a complete summary on the last', async () => {
    const rows = Array.from({ length: 1201 }, (_, i) => `${i + 1},2024-03-01 10:00,GBP,,,S,Soap,1,1.25`);
    const { batches, summary } = await readAll([HEADER, ...rows].join('\n'));
    expect(batches.map((b) => b.orders.length)).toEqual([500, 500, 201]);
    expect(batches.map((b) => b.last)).toEqual([false, false, true]);
    expect(summary).toMatchObject({ rowsRead: 1201, orders: 1201, lines: 1201 });
    expect(summary.currencies.GBP?.sales.amountMinor).toBe(1201 * 125);
  });

  it('flushes orders as it goes when rows of one order are adjacent, and says when they are not', async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `${Math.floor(i / 2)},2024-03-01 10:00,EUR,,,S,Soap,1,1.00`,
    );
    const seen: number[] = [];
    const { batches, errors } = await readAll(
      [HEADER, ...rows, '3,2024-03-01 10:00,EUR,,,S,Soap,1,1.00'].join('\n'),
      {
        ...shop,
        grouping: 'consecutive',
      },
      { onProgress: (n) => seen.push(n), progressEvery: 500 },
    );
    expect(batches.map((b) => b.orders.length)).toEqual([500, 100]);
    expect(errors).toEqual([
      {
        row: 1202,
        orderKey: '3',
        message: 'order 3 appears again after other orders; this mapping expects its rows to be adjacent',
      },
    ]);
    expect(seen).toEqual([500, 1000]);
  });

  it('refuses a row whose currency differs from its order', async () => {
    const { errors } = await readAll(
      [HEADER, '1,2024-03-01 10:00,EUR,,,S,Soap,1,1.00', '1,2024-03-01 10:00,USD,,,S,Soap,1,1.00'].join('\n'),
    );
    expect(errors[0]?.message).toBe("currency USD differs from EUR of the order's first row");
  });

  it('refuses a line id used twice in one order and a discount above its line', async () => {
    const mapping: OrderCsvMapping = {
      ...shop,
      line: { ...shop.line, externalId: { column: 'sku' }, discount: { column: 'discount' } },
    };
    const { orders, errors } = await readAll(
      [
        `${HEADER},discount`,
        '1,2024-03-01 10:00,EUR,,,S,Soap,2,1.00,0.50',
        '1,2024-03-01 10:00,EUR,,,S,Soap,1,1.00,',
        '2,2024-03-01 10:00,EUR,,,S,Soap,1,1.00,1.01',
      ].join('\n'),
      mapping,
    );
    expect(orders.map((o) => o.lines)).toEqual([
      [{ externalId: 'S', sku: 'S', title: 'Soap', quantity: 2, unitPriceMinor: 100, discountMinor: 50 }],
    ]);
    expect(errors).toEqual([
      { row: 3, orderKey: '1', message: 'line id S is already used in order 1' },
      { row: 4, orderKey: '2', message: 'discount is larger than the line total' },
    ]);
  });

  it('names a mapped column the header lacks before reading any row', async () => {
    await expect(readAll('order,date\n1,2024-03-01 10:00')).rejects.toThrow(
      /column "currency" \(mapping field order.currency\)/,
    );
  });

  it('finishes with an empty last batch for a file with only a header', async () => {
    const { batches } = await readAll(`\uFEFF${HEADER}\n`);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ orders: [], errors: [], last: true, summary: { rowsRead: 0 } });
  });
});
