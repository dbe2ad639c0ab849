/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0), from ICU. */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * A minor-unit amount for people, e.g. `formatMinor(1250, 'EUR', 'en')` → "€12.50".
 * For display only: the float division never flows back into arithmetic.
 */
export function formatMinor(amountMinor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / 10 ** exponent);
}
