import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  DecimalFormatError,
  formatMinor,
  parseDecimalToMinor,
  parseInteger,
} from './decimal.js';

describe('parseDecimalToMinor', () => {
  it('matches integer arithmetic for every decimal with at most two places', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat({ max: 9_000_000_000_000 }),
        fc.integer({ min: 0, max: 2 }),
        fc.nat({ max: 99 }),
        fc.nat({ max: 3 }),
        (negative, whole, places, cents, extraZeros) => {
          const fraction = places === 0 ? 0 : places === 1 ? cents % 10 : cents;
          const fractionText =
            places === 0 ? '' : `.${String(fraction).padStart(places, '0')}${'0'.repeat(extraZeros)}`;
          const text = `${negative ? '-' : ''}${whole}${fractionText}`;
          const expected = whole * 100 + (places === 1 ? fraction * 10 : fraction);
          expect(parseDecimalToMinor(text, 2)).toBe(negative && expected !== 0 ? -expected : expected);
        },
      ),
    );
  });

  it('is exact where float multiplication is not', () => {
    expect(1.15 * 100).not.toBe(115);
    expect(parseDecimalToMinor('1.15', 2)).toBe(115);
    expect(parseDecimalToMinor('4.35', 2)).toBe(435);
  });

  it('round-trips with formatMinor for any amount and digit count', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 3 }), (minor, digits) => {
        expect(parseDecimalToMinor(formatMinor(minor, digits), digits)).toBe(minor);
      }),
    );
  });

  it('reads short forms, a plus sign and a decimal comma', () => {
    expect(parseDecimalToMinor('.5', 2)).toBe(50);
    expect(parseDecimalToMinor('7.', 2)).toBe(700);
    expect(parseDecimalToMinor(' +3 ', 2)).toBe(300);
    expect(parseDecimalToMinor('12,34', 2, ',')).toBe(1234);
    expect(parseDecimalToMinor('1500', 0)).toBe(1500);
  });

  it('refuses precision the currency cannot hold instead of rounding', () => {
    expect(() => parseDecimalToMinor('0.001', 2)).toThrow(/more than 2 decimal places/);
    expect(() => parseDecimalToMinor('10.5', 0)).toThrow(DecimalFormatError);
    expect(parseDecimalToMinor('69.000', 2)).toBe(6900);
  });

  it('refuses text that is not a plain decimal', () => {
    for (const text of ['', '-', '.', 'abc', '1e3', '1,000.00', '1.2.3', '0x10']) {
      expect(() => parseDecimalToMinor(text, 2), text).toThrow(DecimalFormatError);
    }
    expect(() => parseDecimalToMinor('99999999999999999', 2)).toThrow(/too large/);
  });
});

describe('parseInteger', () => {
  it('reads signed whole numbers and refuses fractions', () => {
    expect(parseInteger('-12')).toBe(-12);
    expect(() => parseInteger('1.5')).toThrow(/not a whole number/);
    expect(() => parseInteger('')).toThrow(DecimalFormatError);
  });
});

describe('currencyDigits', () => {
  it('follows ISO 4217', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });
});
