import type { OrderCsvMapping } from '../order-csv-mapping.js';

const zone = 'America/Sao_Paulo';

/**
 * Olist's classified-reviews export: one row per order with the goods total and item count, no
 * product ids or names. So each order gets one line (split in two when the total does not divide
 * by the count, see `splitLineTotal`) titled by its category, translated to English when the
 * caller passes Olist's translation table. Customer ids are per order (`olist-customer-<id>`):
 * zip + city is shared by many buyers. City, state and zip have no place in the contract. Each
 * row's review (score, comment, date) comes along; the server triages the comment.
 */
export const olistMapping: OrderCsvMapping = {
  name: 'olist',
  grouping: 'by-key',
  order: {
    key: { column: 'id', prefix: 'olist-' },
    placedAt: { column: 'order_purchase_timestamp', format: 'sql', zone },
    currency: { value: 'BRL' },
    // invoiced and processing: paid and being prepared, not yet handed to the carrier.
    status: {
      column: 'order_status',
      map: {
        delivered: 'delivered',
        shipped: 'shipped',
        canceled: 'cancelled',
        invoiced: 'paid',
        processing: 'paid',
      },
      unmapped: 'error',
    },
    shipping: { column: 'order_freight_value' },
  },
  customer: {
    externalId: { column: 'id', prefix: 'olist-customer-' },
    country: { value: 'BR' },
    language: { value: 'pt-BR' },
  },
  line: {
    externalId: { column: 'id', prefix: 'olist-line-' },
    sku: { column: 'product_category_name', prefix: 'olist-' },
    title: { column: 'product_category_name', translate: true, humanize: true },
    category: { column: 'product_category_name', translate: true },
    quantity: { column: 'order_items_qty' },
    lineTotal: { column: 'order_products_value' },
  },
  // One review per order; the export has no review id, so the order's id names it.
  review: {
    externalId: { column: 'id', prefix: 'olist-review-' },
    score: { column: 'review_score' },
    comment: { column: 'review_comment_message' },
    reviewedAt: { column: 'review_creation_date', format: 'sql', zone },
  },
  shipment: {
    carrier: { value: 'correios' },
    deliveredAt: { column: 'order_delivered_customer_date', format: 'sql', zone },
    estimatedAt: { column: 'order_estimated_delivery_date', format: 'sql', zone },
  },
};
