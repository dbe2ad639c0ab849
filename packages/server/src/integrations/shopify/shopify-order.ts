import type { OrderInput } from '@afterdesk/contract';
import { currencyDigits, parseDecimalToMinor } from '../../imports/decimal.js';

// The parts of Shopify's order and fulfillment webhooks Afterdesk reads (REST Admin API
// shapes, as in shopify.dev/docs/api/webhooks). Ids arrive as strings when they are too
// long for a double (see shopify-json.ts), so every id is read as `Id`.
type Id = string | number;
type Nullable<T> = T | null | undefined;

interface MoneySet {
  shop_money?: { amount: string; currency_code?: string };
}

interface Address {
  country_code?: Nullable<string>;
  phone?: Nullable<string>;
}

/** A fulfillment: one parcel of an order, as in fulfillments/create and fulfillments/update. */
export interface ShopifyFulfillment {
  id: Id;
  order_id?: Id;
  status?: Nullable<string>;
  created_at?: Nullable<string>;
  updated_at?: Nullable<string>;
  tracking_company?: Nullable<string>;
  tracking_number?: Nullable<string>;
  tracking_numbers?: Nullable<string[]>;
  shipment_status?: Nullable<string>;
  estimated_delivery_at?: Nullable<string>;
}

/** An order, as in orders/create, orders/updated and orders/cancelled. */
export interface ShopifyOrder {
  id: Id;
  name?: Nullable<string>;
  order_number?: Nullable<Id>;
  created_at: string;
  cancelled_at?: Nullable<string>;
  currency: string;
  financial_status?: Nullable<string>;
  email?: Nullable<string>;
  contact_email?: Nullable<string>;
  phone?: Nullable<string>;
  customer_locale?: Nullable<string>;
  total_price?: Nullable<string>;
  total_price_set?: Nullable<MoneySet>;
  total_shipping_price_set?: Nullable<MoneySet>;
  payment_gateway_names?: Nullable<string[]>;
  customer?: Nullable<{
    id?: Nullable<Id>;
    email?: Nullable<string>;
    phone?: Nullable<string>;
    first_name?: Nullable<string>;
    last_name?: Nullable<string>;
    default_address?: Nullable<Address>;
  }>;
  shipping_address?: Nullable<Address>;
  billing_address?: Nullable<Address>;
  line_items: {
    id: Id;
    sku?: Nullable<string>;
    title?: Nullable<string>;
    name?: Nullable<string>;
    variant_id?: Nullable<Id>;
    variant_title?: Nullable<string>;
    quantity: number;
    price: string;
    price_set?: Nullable<MoneySet>;
    discount_allocations?: Nullable<{ amount: string; amount_set?: Nullable<MoneySet> }[]>;
  }[];
  shipping_lines?: Nullable<{ price: string; price_set?: Nullable<MoneySet> }[]>;
  transactions?: Nullable<
    {
      id: Id;
      kind?: Nullable<string>;
      status?: Nullable<string>;
      gateway?: Nullable<string>;
      amount: string;
      authorization?: Nullable<string>;
    }[]
  >;
  fulfillments?: Nullable<ShopifyFulfillment[]>;
}

type Shipment = NonNullable<OrderInput['shipments']>[number];

// Shopify states in which the order total was taken from the customer.
const CAPTURED = new Set(['paid', 'partially_refunded', 'refunded']);
// Fulfillments that never left (or were withdrawn) are no parcel.
const NO_PARCEL = new Set(['cancelled', 'error', 'failure']);

/**
 * Shopify's order JSON as an Afterdesk order. Money is read in the shop currency (the
 * order's `currency`, which every `price` and `shop_money` amount is in), digit by digit.
 * Throws DecimalFormatError when an amount has more decimals than the currency allows.
 */
