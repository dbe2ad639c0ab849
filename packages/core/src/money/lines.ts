import { allocateProportionally, assertMinor, unitRangeMinor } from './allocate.js';

/** The money-relevant part of an order line. `discountMinor` is the discount on the whole line. */
export interface PricedLine {
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
}

/** What the customer paid for the line: price × quantity − discount, never negative. */
export function lineNetMinor(line: PricedLine): number {
  assertLine(line);
  return Math.max(0, line.unitPriceMinor * line.quantity - line.discountMinor);
}

/**
 * The net value of `quantity` units of a line, after `alreadyRefundedQuantity` units were
 * refunded before. Units are taken in order, so refunding a line in any sequence of partial
 * quantities sums to exactly `lineNetMinor(line)`.
 *
 * @throws RangeError when the units asked for are more than the line has left.
 */
export function refundableGoodsMinor(
  line: PricedLine,
  quantity: number,
  alreadyRefundedQuantity = 0,
): number {
  return unitRangeMinor(lineNetMinor(line), line.quantity, alreadyRefundedQuantity, quantity);
}

/**
 * Splits the order's shipping over its lines in proportion to their net value (evenly when
 * every line is free). The shares sum to exactly `shippingMinor`; index i belongs to lines[i].
 */
export function allocateShipping(shippingMinor: number, lines: readonly PricedLine[]): number[] {
  return allocateProportionally(shippingMinor, lines.map(lineNetMinor));
}

/**
 * The shipping share of `quantity` units of a line, taken after `alreadyRefundedQuantity`,
 * with the same exactness as `refundableGoodsMinor`.
 */
export function refundableShippingMinor(
  lineShippingMinor: number,
  line: PricedLine,
  quantity: number,
  alreadyRefundedQuantity = 0,
): number {
  return unitRangeMinor(lineShippingMinor, line.quantity, alreadyRefundedQuantity, quantity);
}

function assertLine(line: PricedLine): void {
  assertMinor(line.quantity, 'quantity');
  assertMinor(line.unitPriceMinor, 'unitPriceMinor');
  assertMinor(line.discountMinor, 'discountMinor');
}
