import { pickUniform } from './pick-uniform.js';

/**
 * The symbols of a return code: digits and capitals without the ones people confuse when
 * reading a code off a screen or a slip (0/O, 1/I/L) and without U (U/V, and it keeps
 * accidental words out). 30 symbols, 8 of them: about 6.6 × 10¹¹ codes.
 */
export const RETURN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

const CODE_LENGTH = 8;

/**
 * Random bytes to pass to `generateReturnCode`. 1 byte in 16 is rejected, so 32 bytes
 * run short of 8 usable ones with a probability near 10⁻²⁴.
 */
export const RETURN_CODE_BYTES_NEEDED = 32;

/**
 * A short, typeable return code such as `7KQM-3XRT`, drawn uniformly from
 * `randomBytes` (pass `RETURN_CODE_BYTES_NEEDED` bytes from a secure source). Unique only
 * by chance: the store must enforce uniqueness and ask again on a collision.
 */
export function generateReturnCode(randomBytes: Uint8Array): string {
  const symbols = pickUniform(randomBytes, CODE_LENGTH, RETURN_CODE_ALPHABET.length)
    .map((i) => RETURN_CODE_ALPHABET.charAt(i))
    .join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * The canonical `XXXX-XXXX` form of what a customer typed, or null when it cannot be a
 * return code. Forgives case, spaces, missing or moved dashes and full-width characters
 * (typed with a Chinese input method). Does not guess: 0, O, 1, I, L and U are in no code,
 * so a code containing one is refused rather than silently mapped to another code.
 */
export function normalizeReturnCode(input: string): string | null {
  // NFKC folds full-width 'ＡＢ－１' into 'AB-1'; \p{Pd} covers every kind of dash.
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}_]/gu, '');
  if (compact.length !== CODE_LENGTH) return null;
  for (const ch of compact) {
    if (!RETURN_CODE_ALPHABET.includes(ch)) return null;
  }
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
