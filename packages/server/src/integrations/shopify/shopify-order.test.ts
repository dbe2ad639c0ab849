import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalFormatError } from '../../imports/decimal.js';
import { parseShopifyJson, quoteLongIntegers } from './shopify-json.js';
import {
  type ShopifyFulfillment,
  type ShopifyOrder,
  shopifyFulfillmentToShipment,
  shopifyOrderToInput,
} from './shopify-order.js';
import { signShopifyBody, verifyShopifySignature } from './signature.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseShopifyJson', () => {
  it('keeps 64-bit Shopify ids exact, where JSON.parse would round them', () => {
    const order = parseShopifyJson(fixture('orders-create.json')) as ShopifyOrder;
    expect(order.id).toBe('820982911946154508');
    expect(String((JSON.parse(fixture('orders-create.json')) as ShopifyOrder).id)).not.toBe(
      '820982911946154508',
    );
  });

  it('leaves text that looks like a long number alone', () => {
    expect(quoteLongIntegers('{"note":"call 12345678901234567890","n":12345678901234567890}')).toBe(
      '{"note":"call 12345678901234567890","n":"12345678901234567890"}',
    );
  });

  it('parses any JSON without long integers exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        if (/\d{16,}/.test(text)) return;
        expect(parseShopifyJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });
});

describe('shopifyOrderToInput on Shopify’s orders/create sample', () => {
  const order = parseShopifyJson(fixture('orders-create.json')) as ShopifyOrder;
  const input = shopifyOrderToInput(order, 'eu');

  it('reads lines with exact minor units and their discount allocations', () => {
    expect(input.lines.map((l) => [l.externalId, l.sku, l.unitPriceMinor, l.discountMinor])).toEqual([
      ['487817672276298554', 'SKU2006-001', 8999, 0],
      ['789012345678901234', 'LENS-PROTECT-2YR', 1999, 0],
      ['890123456789012345', 'CASE-LEATHER-PREM', 2499, 0],
      ['976318377106520349', 'SKU2006-020', 15999, 0],
      ['315789986012684393', 'SKU2006-035', 11999, 0],
    ]);
    expect(input.shippingMinor).toBe(1000);
  });

  it('takes the customer, the language from the locale and the country from the shipping address', () => {
    expect(input.customer).toEqual({
      externalId: 'shopify:115310627314723954',
      email: 'john@example.com',
      name: 'John Smith',
      language: 'en',
      country: 'US',
    });
    expect(input).toMatchObject({ number: '#9999', currency: 'USD', placedAt: '2021-12-31T19:00:00-05:00' });
  });

  it('marks the sample cancelled (it carries cancelled_at) and records no payment for a voided order', () => {
    expect(input.status).toBe('cancelled');
    expect(input.payments).toEqual([]);
  });

  it('records the total as captured once the order is paid, in the currency’s digits', () => {
    const paid = shopifyOrderToInput({ ...order, cancelled_at: null, financial_status: 'paid' });
    expect(paid.status).toBeUndefined();
    expect(paid.payments).toEqual([
      { method: 'visa', reference: 'shopify:820982911946154508', capturedMinor: 40495 },
    ]);
  });

  it('refuses an amount finer than the currency allows rather than rounding it', () => {
    expect(() => shopifyOrderToInput({ ...order, currency: 'JPY' })).toThrow(DecimalFormatError);
  });

  it('prefers successful sale and capture transactions when they are present', () => {
    const withTransactions = shopifyOrderToInput({
      ...order,
      transactions: [
        { id: '1', kind: 'authorization', status: 'success', gateway: 'visa', amount: '404.95' },
        { id: '2', kind: 'capture', status: 'success', gateway: 'visa', amount: '404.95' },
        { id: '3', kind: 'sale', status: 'failure', gateway: 'visa', amount: '1.00' },
      ],
    });
    expect(withTransactions.payments).toEqual([
      { method: 'visa', reference: 'shopify:2', capturedMinor: 40495 },
    ]);
  });

  it('sums a line’s discount allocations', () => {
    const line = order.line_items[3] as ShopifyOrder['line_items'][number];
    const discounted = shopifyOrderToInput({
      ...order,
      line_items: [{ ...line, discount_allocations: [{ amount: '5.00' }, { amount: '2.50' }] }],
    });
    expect(discounted.lines[0]?.discountMinor).toBe(750);
  });
});

describe('shopifyFulfillmentToShipment on Shopify’s fulfillments/create sample', () => {
  const fulfillment = parseShopifyJson(fixture('fulfillments-create.json')) as ShopifyFulfillment;

  it('reads carrier, tracking number and the time it left', () => {
    expect(shopifyFulfillmentToShipment(fulfillment)).toEqual({
      carrier: 'UPS',
      trackingNumber: '1z827wk74630',
      shippedAt: '2021-12-31T19:00:00-05:00',
    });
  });

  it('marks the parcel delivered when Shopify says shipment_status delivered', () => {
    const delivered = {
      ...fulfillment,
      shipment_status: 'delivered',
      updated_at: '2022-01-03T10:00:00-05:00',
    };
    expect(shopifyFulfillmentToShipment(delivered)?.deliveredAt).toBe('2022-01-03T10:00:00-05:00');
  });

  it('drops a cancelled fulfillment', () => {
    expect(shopifyFulfillmentToShipment({ ...fulfillment, status: 'cancelled' })).toBeNull();
  });
});

describe('verifyShopifySignature', () => {
  const body = Buffer.from(fixture('orders-create.json'));

  it('accepts the base64 HMAC-SHA256 of the exact bytes', () => {
    expect(
      verifyShopifySignature('s3cret-s3cret-s3cret', body, signShopifyBody('s3cret-s3cret-s3cret', body)),
    ).toBe(true);
  });

  it('refuses another secret, a changed byte, a missing or malformed header', () => {
    const good = signShopifyBody('s3cret-s3cret-s3cret', body);
    expect(verifyShopifySignature('other-secret-other', body, good)).toBe(false);
    expect(
      verifyShopifySignature('s3cret-s3cret-s3cret', Buffer.concat([body, Buffer.from(' ')]), good),
    ).toBe(false);
    expect(verifyShopifySignature('s3cret-s3cret-s3cret', body, undefined)).toBe(false);
    expect(verifyShopifySignature('s3cret-s3cret-s3cret', body, 'not base64 at all')).toBe(false);
  });
});
