import type { Fee } from '@afterdesk/core';

/** One part of what a customer owes before the replacement ships. */
export interface OwedLine {
  code: 'price_difference' | 'reshipping';
  amountMinor: number;
}

/**
 * What the customer pays on top of an exchange, from the fees of its decision: a dearer
 * replacement's difference and, for their own reasons, the new shipping,
 * unless the refund of a cheaper replacement already covered it. Return shipping is not
 * here: the customer pays that leg as the label's postage.
 */
export function owedLines(fees: readonly Fee[]): OwedLine[] {
  return fees.flatMap((fee) =>
    (fee.code === 'price_difference' || fee.code === 'reshipping') &&
    fee.payer === 'customer' &&
    !fee.deductedFromRefund &&
    fee.amountMinor > 0
      ? [{ code: fee.code, amountMinor: fee.amountMinor }]
      : [],
  );
}

/** A case item as the replacement needs it. */
export interface ExchangedItem {
  id: string;
  sku: string;
  quantity: number;
  replacement: { sku: string; attributes?: Record<string, string> } | null;
}

/** A line of the replacement shipment, as the shop reserves and ships it. */
export interface ReplacementLine {
  caseItemId: string;
  sku: string;
  quantity: number;
  attributes: Record<string, string>;
}

/** The variants to send: the one the customer chose, else the same SKU again. */
export function replacementLines(items: readonly ExchangedItem[]): ReplacementLine[] {
  return items.map((item) => ({
    caseItemId: item.id,
    sku: item.replacement?.sku ?? item.sku,
    quantity: item.quantity,
    attributes: item.replacement?.attributes ?? {},
  }));
}
