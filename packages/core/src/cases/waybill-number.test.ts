import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateWaybillNumber,
  isValidWaybillNumber,
  normalizeWaybillNumber,
  WAYBILL_BYTES_NEEDED,
  waybillCheckDigit,
} from './waybill-number.js';

const bytesArb = fc.uint8Array({ minLength: WAYBILL_BYTES_NEEDED, maxLength: WAYBILL_BYTES_NEEDED });
const waybillArb = bytesArb.map(generateWaybillNumber);

describe('waybill numbers of the self-ship carrier', () => {
  it('are AD, ten digits and a check digit, and valid', () => {
    fc.assert(
      fc.property(waybillArb, (waybill) => {
        expect(waybill).toMatch(/^AD\d{11}$/);
        expect(isValidWaybillNumber(waybill)).toBe(true);
      }),
    );
  });

  it('use the Damm check digit (572 → 4, the textbook example)', () => {
    expect(waybillCheckDigit('572')).toBe(4);
    expect(generateWaybillNumber(Uint8Array.from([4, 8, 2, 1, 3, 3, 9, 0, 5, 7]))).toBe('AD48213390574');
  });

  it('skip bytes of 250 and more, which would favour the digits 0 to 5', () => {
    const bytes = Uint8Array.from([250, 255, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(generateWaybillNumber(bytes).slice(2, 12)).toBe('0123456789');
  });

  it('throw when the bytes run out', () => {
    expect(() => generateWaybillNumber(Uint8Array.from([1, 2, 3]))).toThrow(RangeError);
  });

  it('catch any single mistyped digit', () => {
    fc.assert(
      fc.property(
        waybillArb,
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (wb, at, delta) => {
          const wrong = String((Number(wb[at]) + delta) % 10);
          expect(isValidWaybillNumber(wb.slice(0, at) + wrong + wb.slice(at + 1))).toBe(false);
        },
      ),
    );
  });

  it('catch any swap of two adjacent different digits', () => {
    fc.assert(
      fc.property(waybillArb, fc.integer({ min: 2, max: 11 }), (wb, at) => {
        fc.pre(wb[at] !== wb[at + 1]);
        const swapped = wb.slice(0, at) + wb[at + 1] + wb[at] + wb.slice(at + 2);
        expect(isValidWaybillNumber(swapped)).toBe(false);
      }),
    );
  });

  it.each(['ad48213390574', 'AD 4821 3390 574', 'ＡＤ４８２１３３９０５７４'])(
    'normalize %s as typed',
    (typed) => {
      expect(normalizeWaybillNumber(typed)).toBe('AD48213390574');
    },
  );

  it.each(['AD48213390575', 'AD4821339057', 'XX48213390574', 'AD4821339057X', ''])('reject %s', (input) => {
    expect(isValidWaybillNumber(input)).toBe(false);
    expect(normalizeWaybillNumber(input)).toBeNull();
  });
});
