// Building an Intl.NumberFormat costs ~80 µs; the policy engine formats amounts for every
// message, so formatters are kept per (locale, currency). Few pairs exist in practice.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, { style: 'currency', currency });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0), from ICU. */
export function currencyExponent(currency: string): number {
  return formatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * A minor-unit amount for people, e.g. `formatMinor(1250, 'EUR', 'en')` → "€12.50".
 * For display only: the float division never flows back into arithmetic.
 */
export function formatMinor(amountMinor: number, currency: string, locale: string): string {
  return formatter(locale, currency).format(amountMinor / 10 ** currencyExponent(currency));
}