export function shopifyOrderToInput(order: ShopifyOrder, storeCode?: string): OrderInput {
  const currency = order.currency;
  const money = (plain: Nullable<string>, set?: Nullable<MoneySet>) =>
    parseDecimalToMinor(set?.shop_money?.amount ?? plain ?? '0', currencyDigits(currency));
  const lines = order.line_items
    .filter((l) => l.quantity > 0)
    .map((l) => {
      const unitPriceMinor = money(l.price, l.price_set);
      const discount = (l.discount_allocations ?? []).reduce(
        (sum, d) => sum + money(d.amount, d.amount_set),
        0,
      );
      return {
        externalId: String(l.id),
        sku: text(l.sku) ?? `shopify-variant:${l.variant_id ?? l.id}`,
        title: text(l.title) ?? text(l.name) ?? 'Item',
        ...(text(l.variant_title) ? { attributes: { variant: text(l.variant_title) as string } } : {}),
        quantity: l.quantity,
        unitPriceMinor,
        // Afterdesk refuses a discount above the line; Shopify never sends one, but a
        // rounding difference must not make the whole delivery fail.
        discountMinor: Math.min(discount, unitPriceMinor * l.quantity),
      };
    });
  const shippingMinor = order.total_shipping_price_set
    ? money(null, order.total_shipping_price_set)
    : (order.shipping_lines ?? []).reduce((sum, s) => sum + money(s.price, s.price_set), 0);
  const c = order.customer;
  const name = [c?.first_name, c?.last_name].filter((p) => text(p)).join(' ');
  const country =
    order.shipping_address?.country_code ??
    order.billing_address?.country_code ??
    c?.default_address?.country_code;
  const email = text(c?.email) ?? text(order.email) ?? text(order.contact_email);
  const phone = text(c?.phone) ?? text(order.phone);
  return {
    externalId: String(order.id),
    ...(storeCode ? { storeCode } : {}),
    number: text(order.name) ?? String(order.order_number ?? order.id),
    ...(order.cancelled_at ? { status: 'cancelled' as const } : {}),
    placedAt: order.created_at,
    currency,
    shippingMinor,
    customer: {
      ...(c?.id !== undefined && c?.id !== null ? { externalId: `shopify:${c.id}` } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      ...(name ? { name } : {}),
      ...(text(order.customer_locale) ? { language: text(order.customer_locale) as string } : {}),
      ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    },
    lines,
    payments: payments(order, money),
    shipments: (order.fulfillments ?? []).flatMap((f) => {
      const shipment = shopifyFulfillmentToShipment(f);
      return shipment ? [shipment] : [];
    }),
  };
}

/** A fulfillment as an Afterdesk shipment; null for one that was cancelled or failed. */
export function shopifyFulfillmentToShipment(f: ShopifyFulfillment): Shipment | null {
  if (f.status && NO_PARCEL.has(f.status)) return null;
  const trackingNumber = text(f.tracking_number) ?? text(f.tracking_numbers?.[0]);
  return {
    carrier: text(f.tracking_company) ?? 'unknown',
    ...(trackingNumber ? { trackingNumber } : {}),
    ...(f.created_at ? { shippedAt: f.created_at } : {}),
    ...(f.shipment_status === 'delivered' && (f.updated_at ?? f.created_at)
      ? { deliveredAt: (f.updated_at ?? f.created_at) as string }
      : {}),
    ...(f.estimated_delivery_at ? { estimatedAt: f.estimated_delivery_at } : {}),
  };
}

// Captured money: the successful sales and captures when Shopify sends transactions,
// else the order total once the order is paid.
function payments(order: ShopifyOrder, money: (plain: Nullable<string>, set?: Nullable<MoneySet>) => number) {
  if (order.transactions && order.transactions.length > 0) {
    return order.transactions
      .filter((t) => (t.kind === 'sale' || t.kind === 'capture') && t.status === 'success')
      .map((t) => ({
        method: text(t.gateway) ?? 'shopify',
        reference: `shopify:${t.id}`,
        capturedMinor: money(t.amount),
      }));
  }
  if (!order.financial_status || !CAPTURED.has(order.financial_status)) return [];
  return [
    {
      method: text(order.payment_gateway_names?.[0]) ?? 'shopify',
      reference: `shopify:${order.id}`,
      capturedMinor: money(order.total_price, order.total_price_set),
    },
  ];
}

function text(value: Nullable<string>): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
