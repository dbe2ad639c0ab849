import { DateTime } from 'luxon';
import { ALWAYS_OPEN, type BusinessCalendar, businessCalendar } from './business-calendar.js';
import type { BusinessCalendarSpec } from './calendar-spec.js';

export const BERLIN = 'Europe/Berlin';
export const NEW_YORK = 'America/New_York';
export const SHANGHAI = 'Asia/Shanghai';

const nineToSix: Array<[string, string]> = [['09:00', '18:00']];
export const WORKWEEK = { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix };
export const EVERY_DAY = { ...WORKWEEK, sat: nineToSix, sun: nineToSix };

export function calendar(spec: Partial<BusinessCalendarSpec> = {}): BusinessCalendar {
  return businessCalendar({ timeZone: BERLIN, week: WORKWEEK, ...spec });
}

/** Mon–Fri 09:00–18:00 in Berlin, no holidays: the plain office. */
export const OFFICE = calendar();
/** Mon–Fri with a lunch gap. */
export const LUNCH_BREAK = calendar({
  week: Object.fromEntries(
    Object.keys(WORKWEEK).map((day) => [
      day,
      [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
    ]),
  ),
});
/** A night shift Monday to Friday nights, 22:00 until 06:00 the next morning. */
export const NIGHT_SHIFT = calendar({
  week: Object.fromEntries(Object.keys(WORKWEEK).map((day) => [day, [['22:00', '06:00']]])),
});
/** 09:00–18:00 every day, so DST Sundays are working days. */
export const BERLIN_EVERY_DAY = calendar({ week: EVERY_DAY });
export const NEW_YORK_EVERY_DAY = calendar({ timeZone: NEW_YORK, week: EVERY_DAY });
export const CHINA = calendar({ timeZone: SHANGHAI, holidays: { country: 'CN' } });
export const USA = calendar({ timeZone: NEW_YORK, holidays: { country: 'US' } });
export const BAVARIA = calendar({ holidays: { country: 'DE', region: 'BY' } });

/** Every calendar above, for properties that must hold whatever the hours. */
export const CALENDARS: Record<string, BusinessCalendar> = {
  OFFICE,
  LUNCH_BREAK,
  NIGHT_SHIFT,
  BERLIN_EVERY_DAY,
  NEW_YORK_EVERY_DAY,
  CHINA,
  USA,
  BAVARIA,
  ALWAYS_OPEN,
};

/** The instant a wall clock in `zone` shows 'yyyy-MM-dd HH:mm'. */
export function at(local: string, zone = BERLIN): Date {
  const parsed = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!parsed.isValid) throw new Error(`bad local time ${local}`);
  return parsed.toJSDate();
}

/** What a wall clock in `zone` shows at an instant, 'yyyy-MM-dd HH:mm' (seconds too when not zero). */
export function wall(instant: Date, zone = BERLIN): string {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.toFormat(local.second || local.millisecond ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm');
}

export const HOUR = 60;
