import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateShipping, lineNetMinor, refundableGoodsMinor, refundableShippingMinor } from './lines.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const pricedLine = fc
  .record({
    quantity: fc.integer({ min: 1, max: 40 }),
    unitPriceMinor: fc.integer({ min: 0, max: 500_000 }),
    discountRatio: fc.double({ min: 0, max: 1.2, noNaN: true }),
  })
  .map(({ quantity, unitPriceMinor, discountRatio }) => ({
    quantity,
    unitPriceMinor,
    discountMinor: Math.floor(unitPriceMinor * quantity * discountRatio),
  }));

/** Splits `quantity` into a random sequence of positive partial quantities. */
const partition = (quantity: number) =>
  fc.array(fc.integer({ min: 1, max: quantity }), { maxLength: quantity }).map((cuts) => {
    const parts: number[] = [];
    let left = quantity;
    for (const cut of cuts) {
      if (left === 0) break;
      const part = Math.min(cut, left);
      parts.push(part);
      left -= part;
    }
    if (left > 0) parts.push(left);
    return parts;
  });

const lineWithPartition = pricedLine.chain((line) => fc.tuple(fc.constant(line), partition(line.quantity)));

/** The amounts of refunding `parts` units one request after another. */
function refundInSequence(parts: number[], amountOf: (qty: number, before: number) => number) {
  let before = 0;
  return parts.map((qty) => {
    const amount = amountOf(qty, before);
    before += qty;
    return amount;
  });
}

describe('lineNetMinor', () => {
  it('is price × quantity minus the line discount', () => {
    expect(lineNetMinor({ quantity: 3, unitPriceMinor: 1999, discountMinor: 500 })).toBe(5497);
  });

  it('is never negative, even when the discount is larger than the line', () => {
    expect(lineNetMinor({ quantity: 1, unitPriceMinor: 1000, discountMinor: 1500 })).toBe(0);
  });

  it('refuses a fractional price', () => {
    expect(() => lineNetMinor({ quantity: 1, unitPriceMinor: 9.99, discountMinor: 0 })).toThrow(RangeError);
  });
});

describe('refundableGoodsMinor', () => {
  it('spreads a line discount over the units, the first units carrying the extra cent', () => {
    const line = { quantity: 3, unitPriceMinor: 1000, discountMinor: 1 }; // net 2999
    expect(refundableGoodsMinor(line, 1)).toBe(1000);
    expect(refundableGoodsMinor(line, 1, 1)).toBe(1000);
    expect(refundableGoodsMinor(line, 1, 2)).toBe(999);
  });

  it('refunds the whole line when every unit is returned', () => {
    const line = { quantity: 7, unitPriceMinor: 1299, discountMinor: 350 };
    expect(refundableGoodsMinor(line, 7)).toBe(lineNetMinor(line));
  });

  it('refuses more units than the line has left', () => {
    const line = { quantity: 2, unitPriceMinor: 1000, discountMinor: 0 };
    expect(() => refundableGoodsMinor(line, 2, 1)).toThrow(RangeError);
  });

  it('sums to the line net for any sequence of partial returns', () => {
    fc.assert(
      fc.property(lineWithPartition, ([line, parts]) => {
        const amounts = refundInSequence(parts, (qty, before) => refundableGoodsMinor(line, qty, before));
        expect(sum(amounts)).toBe(lineNetMinor(line));
        for (const amount of amounts) expect(amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never values a unit above ceil(net / quantity)', () => {
    fc.assert(
      fc.property(pricedLine, (line) => {
        const cap = Math.ceil(lineNetMinor(line) / line.quantity);
        for (let unit = 0; unit < line.quantity; unit++) {
          expect(refundableGoodsMinor(line, 1, unit)).toBeLessThanOrEqual(cap);
        }
      }),
    );
  });
});

describe('allocateShipping', () => {
  it('splits shipping by line net value', () => {
    const lines = [
      { quantity: 1, unitPriceMinor: 3000, discountMinor: 0 },
      { quantity: 2, unitPriceMinor: 1000, discountMinor: 1000 },
    ];
    expect(allocateShipping(495, lines)).toEqual([371, 124]);
  });

  it('splits evenly over free lines', () => {
    const free = { quantity: 1, unitPriceMinor: 0, discountMinor: 0 };
    expect(allocateShipping(5, [free, free])).toEqual([3, 2]);
  });

  it('sums to the shipping, and partial refunds of every line sum to the shipping too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(lineWithPartition, { minLength: 1, maxLength: 6 }),
        (shipping, linesWithParts) => {
          const lines = linesWithParts.map(([line]) => line);
          const shares = allocateShipping(shipping, lines);
          expect(sum(shares)).toBe(shipping);
          const refunded = linesWithParts.flatMap(([line, parts], i) =>
            refundInSequence(parts, (qty, before) =>
              refundableShippingMinor(shares[i] ?? 0, line, qty, before),
            ),
          );
          expect(sum(refunded)).toBe(shipping);
        },
      ),
    );
  });

  it('never gives a line of higher net value a smaller share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(pricedLine, { minLength: 2, maxLength: 6 }),
        (shipping, lines) => {
          const shares = allocateShipping(shipping, lines);
          lines.forEach((a, i) => {
            lines.forEach((b, j) => {
              if (lineNetMinor(a) > lineNetMinor(b)) expect(shares[i]).toBeGreaterThanOrEqual(shares[j] ?? 0);
            });
          });
        },
      ),
    );
  });
});
