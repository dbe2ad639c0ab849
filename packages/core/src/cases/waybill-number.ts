import { pickUniform } from './pick-uniform.js';

// Prefix of waybills from the built-in self-ship carrier, so a number pasted anywhere
// (support chat, carrier sync) is recognisably ours.
const PREFIX = 'AD';
const BODY_DIGITS = 10;

/** Random bytes to pass to `generateWaybillNumber` (1 byte in 43 is rejected). */
export const WAYBILL_BYTES_NEEDED = 32;

// Damm's quasigroup table: row = running interim digit, column = next digit.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/**
 * Damm check digit of a string of decimal digits (NaN for anything else). Chosen over
 * Luhn (misses 09 ↔ 90) and ISO 7064 MOD 11,10 (misses about 2 % of swaps): it catches
 * every single wrong digit and every swap of two adjacent digits, the two mistakes people
 * make when typing a number, and stays one decimal digit (plain MOD 11 may need an "X").
 */
export function waybillCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]?.[Number(ch)] ?? Number.NaN;
  return interim;
}

/**
 * A waybill number of the built-in self-ship carrier: `AD`, 10 random digits, one check
 * digit, e.g. `AD48213390574`. Pass `WAYBILL_BYTES_NEEDED` bytes from a secure source;
 * like return codes it is unique only by chance, so the store enforces uniqueness.
 */
export function generateWaybillNumber(randomBytes: Uint8Array): string {
  const body = pickUniform(randomBytes, BODY_DIGITS, 10).join('');
  return `${PREFIX}${body}${waybillCheckDigit(body)}`;
}

const CANONICAL = /^AD(\d{10})(\d)$/;

/** Whether `input` is a canonical self-ship waybill number with a correct check digit. */
export function isValidWaybillNumber(input: string): boolean {
  const match = CANONICAL.exec(input);
  return match !== null && waybillCheckDigit(match[1] ?? '') === Number(match[2]);
}

/**
 * The canonical form of a waybill number as typed (any case, spaces, dashes, full-width
 * characters), or null when it is not a valid self-ship waybill number.
 */
export function normalizeWaybillNumber(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}_]/gu, '');
  return isValidWaybillNumber(compact) ? compact : null;
}
