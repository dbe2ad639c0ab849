/** The number of minor units in one unit of a currency (100 for EUR, 1 for JPY), as Intl knows it. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount in minor units, in the customer's locale and the order's currency. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    amountMinor / 10 ** minorDigits(currency),
  );
}

/** A date (and time, unless `dateOnly`) in the reader's locale and, when given, a time zone. */
export function formatDate(
  iso: string | Date,
  locale: string,
  options: { dateOnly?: boolean; timeZone?: string } = {},
): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(options.dateOnly ? {} : { timeStyle: 'short' }),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(new Date(iso));
}

/** "in 3 h", "2 days ago": a due time relative to now, in the reader's language. */
export function formatRelative(iso: string, now: number, locale: string): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / 1440), 'day');
}
