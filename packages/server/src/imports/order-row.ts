import type { OrderInput, OrderLineInput, OrderReviewInput } from '@afterdesk/contract';
import { DateTime } from 'luxon';
import {
  currencyDigits,
  DecimalFormatError,
  formatMinor,
  parseDecimalToMinor,
  parseInteger,
} from './decimal.js';
import type { DateSource, OrderCsvMapping, ValueSource } from './order-csv-mapping.js';

// Turns one CSV record into the order fields and line(s) it carries. Pure: no I/O, so every rule
// (signs, exact money, cancellations, dates) is tested without files.

type OrderHeader = Omit<OrderInput, 'lines'>;
// The contract's limit, checked per row so one long comment is reported on its line.
const REVIEW_COMMENT_MAX = 5000;
type OrderStatus = NonNullable<OrderInput['status']>;
const STATUSES: readonly OrderStatus[] = ['placed', 'paid', 'shipped', 'delivered', 'cancelled'];

/** One record that mapped cleanly. `goodsMinor` is signed as in the file (negative on credit notes). */
export interface MappedRow {
  key: string;
  cancellation: boolean;
  currency: string;
  header: OrderHeader;
  lines: OrderLineInput[];
  goodsMinor: number;
}

/** The result of mapping one record; a failure still reports the amount when it could be read, for reconciliation. */
export type RowOutcome =
  | { ok: true; row: MappedRow }
  | { ok: false; problems: string[]; key?: string; currency?: string; goodsMinor?: number };

/** What a row mapper needs besides the record. */
export interface RowMapperOptions {
  categoryTranslations?: ReadonlyMap<string, string>;
  storeCode?: string;
}

