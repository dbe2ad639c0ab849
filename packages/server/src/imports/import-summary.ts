import type { OrderInput } from '@afterdesk/contract';
import { currencyDigits, formatMinor } from './decimal.js';

/** Money and counts of one kind of order in one currency; amounts in minor units, all positive. */
export interface AmountTally {
  orders: number;
  lines: number;
  /** Σ quantity × unit price. */
  goodsMinor: number;
  discountMinor: number;
  shippingMinor: number;
  /** goods − discount + shipping. */
  amountMinor: number;
}

/** Reconciliation figures of one currency. */
export interface CurrencySummary {
  currency: string;
  /** Orders that are not credit notes (including orders the shop marked cancelled). */
  sales: AmountTally;
  /** Credit notes found by `mapping.cancellation` (e.g. UCI "C…" invoices), stored with positive quantities. */
  cancellations: AmountTally;
  /** sales.amountMinor − cancellations.amountMinor. */
  netMinor: number;
  /** Σ signed quantity × unit price (or line total) over every row whose numbers could be read, as in the file. */
  rawGoodsMinor: number;
  /** The part of rawGoodsMinor in rows that were not imported. */
  rejectedGoodsMinor: number;
}

/** What an import read and produced, so a caller can print "imported N orders, M lines, total X". */
export interface ImportSummary {
  /** Data records read (the header and blank lines excluded). */
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  orders: number;
  lines: number;
  /** Imported orders that carry the customer's review. */
  reviews: number;
  errors: number;
  currencies: Record<string, CurrencySummary>;
  /**
   * True when, in every currency, the file's raw goods equal imported sales − imported cancellations
   * + rejected rows: nothing was lost or invented on the way.
   */
  reconciled: boolean;
}

const emptyTally = (): AmountTally => ({
  orders: 0,
  lines: 0,
  goodsMinor: 0,
  discountMinor: 0,
  shippingMinor: 0,
  amountMinor: 0,
});

/** Accumulates the figures of one import; the reader owns one. */
export class SummaryTally {
  private readonly summary: ImportSummary = {
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    orders: 0,
    lines: 0,
    reviews: 0,
    errors: 0,
    currencies: {},
    reconciled: true,
  };

  /** Counts one data record and returns the count so far. */
  rowRead(): number {
    this.summary.rowsRead += 1;
    return this.summary.rowsRead;
  }

  /** A row not imported; its amount, when known, still counts in the raw figure. */
  rowRejected(currency: string | undefined, goodsMinor: number | undefined, rows = 1): void {
    this.summary.rowsRejected += rows;
    if (currency !== undefined && goodsMinor !== undefined) {
      const bucket = this.currency(currency);
      bucket.rawGoodsMinor += goodsMinor;
      bucket.rejectedGoodsMinor += goodsMinor;
    }
  }

  error(): void {
    this.summary.errors += 1;
  }

  /** An order that passed validation, with its rows' signed raw goods. */
  orderImported(order: OrderInput, rows: number, rawGoodsMinor: number, cancellation: boolean): void {
    const bucket = this.currency(order.currency);
    const tally = cancellation ? bucket.cancellations : bucket.sales;
    const goods = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
    const discount = order.lines.reduce((sum, line) => sum + (line.discountMinor ?? 0), 0);
    const shipping = order.shippingMinor ?? 0;
    tally.orders += 1;
    tally.lines += order.lines.length;
    tally.goodsMinor += goods;
    tally.discountMinor += discount;
    tally.shippingMinor += shipping;
    tally.amountMinor += goods - discount + shipping;
    bucket.rawGoodsMinor += rawGoodsMinor;
    this.summary.rowsImported += rows;
    this.summary.orders += 1;
    this.summary.lines += order.lines.length;
    if (order.review) this.summary.reviews += 1;
  }

  /** A copy, so batches already handed out do not change under their reader. */
  snapshot(): ImportSummary {
    const copy = structuredClone(this.summary);
    for (const bucket of Object.values(copy.currencies)) {
      bucket.netMinor = bucket.sales.amountMinor - bucket.cancellations.amountMinor;
    }
    copy.reconciled = Object.values(copy.currencies).every(
      (b) => b.rawGoodsMinor === b.sales.goodsMinor - b.cancellations.goodsMinor + b.rejectedGoodsMinor,
    );
    return copy;
  }

  private currency(code: string): CurrencySummary {
    let bucket = this.summary.currencies[code];
    if (!bucket) {
      bucket = {
        currency: code,
        sales: emptyTally(),
        cancellations: emptyTally(),
        netMinor: 0,
        rawGoodsMinor: 0,
        rejectedGoodsMinor: 0,
      };
      this.summary.currencies[code] = bucket;
    }
    return bucket;
  }
}

/** The summary as a few human lines, for the CLI and the evaluation script. */
export function formatSummary(summary: ImportSummary): string {
  const out = [
    `rows read ${summary.rowsRead}: imported ${summary.rowsImported}, rejected ${summary.rowsRejected} (${summary.errors} errors)`,
    `imported ${summary.orders} orders, ${summary.lines} lines${summary.reviews > 0 ? `, ${summary.reviews} reviews` : ''}`,
  ];
  for (const b of Object.values(summary.currencies)) {
    out.push(`${b.currency}:`);
    const digits = /^[A-Z]{3}$/.test(b.currency) ? currencyDigits(b.currency) : 2;
    const money = (minor: number) => `${b.currency} ${formatMinor(minor, digits)}`;
    const tally = (t: AmountTally) =>
      `${t.orders} orders, ${t.lines} lines, goods ${money(t.goodsMinor)} − discounts ${money(t.discountMinor)} + shipping ${money(t.shippingMinor)} = ${money(t.amountMinor)}`;
    out.push(`  sales: ${tally(b.sales)}`);
    if (b.cancellations.orders > 0) out.push(`  cancellations: ${tally(b.cancellations)}`);
    out.push(`  total ${money(b.netMinor)}`);
    const importedGoods = b.sales.goodsMinor - b.cancellations.goodsMinor;
    const ok = b.rawGoodsMinor === importedGoods + b.rejectedGoodsMinor;
    out.push(
      `  check: file Σ quantity × price ${money(b.rawGoodsMinor)} = imported goods ${money(importedGoods)}` +
        ` + rejected rows ${money(b.rejectedGoodsMinor)} ${ok ? '(matches)' : '(DOES NOT MATCH)'}`,
    );
  }
  return out.join('\n');
}
