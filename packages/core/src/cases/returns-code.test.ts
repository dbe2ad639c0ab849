import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateReturnCode,
  normalizeReturnCode,
  RETURN_CODE_ALPHABET,
  RETURN_CODE_BYTES_NEEDED,
} from './returns-code.js';

const bytesArb = fc.uint8Array({ minLength: RETURN_CODE_BYTES_NEEDED, maxLength: RETURN_CODE_BYTES_NEEDED });
// Bytes that are always usable, so the property is never about running out.
const usableBytesArb = fc.uint8Array({ minLength: 8, maxLength: 8, max: 239 });

describe('the return code alphabet', () => {
  it('has 30 distinct symbols and none a customer could misread (0 O 1 I L U)', () => {
    expect(RETURN_CODE_ALPHABET).toHaveLength(30);
    expect(new Set(RETURN_CODE_ALPHABET).size).toBe(30);
    expect(RETURN_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
    for (const ambiguous of '0O1ILU') expect(RETURN_CODE_ALPHABET).not.toContain(ambiguous);
  });
});

describe('generateReturnCode', () => {
  it('makes XXXX-XXXX codes from the alphabet', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        expect(generateReturnCode(bytes)).toMatch(
          /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/,
        );
      }),
    );
  });

  it('maps the first usable bytes to symbols in order', () => {
    expect(generateReturnCode(Uint8Array.from([0, 1, 2, 3, 29, 30, 59, 239]))).toBe('2345-Z2ZZ');
  });

  it('skips bytes of 240 and more, which would favour the first 16 symbols', () => {
    const bytes = Uint8Array.from([240, 255, 0, 0, 0, 0, 0, 0, 0, 250, 1]);
    expect(generateReturnCode(bytes)).toBe('2222-2223');
  });

  it('throws rather than return a short or biased code when the bytes run out', () => {
    expect(() => generateReturnCode(Uint8Array.from([1, 2, 3, 240, 241, 242, 243, 244, 5]))).toThrow(
      RangeError,
    );
    expect(() => generateReturnCode(new Uint8Array(0))).toThrow(/not enough random bytes/);
  });

  it('uses every symbol equally often when every byte value is equally likely', () => {
    // Every byte value once per position: exactly the input a perfect random source
    // averages to. Unbiased sampling must then give each symbol the same count.
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const code = generateReturnCode(Uint8Array.from([b, ...new Array(31).fill(7)]));
      const first = code[0] ?? '';
      if (b < 240) counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual(new Array(30).fill(8));
  });

  it('spreads random bytes over the alphabet within chi-square bounds', () => {
    // A fixed pseudo-random stream (xorshift) keeps the test deterministic.
    let state = 0x2545f491;
    const nextByte = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) & 0xff;
    };
    const counts = new Map<string, number>();
    const codes = 6000;
    for (let i = 0; i < codes; i++) {
      const bytes = Uint8Array.from({ length: RETURN_CODE_BYTES_NEEDED }, nextByte);
      for (const ch of generateReturnCode(bytes).replace('-', '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    const expected = (codes * 8) / 30;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(counts.size).toBe(30);
    // 29 degrees of freedom: p = 0.001 at 58.3.
    expect(chiSquare).toBeLessThan(58.3);
  });
});

describe('normalizeReturnCode', () => {
  it('gives back every generated code unchanged', () => {
    fc.assert(
      fc.property(usableBytesArb, (bytes) => {
        const code = generateReturnCode(bytes);
        expect(normalizeReturnCode(code)).toBe(code);
      }),
    );
  });

  it('recovers a code typed in lower case, with spaces, without or with a moved dash', () => {
    fc.assert(
      fc.property(usableBytesArb, fc.constantFrom(' ', '', '-', ' - ', '\t'), (bytes, sep) => {
        const code = generateReturnCode(bytes);
        const typed = ` ${code.slice(0, 2)}${sep}${code.slice(2).replace('-', sep).toLowerCase()} `;
        expect(normalizeReturnCode(typed)).toBe(code);
      }),
    );
  });

  it.each([
    ['7kqm3xrt', '7KQM-3XRT'],
    ['7KQM 3XRT', '7KQM-3XRT'],
    ['７ＫＱＭ－３ＸＲＴ', '7KQM-3XRT'],
    ['7KQM–3XRT', '7KQM-3XRT'],
  ])('reads %s as %s', (typed, code) => {
    expect(normalizeReturnCode(typed)).toBe(code);
  });

  it.each([
    ['a look-alike that is in no code (O)', '7KQM-3XRO'],
    ['a zero', '7KQM-30RT'],
    ['a one, I or L', '1KQM-3XRT'],
    ['a U', 'UKQM-3XRT'],
    ['too short', '7KQM-3XR'],
    ['too long', '7KQM-3XRTA'],
    ['empty', ''],
    ['punctuation', '7KQM.3XRT'],
  ])('refuses %s rather than guess', (_, typed) => {
    expect(normalizeReturnCode(typed)).toBeNull();
  });

  it('never accepts anything that is not eight alphabet symbols', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (input) => {
        const result = normalizeReturnCode(input);
        if (result !== null)
          expect(result).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
      }),
    );
  });
});