/** Builds a function mapping the cells of one record (in header order) to an order fragment. */
export function createRowMapper(
  mapping: OrderCsvMapping,
  header: readonly string[],
  options: RowMapperOptions = {},
): (cells: readonly string[], lineNumber: number) => RowOutcome {
  const index = new Map(header.map((name, i) => [name, i]));
  const nulls = new Set(mapping.nullValues ?? ['']);
  const separator = mapping.decimalSeparator ?? '.';

  return (cells, lineNumber) => {
    const problems: string[] = [];
    // Fields already reported, so "empty" is not said again of a field that was found unreadable.
    const faulty = new Set<string>();
    const problem = (field: string, message: string) => {
      faulty.add(field);
      problems.push(message);
    };

    const read = (source: ValueSource | undefined, field: string): string | undefined => {
      if (source === undefined) return undefined;
      if ('value' in source) return source.value === '' ? undefined : source.value;
      let text = cells[index.get(source.column) ?? -1]?.trim();
      if (text === undefined || nulls.has(text)) return undefined;
      if (source.map) {
        const mapped = source.map[text];
        if (mapped !== undefined) text = mapped;
        else if (source.unmapped === 'omit') return undefined;
        else if (source.unmapped === 'error') {
          problem(field, `${field} "${text}" (column "${source.column}") is not one the mapping knows`);
          return undefined;
        }
        if (text === '') return undefined;
      }
      if (source.translate) text = options.categoryTranslations?.get(text) ?? text;
      if (source.humanize) text = text.replaceAll('_', ' ');
      return (source.prefix ?? '') + text;
    };
    const required = (source: ValueSource, field: string): string => {
      const text = read(source, field);
      if (text === undefined && !faulty.has(field)) {
        problem(field, `${field} is empty${'column' in source ? ` (column "${source.column}")` : ''}`);
      }
      return text ?? '';
    };
    const date = (source: DateSource | undefined, field: string): string | undefined => {
      const text = source && read({ column: source.column }, field);
      if (!source || text === undefined) return undefined;
      const zone = source.zone ?? 'UTC';
      const format = source.format ?? 'iso';
      const parsed =
        format === 'iso'
          ? DateTime.fromISO(text, { zone })
          : format === 'sql'
            ? DateTime.fromSQL(text, { zone })
            : DateTime.fromFormat(text, format, { zone });
      if (!parsed.isValid) {
        problem(field, `${field} "${text}" is not a date in format ${format}`);
        return undefined;
      }
      return parsed.toISO({ suppressMilliseconds: true }) ?? undefined;
    };
    const money = (source: ValueSource | undefined, field: string, digits: number): number | undefined => {
      const text = read(source, field);
      if (text === undefined) return undefined;
      try {
        return parseDecimalToMinor(text, digits, separator);
      } catch (error) {
        if (!(error instanceof DecimalFormatError)) throw error;
        problem(field, `${field}: ${error.message}`);
        return undefined;
      }
    };

    // The customer's review, when the mapping has one and the row carries a score.
    const readReview = (): OrderReviewInput | undefined => {
      const source = mapping.review;
      const scoreText = source && read(source.score, 'review score');
      if (!source || scoreText === undefined) return undefined;
      const score = Number(scoreText);
      if (!Number.isInteger(score) || score < 1 || score > 5) {
        problems.push(`review score "${scoreText}" is not a whole number from 1 to 5`);
        return undefined;
      }
      const reviewedAt = date(source.reviewedAt, 'review date');
      if (reviewedAt === undefined && !faulty.has('review date'))
        problem('review date', 'review date is empty');
      const comment = read(source.comment, 'review comment');
      if (comment !== undefined && comment.length > REVIEW_COMMENT_MAX) {
        problems.push(`review comment is ${comment.length} characters, more than ${REVIEW_COMMENT_MAX}`);
      }
      if (reviewedAt === undefined) return undefined;
      return {
        externalId: read(source.externalId, 'review id') ?? key,
        score,
        ...(comment === undefined ? {} : { comment }),
        reviewedAt,
      };
    };

    const key = required(mapping.order.key, 'order key');
    const cancellation = mapping.cancellation !== undefined && key.startsWith(mapping.cancellation.keyPrefix);
    const currency = required(mapping.order.currency, 'currency').toUpperCase();
    let digits = 2;
    if (!/^[A-Z]{3}$/.test(currency)) problems.push(`currency "${currency}" is not an ISO 4217 code`);
    else digits = currencyDigits(currency);

    // Quantity and price first: they decide the reconciliation figures even for rows refused later.
    const quantityText = required(mapping.line.quantity, 'quantity');
    let quantity: number | undefined;
    try {
      quantity = quantityText === '' ? undefined : parseInteger(quantityText);
    } catch (error) {
      problem('quantity', `quantity: ${(error as Error).message}`);
    }
    const unitPrice = money(mapping.line.unitPrice, 'unit price', digits);
    const lineTotal = money(mapping.line.lineTotal, 'line total', digits);
    // A credit note may write its line total with or without a minus; the quantity's sign decides.
    const signedTotal =
      lineTotal === undefined || quantity === undefined
        ? undefined
        : Math.sign(quantity) * Math.abs(lineTotal);
    const goodsMinor =
      quantity === undefined
        ? undefined
        : (signedTotal ?? (unitPrice === undefined ? undefined : quantity * unitPrice));
    if (mapping.line.unitPrice && unitPrice === undefined && !faulty.has('unit price')) {
      problem('unit price', 'unit price is empty');
    }
    if (mapping.line.lineTotal && lineTotal === undefined && !faulty.has('line total')) {
      problem('line total', 'line total is empty');
    }

    if (quantity !== undefined) {
      if (cancellation && quantity >= 0) {
        problems.push(`quantity ${quantity} on cancellation ${key} should be negative`);
      } else if (!cancellation && quantity <= 0) {
        problems.push(
          mapping.cancellation
            ? `quantity ${quantity} is not positive, but ${key} is not a cancellation (its key does not start with "${mapping.cancellation.keyPrefix}")`
            : `quantity ${quantity} is not positive`,
        );
      }
    }
    const price =
      unitPrice ?? (lineTotal === undefined ? undefined : cancellation ? Math.abs(lineTotal) : lineTotal);
    if (price !== undefined && price < 0) {
      problems.push(`price ${formatMinor(price, digits)} is negative (an adjustment, not a sale)`);
    }
    if (price === 0 && !mapping.line.allowZeroPrice)
      problems.push('price is 0 (an adjustment or sample, not a sale)');

    const statusText = cancellation ? 'cancelled' : read(mapping.order.status, 'status');
    const status = STATUSES.find((s) => s === statusText);
    if (statusText !== undefined && status === undefined) {
      problems.push(`status "${statusText}" is none of ${STATUSES.join(', ')}`);
    }
    const shippingMinor = money(mapping.order.shipping, 'shipping', digits);
    if (shippingMinor !== undefined && shippingMinor < 0) problems.push('shipping is negative');
    const discountMinor = money(mapping.line.discount, 'discount', digits);
    if (discountMinor !== undefined && discountMinor < 0) problems.push('discount is negative');
    // The server refuses a batch holding a discount above its line; refuse the row here instead.
    if (
      discountMinor &&
      quantity !== undefined &&
      price !== undefined &&
      discountMinor > Math.abs(quantity) * price
    ) {
      problems.push('discount is larger than the line total');
    }

    const placedAt = date(mapping.order.placedAt, 'placed date');
    if (placedAt === undefined && !faulty.has('placed date')) problem('placed date', 'placed date is empty');
    const sku = required(mapping.line.sku, 'SKU');
    const title = required(mapping.line.title, 'title');
    const lineId = read(mapping.line.externalId, 'line id') ?? String(lineNumber);
    const category = read(mapping.line.category, 'category');
    const attributes = Object.fromEntries(
      Object.entries(mapping.line.attributes ?? {}).flatMap(([name, source]) => {
        const value = read(source, `attribute ${name}`);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    const customer = Object.fromEntries(
      Object.entries(mapping.customer ?? {}).flatMap(([field, source]) => {
        const value = read(source, `customer ${field}`);
        return value === undefined ? [] : [[field, field === 'country' ? value.toUpperCase() : value]];
      }),
    );
    const review = readReview();
    const shipment = mapping.shipment && {
      carrier: required(mapping.shipment.carrier, 'carrier'),
      trackingNumber: read(mapping.shipment.trackingNumber, 'tracking number'),
      shippedAt: date(mapping.shipment.shippedAt, 'shipped date'),
      deliveredAt: date(mapping.shipment.deliveredAt, 'delivered date'),
      estimatedAt: date(mapping.shipment.estimatedAt, 'estimated delivery date'),
    };

    if (problems.length > 0 || quantity === undefined || price === undefined || placedAt === undefined) {
      return { ok: false, problems, key: key || undefined, currency: currency || undefined, goodsMinor };
    }
    const absQuantity = Math.abs(quantity);
    const lineBase = {
      sku,
      title,
      ...(category === undefined ? {} : { category }),
      ...(Object.keys(attributes).length === 0 ? {} : { attributes }),
    };
    const lines: OrderLineInput[] =
      unitPrice !== undefined
        ? [
            {
              externalId: lineId,
              ...lineBase,
              quantity: absQuantity,
              unitPriceMinor: price,
              ...discountField(discountMinor),
            },
          ]
        : splitLineTotal(price, absQuantity).map((part, i) => ({
            externalId: i === 0 ? lineId : `${lineId}-${i + 1}`,
            ...lineBase,
            ...part,
            ...(i === 0 ? discountField(discountMinor) : {}),
          }));
    const storeCode = read(mapping.order.storeCode, 'store code') ?? options.storeCode;
    const hasShipment =
      shipment &&
      (shipment.trackingNumber ||
        shipment.shippedAt ||
        shipment.deliveredAt ||
        status === 'shipped' ||
        status === 'delivered');
    const header: OrderHeader = {
      externalId: key,
      ...(storeCode === undefined ? {} : { storeCode }),
      number: read(mapping.order.number, 'number') ?? key,
      ...(status === undefined ? {} : { status }),
      placedAt,
      currency,
      ...(shippingMinor === undefined ? {} : { shippingMinor }),
      customer,
      ...(hasShipment ? { shipments: [withoutUndefined(shipment)] } : {}),
      ...(cancellation ? { creditNote: true } : {}),
      ...(review ? { review } : {}),
    };
    return { ok: true, row: { key, cancellation, currency, header, lines, goodsMinor: goodsMinor ?? 0 } };
  };
}

/**
 * Spreads a line total over `quantity` units exactly. When it does not divide, the units are split
 * into two lines one minor unit apart (7.00 for 3 → 2 × 2.33 + 1 × 2.34), so the sum stays exact
 * without inventing a discount the shop never gave.
 */
export function splitLineTotal(
  totalMinor: number,
  quantity: number,
): Array<{ quantity: number; unitPriceMinor: number }> {
  const base = Math.floor(totalMinor / quantity);
  const remainder = totalMinor - base * quantity;
  if (remainder === 0) return [{ quantity, unitPriceMinor: base }];
  return [
    { quantity: quantity - remainder, unitPriceMinor: base },
    { quantity: remainder, unitPriceMinor: base + 1 },
  ];
}

function discountField(discountMinor: number | undefined): { discountMinor?: number } {
  return discountMinor ? { discountMinor } : {};
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
