import { formatDate } from '../../ui/format';

/**
 * A deadline such as "2026-11-30T23:59:59.999+01:00" (the end of a day in the shop's time
 * zone) as that calendar day in the reader's locale: converting it to the browser's zone
 * could show the next day to a customer far to the east.
 */
export function formatDeadline(iso: string, locale: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day) return formatDate(iso, locale, { dateOnly: true });
  return formatDate(`${day}T12:00:00Z`, locale, { dateOnly: true, timeZone: 'UTC' });
}
