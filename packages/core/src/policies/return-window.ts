import { DateTime } from 'luxon';

/**
 * The last moment a customer may ask: the end of the Nth calendar day after the delivery
 * day, in the store's time zone, as an ISO instant with the store's offset.
 * Customers read "within 7 days of receipt" as calendar days, not 168 hours, so the hour
 * of delivery does not matter and a DST change does not move the deadline off midnight.
 *
 * @throws RangeError on an unparseable instant or an unknown time zone.
 */
export function returnDeadline(deliveredAtIso: string, days: number, zone: string): string {
  return endOfNthDay(deliveredAtIso, days, zone).toISO() as string;
}

/** Whether `atIso` is on or before the return deadline (see `returnDeadline`). */
export function isWithinWindow(deliveredAtIso: string, atIso: string, days: number, zone: string): boolean {
  return toInstant(atIso, 'at').toMillis() <= endOfNthDay(deliveredAtIso, days, zone).toMillis();
}

/**
 * Calendar days from the delivery day to the day of `atIso` in the store's zone: 0 on the
 * delivery day itself, negative if `atIso` is earlier. Inside the window iff ≤ the window.
 */
export function daysSinceDelivery(deliveredAtIso: string, atIso: string, zone: string): number {
  const start = localDate(toInstant(deliveredAtIso, 'deliveredAt'), zone);
  const end = localDate(toInstant(atIso, 'at'), zone);
  return Math.round(end.diff(start, 'days').days);
}

/** The last moment to hand the parcel to the carrier: end of the Nth calendar day after approval. */
export function shipBackDeadline(approvedAtIso: string, days: number, zone: string): string {
  return endOfNthDay(approvedAtIso, days, zone).toISO() as string;
}

/** The calendar date of an ISO instant in the store's zone, as `yyyy-MM-dd`. */
export function localDay(atIso: string, zone: string): string {
  return inZone(toInstant(atIso, 'at'), zone).toISODate() as string;
}

function endOfNthDay(fromIso: string, days: number, zone: string): DateTime {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  return inZone(toInstant(fromIso, 'from'), zone).plus({ days }).endOf('day');
}

// Dates compared as plain calendar dates in UTC, so 23- and 25-hour days count as one.
function localDate(instant: DateTime, zone: string): DateTime {
  const { year, month, day } = inZone(instant, zone);
  return DateTime.fromObject({ year, month, day }, { zone: 'utc' });
}

function inZone(instant: DateTime, zone: string): DateTime {
  const zoned = instant.setZone(zone);
  if (!zoned.isValid) throw new RangeError(`unknown time zone ${zone}`);
  return zoned;
}

function toInstant(iso: string, name: string): DateTime {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) throw new RangeError(`${name} is not an ISO date-time: ${iso}`);
  return parsed;
}
