import { invalid } from '../errors.js';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of a date's UTC calendar day. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after a 'YYYY-MM-DD' day. */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The Monday of the last complete ISO week before `now`. Days are read in UTC: a week
 * closes on Monday 00:00 UTC, when every store's Sunday has at least begun; the job runs
 * daily, so a later run re-tests the week with the stores furthest west complete too.
 */
export function lastCompleteWeek(now: Date): string {
  return addDays(mondayOf(dayOf(now)), -7);
}

/** The Mondays from `from` (a Monday) up to, not including, `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = from; w < to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** True when `value` is a real calendar day written 'YYYY-MM-DD' (not 2026-02-30, not 0000-00-00). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && value >= '1970-01-01' && dayOf(new Date(at)) === value;
}

/**
 * The days of a risk list's period, `to` exclusive: a week from `from` unless `to` is given.
 * @throws validation_failed when a day is not a real 'YYYY-MM-DD' or the period is empty.
 */
export function checkPeriod(query: { from: string; to?: string }): { from: string; to: string } {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isDay(value))
      throw invalid('The period is not valid.', [
        { field: `/${field}`, message: 'Must be a day, YYYY-MM-DD.' },
      ]);
  }
  const to = query.to ?? addDays(query.from, 7);
  if (!(query.from < to))
    throw invalid('The period is empty.', [{ field: '/to', message: 'Must be after from.' }]);
  return { from: query.from, to };
}
