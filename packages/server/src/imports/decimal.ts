// Money arrives in CSV files as decimal text ("89.99", "1,25"). Multiplying a parsed float by 100
// loses cents (1.15 * 100 = 114.99999999999999), so amounts are converted digit by digit instead.

/** Thrown when a text is not an exact decimal amount of the given currency; the message says why. */
export class DecimalFormatError extends Error {
  override name = 'DecimalFormatError';
}

const digitCache = new Map<string, number>();

/**
 * The number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3), as known to the
 * platform's ICU data, so no hand-kept table can drift from the standard.
 */
export function currencyDigits(currency: string): number {
  let digits = digitCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitCache.set(currency, digits);
  }
  return digits;
}

/**
 * Parses a decimal text such as "-12.50" into integer minor units (-1250 for 2 digits), exactly.
 * Trailing zeros beyond `digits` are accepted ("69.000"); any other extra precision is refused
 * rather than rounded, because a rounded import would no longer reconcile with its source.
 */
export function parseDecimalToMinor(text: string, digits: number, decimalSeparator: '.' | ',' = '.'): number {
  const trimmed = text.trim();
  const sep = decimalSeparator === '.' ? '\\.' : ',';
  const match = new RegExp(`^([+-])?(\\d*)(?:${sep}(\\d*))?$`).exec(trimmed);
  const [, sign, whole = '', fraction = ''] = match ?? [];
  if (!match || (whole === '' && fraction === '')) {
    throw new DecimalFormatError(`"${text}" is not a decimal number`);
  }
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw new DecimalFormatError(`"${text}" has more than ${digits} decimal places`);
  }
  const minor = Number((whole || '0') + fraction.padEnd(digits, '0').slice(0, digits));
  if (!Number.isSafeInteger(minor)) throw new DecimalFormatError(`"${text}" is too large`);
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** Parses a whole number such as "-12"; "1.5" and "" are refused. */
export function parseInteger(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw new DecimalFormatError(`"${text}" is not a whole number`);
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) throw new DecimalFormatError(`"${text}" is too large`);
  return value;
}

/** Formats minor units as a plain decimal text ("-1250", 2 → "-12.50") for reports. */
export function formatMinor(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
