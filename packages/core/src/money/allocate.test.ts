import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProportionally, unitRangeMinor } from './allocate.js';

const minor = fc.integer({ min: 0, max: 10_000_000 });
const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('allocateProportionally', () => {
  it('splits 100 over three equal weights as 34/33/33, the extra cent to the first', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives the leftover cents to the largest remainders', () => {
    // exact shares 16.67 / 33.33 / 50 → the .67 wins the cent
    expect(allocateProportionally(100, [1, 2, 3])).toEqual([17, 33, 50]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(allocateProportionally(5, [0, 0])).toEqual([3, 2]);
  });

  it('gives nothing to a zero weight when others are positive', () => {
    expect(allocateProportionally(999, [0, 1, 0])).toEqual([0, 999, 0]);
  });

  it('stays exact where total × weight passes 2^53', () => {
    const shares = allocateProportionally(9_000_000_000_000, [3_000_000_000, 1, 1]);
    expect(sum(shares)).toBe(9_000_000_000_000);
  });

  it('refuses negative, fractional or unsafe input with a RangeError', () => {
    expect(() => allocateProportionally(-1, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(1.5, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [1, -2])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [Number.NaN])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [])).toThrow(RangeError);
    expect(allocateProportionally(0, [])).toEqual([]);
  });

  it('always sums to the total with non-negative shares', () => {
    fc.assert(
      fc.property(minor, weights, (total, ws) => {
        const shares = allocateProportionally(total, ws);
        expect(shares).toHaveLength(ws.length);
        expect(sum(shares)).toBe(total);
        for (const share of shares) expect(Number.isInteger(share) && share >= 0).toBe(true);
      }),
    );
  });

  it('never gives a heavier weight less than a lighter one', () => {
    fc.assert(
      fc.property(minor, weights, (total, ws) => {
        const shares = allocateProportionally(total, ws);
        ws.forEach((wi, i) => {
          ws.forEach((wj, j) => {
            if (wi > wj) expect(shares[i]).toBeGreaterThanOrEqual(shares[j] ?? 0);
          });
        });
      }),
    );
  });

  it('keeps every share within one unit of its exact proportion', () => {
    fc.assert(
      fc.property(minor, weights, (total, ws) => {
        const shares = allocateProportionally(total, ws);
        const weightSum = sum(ws) || ws.length;
        shares.forEach((share, i) => {
          const exact = (total * (sum(ws) === 0 ? 1 : (ws[i] ?? 0))) / weightSum;
          expect(share).toBeGreaterThanOrEqual(Math.floor(exact));
          expect(share).toBeLessThanOrEqual(Math.ceil(exact));
        });
      }),
    );
  });
});

describe('unitRangeMinor', () => {
  it('matches allocateProportionally over equal units for every range', () => {
    fc.assert(
      fc.property(minor, fc.integer({ min: 1, max: 50 }), fc.nat(), fc.nat(), (amount, units, a, b) => {
        const from = a % (units + 1);
        const count = b % (units - from + 1);
        const perUnit = allocateProportionally(amount, Array<number>(units).fill(1));
        expect(unitRangeMinor(amount, units, from, count)).toBe(sum(perUnit.slice(from, from + count)));
      }),
    );
  });

  it('refuses a range beyond the last unit', () => {
    expect(() => unitRangeMinor(100, 3, 2, 2)).toThrow(RangeError);
  });
});
