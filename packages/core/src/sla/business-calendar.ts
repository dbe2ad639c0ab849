import { DateTime } from 'luxon';
import {
  type BusinessCalendarSpec,
  type DayPeriod,
  dayPeriods,
  validateCalendarSpec,
  WEEKDAYS,
  type Weekday,
} from './calendar-spec.js';
import { publicHolidayLookup } from './public-holidays.js';

const DAY_MS = 86_400_000;
// Dates remembered per calendar: about ten years, far more than any sweep touches, while a
// long-lived calendar cannot grow without bound.
const REMEMBERED_DATES = 4_000;

/** One open period as instants: epoch milliseconds, `start` included, `end` excluded. */
export interface OpenPeriod {
  readonly start: number;
  readonly end: number;
}

/**
 * A business calendar ready for arithmetic (see `addBusinessMinutes` and friends). Built
 * once from a spec with `businessCalendar`; it remembers the holiday years it has computed.
 */
export interface BusinessCalendar {
  /** IANA zone the working hours are read in. */
  readonly timeZone: string;
  /** The spec the calendar was built from. */
  readonly spec: Readonly<BusinessCalendarSpec>;
  /** True only for `ALWAYS_OPEN`, whose arithmetic is plain elapsed time. */
  readonly alwaysOpen: boolean;
  /**
   * The periods that start on a local date ('YYYY-MM-DD'), in time order; [] on a day off.
   * A period crossing midnight belongs wholly to the day it starts on.
   */
  openPeriods(date: string): readonly OpenPeriod[];
}

/**
 * A calendar from its spec.
 *
 * Which rule decides a date, strongest first: a custom closure (the tenant's own word),
 * then a working date (a make-up day is worked even if it falls on a holiday or weekend),
 * then a public holiday, then the weekly hours.
 *
 * @throws RangeError listing every problem `validateCalendarSpec` finds.
 */
export function businessCalendar(spec: BusinessCalendarSpec): BusinessCalendar {
  const errors = validateCalendarSpec(spec);
  if (errors.length > 0) throw new RangeError(`invalid business calendar: ${errors.join('; ')}`);
  return createCalendar(spec, false);
}

/** Open every minute of every day, no holidays: the calendar of "calendar time" targets. */
export const ALWAYS_OPEN: BusinessCalendar = createCalendar(
  { timeZone: 'UTC', week: Object.fromEntries(WEEKDAYS.map((day) => [day, [['00:00', '24:00']]])) },
  // UTC days are all 24 hours long, so even the general walk would count real elapsed time;
  // the flag lets the arithmetic skip the walk.
  true,
);

/** Monday to Friday 09:00–18:00 in `timeZone`, closed on the country's public holidays. */
export function defaultCalendarSpec(country: string, timeZone: string): BusinessCalendarSpec {
  const hours: Array<[string, string]> = [['09:00', '18:00']];
  return {
    timeZone,
    week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    holidays: { country },
  };
}

function createCalendar(spec: BusinessCalendarSpec, alwaysOpen: boolean): BusinessCalendar {
  const zone = spec.timeZone;
  const week = new Map<Weekday, DayPeriod[]>(WEEKDAYS.map((day) => [day, dayPeriods(spec.week[day])]));
  const isHoliday = spec.holidays
    ? publicHolidayLookup(spec.holidays.country, spec.holidays.region)
    : () => false;
  const closures = spec.closures ?? [];
  const workingDates = new Map(
    (spec.workingDates ?? []).map((entry) => [entry.date, entry.asWeekday ?? 'mon']),
  );

  const hoursOf = (date: string): DayPeriod[] => {
    if (closures.some((closure) => closure.from <= date && date <= closure.to)) return [];
    const asWeekday = workingDates.get(date);
    if (asWeekday) return week.get(asWeekday) ?? [];
    if (isHoliday(date)) return [];
    return week.get(weekdayOf(date)) ?? [];
  };

  const periodsOf = (date: string): readonly OpenPeriod[] => {
    const hours = hoursOf(date);
    if (hours.length === 0) return [];
    const midnight = Date.parse(`${date}T00:00:00Z`);
    const periods: OpenPeriod[] = [];
    for (const { start, end } of hours) {
      const period = { start: wallClock(zone, midnight, start), end: wallClock(zone, midnight, end) };
      // A period inside the spring-forward gap (02:00–03:00 in Berlin) does not exist that day.
      if (period.end > period.start) periods.push(Object.freeze(period));
    }
    return Object.freeze(periods);
  };

  // Zone conversions dominate the walk's cost, and a sweep over many clocks asks for the
  // same few dates again and again.
  const remembered = new Map<string, readonly OpenPeriod[]>();
  return {
    timeZone: zone,
    spec,
    alwaysOpen,
    openPeriods(date) {
      let periods = remembered.get(date);
      if (!periods) {
        if (remembered.size >= REMEMBERED_DATES) remembered.clear();
        periods = periodsOf(date);
        remembered.set(date, periods);
      }
      return periods;
    },
  };
}

/** ISO weekday of a 'YYYY-MM-DD' date, read as a plain calendar date. */
function weekdayOf(date: string): Weekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] as Weekday;
}

/**
 * The instant at which a local wall clock shows `minutes` after the midnight of the date
 * whose UTC midnight is `midnightUtc`. Minutes past 1440 fall on the following days. A time
 * the clocks skip (spring forward) is read as the same time after the jump; a time they
 * repeat (fall back) as its first occurrence, as luxon does.
 */
function wallClock(zone: string, midnightUtc: number, minutes: number): number {
  const day = new Date(midnightUtc + Math.floor(minutes / 1440) * DAY_MS);
  const ofDay = minutes % 1440;
  return DateTime.fromObject(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: Math.floor(ofDay / 60),
      minute: ofDay % 60,
    },
    { zone },
  ).toMillis();
}
