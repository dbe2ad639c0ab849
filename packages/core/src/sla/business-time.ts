import { DateTime } from 'luxon';
import type { BusinessCalendar } from './business-calendar.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * How far a search for open time may run before it gives up: three years of days. Service
 * targets are hours or days, so running further means a calendar closed for years (closures
 * over everything) or a nonsense target, and an error beats an endless loop.
 */
export const SEARCH_HORIZON_DAYS = 3 * 366;

/** Whether `at` falls inside an open period (a period's start is open, its end is not). */
export function isOpenAt(cal: BusinessCalendar, at: Date): boolean {
  const t = instant(at, 'at');
  if (cal.alwaysOpen) return true;
  return !walk(cal, t, t + 1).next().done;
}

/**
 * The instant at which `minutes` of open time have elapsed after `start`: a start outside
 * hours first waits for the next opening, and a result at the end of a period stays there
 * (18:00, not the next 09:00). Minutes may be fractional and count to the millisecond.
 *
 * 0 minutes returns `start` itself, even when the calendar is closed then: a target of
 * nothing is met at once, and moving it to the next opening would report a clock as
 * running when none of its time can pass.
 *
 * @throws RangeError on negative or non-finite minutes, or no open time within the horizon.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  const t = instant(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`minutes must be a non-negative number, got ${minutes}`);
  let left = Math.round(minutes * MINUTE_MS);
  if (left === 0) return new Date(t);
  if (cal.alwaysOpen) return new Date(t + left);
  for (const period of walk(cal, t)) {
    const length = period.end - period.start;
    if (length >= left) return new Date(period.start + left);
    left -= length;
  }
  throw new Error('unreachable: walk ends only by throwing');
}

/**
 * Open minutes in [from, to), 0 when `to` is not after `from`; fractional to the
 * millisecond. The inverse of `addBusinessMinutes`: for any start and m ≥ 0,
 * `businessMinutesBetween(cal, s, addBusinessMinutes(cal, s, m)) === m` (m in whole ms).
 */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const [a, b] = [instant(from, 'from'), instant(to, 'to')];
  if (b <= a) return 0;
  if (cal.alwaysOpen) return (b - a) / MINUTE_MS;
  let open = 0;
  for (const period of walk(cal, a, b)) open += period.end - period.start;
  return open / MINUTE_MS;
}

/**
 * The deadline of "within `days` business days": the close (end of its last period) of the
 * `days`-th business day after the start's business day. A business day is a local date
 * with any open period.
 *
 * The start's business day is the day of the first period that ends after `start`: the
 * day itself when the start is before or during its hours (Monday 07:00 or 10:00 → Monday),
 * the next business day when the start is after the close or on a day off (Friday 20:00 →
 * Monday), and the night shift's day for a start after midnight inside it. So 3 business
 * days from Monday 10:00 or Friday 20:00 both end at Thursday's close, and 0 days is the
 * close of the start's business day.
 *
 * @throws RangeError on a negative or fractional count, or no open time within the horizon.
 */
export function addBusinessDays(cal: BusinessCalendar, start: Date, days: number): Date {
  const t = instant(start, 'start');
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  const first = walk(cal, t).next();
  if (first.done) throw new Error('unreachable: walk ends only by throwing');
  let day = dayNumber(first.value.date);
  let periods = cal.openPeriods(first.value.date);
  for (let left = days, searched = 0; left > 0; ) {
    day += 1;
    if (++searched > SEARCH_HORIZON_DAYS) throw horizonError(cal, t);
    const next = cal.openPeriods(isoDate(day));
    if (next.length > 0) {
      periods = next;
      left -= 1;
    }
  }
  // Not simply the last period: a night shift that starts earlier may end later.
  return new Date(Math.max(...periods.map((period) => period.end)));
}

interface WalkedPeriod {
  start: number;
  end: number;
  /** The local date the period belongs to. */
  date: string;
}

/**
 * Open time after `from` (and before `until`) as periods in time order, a day at a time.
 * Each day costs one lookup when closed, so holidays and weekends are skipped cheaply.
 * Periods of neighbouring days may overlap (a night shift into a day that opens early):
 * the cursor clips each period to start after the previous one ended, so no minute
 * counts twice. Without `until`, throws past the search horizon.
 */
function* walk(
  cal: BusinessCalendar,
  from: number,
  until = Number.POSITIVE_INFINITY,
): Generator<WalkedPeriod> {
  // Yesterday's night shift may still be running at `from`.
  const firstDay = dayNumber(localDate(cal, from)) - 1;
  const bounded = Number.isFinite(until);
  const lastDay = bounded ? dayNumber(localDate(cal, until)) : firstDay + 1 + SEARCH_HORIZON_DAYS;
  let cursor = from;
  for (let day = firstDay; day <= lastDay; day++) {
    const date = isoDate(day);
    for (const period of cal.openPeriods(date)) {
      const start = Math.max(period.start, cursor);
      if (period.end <= start) continue;
      if (start >= until) return;
      yield { start, end: Math.min(period.end, until), date };
      cursor = period.end;
    }
  }
  if (!bounded) throw horizonError(cal, from);
}

function horizonError(cal: BusinessCalendar, from: number): RangeError {
  return new RangeError(
    `no end found within ${SEARCH_HORIZON_DAYS} days after ${new Date(from).toISOString()} in the ` +
      `${cal.timeZone} calendar: it has no open time that far, or the target is too long`,
  );
}

function instant(date: Date, name: string): number {
  const t = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}

function localDate(cal: BusinessCalendar, t: number): string {
  return DateTime.fromMillis(t, { zone: cal.timeZone }).toISODate() as string;
}

// Local dates as whole days since 1970-01-01, so the walk steps by calendar date, not by 24 h.
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
