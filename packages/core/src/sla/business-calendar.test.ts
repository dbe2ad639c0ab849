import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, businessCalendar, defaultCalendarSpec } from './business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time.js';
import {
  at,
  BAVARIA,
  BERLIN,
  CHINA,
  calendar,
  EVERY_DAY,
  HOUR,
  NEW_YORK,
  OFFICE,
  SHANGHAI,
  USA,
  WORKWEEK,
  wall,
} from './sla.test-helpers.js';

const closed = (cal: typeof OFFICE, date: string) => cal.openPeriods(date).length === 0;

describe('businessCalendar', () => {
  it('throws with every problem of an invalid spec', () => {
    expect(() => businessCalendar({ timeZone: 'Mars/Olympus', week: {} })).toThrow(
      /invalid business calendar: timeZone: "Mars\/Olympus" is not an IANA time zone.*; week: has no working hours/,
    );
  });

  it('lists the open periods of a date as instants in the calendar’s zone', () => {
    expect(OFFICE.openPeriods('2026-03-25')).toEqual([
      { start: at('2026-03-25 09:00').getTime(), end: at('2026-03-25 18:00').getTime() },
    ]);
    expect(OFFICE.openPeriods('2026-03-28')).toEqual([]);
  });

  it('reads "24:00" as the next midnight', () => {
    const lateDesk = calendar({ week: { mon: [['18:00', '24:00']] } });
    expect(lateDesk.openPeriods('2026-03-23')).toEqual([
      { start: at('2026-03-23 18:00').getTime(), end: at('2026-03-24 00:00').getTime() },
    ]);
  });
});

describe('defaultCalendarSpec', () => {
  it('is Monday to Friday 09:00–18:00 with the country’s public holidays', () => {
    const spec = defaultCalendarSpec('US', NEW_YORK);
    expect(spec).toEqual({ timeZone: NEW_YORK, week: WORKWEEK, holidays: { country: 'US' } });
    expect(closed(businessCalendar(spec), '2026-11-26')).toBe(true);
  });
});

describe('ALWAYS_OPEN', () => {
  it('is open at every instant, holidays and nights included', () => {
    expect(isOpenAt(ALWAYS_OPEN, at('2026-12-25 03:00'))).toBe(true);
    expect(businessMinutesBetween(ALWAYS_OPEN, at('2026-12-24 00:00'), at('2026-12-27 00:00'))).toBe(
      72 * HOUR,
    );
  });
});

describe('public holidays from date-holidays', () => {
  it('closes China’s Spring Festival 2026 on the three days the data gives, Feb 16–18', () => {
    expect(['2026-02-16', '2026-02-17', '2026-02-18'].map((d) => closed(CHINA, d))).toEqual([
      true,
      true,
      true,
    ]);
    expect(closed(CHINA, '2026-02-19')).toBe(false);
    const due = addBusinessMinutes(CHINA, at('2026-02-13 17:00', SHANGHAI), 2 * HOUR);
    expect(wall(due, SHANGHAI)).toBe('2026-02-19 10:00');
  });

  it('closes China’s National Day on Oct 1–3, as the data has it', () => {
    const due = addBusinessMinutes(CHINA, at('2026-09-30 17:00', SHANGHAI), 2 * HOUR);
    expect(wall(due, SHANGHAI)).toBe('2026-10-05 10:00');
  });

  it('stays open on part-day holidays such as China’s Youth Day afternoon', () => {
    expect(isOpenAt(CHINA, at('2026-05-04 15:00', SHANGHAI))).toBe(true);
  });

  it('closes on US Thanksgiving but not on the day after, an observance', () => {
    const due = addBusinessMinutes(USA, at('2026-11-25 17:00', NEW_YORK), 2 * HOUR);
    expect(wall(due, NEW_YORK)).toBe('2026-11-27 10:00');
  });

  it('closes on a substitute day: Independence Day 2026 falls on a Saturday, so Friday July 3', () => {
    expect(closed(USA, '2026-07-03')).toBe(true);
  });

  it('closes on a Bavarian holiday that the rest of Germany works: Corpus Christi, June 4', () => {
    expect(closed(BAVARIA, '2026-06-04')).toBe(true);
    expect(closed(calendar({ holidays: { country: 'DE' } }), '2026-06-04')).toBe(false);
    expect(closed(BAVARIA, '2026-01-06')).toBe(true);
  });

  it('ignores bank, school and observance days (Bavaria’s Buß- und Bettag, Christmas Eve afternoon)', () => {
    expect(closed(BAVARIA, '2026-11-18')).toBe(false);
    expect(closed(BAVARIA, '2026-12-24')).toBe(false);
  });

  it('accepts the region as "BY", "by" or "DE-BY"', () => {
    for (const region of ['by', 'DE-BY']) {
      expect(closed(calendar({ holidays: { country: 'de', region } }), '2026-06-04')).toBe(true);
    }
  });

  it('closes every day of a multi-day holiday, and only whole days of one that starts at sunset', () => {
    const russia = calendar({ timeZone: 'Europe/Moscow', holidays: { country: 'RU' } });
    expect(closed(russia, '2026-01-05')).toBe(true);
    const turkey = calendar({ timeZone: 'Europe/Istanbul', week: EVERY_DAY, holidays: { country: 'TR' } });
    // Ramazan Bayramı: Mar 20–22; the data starts it at sunset on the 19th.
    expect(['2026-03-19', '2026-03-20', '2026-03-22', '2026-03-23'].map((d) => closed(turkey, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('closes the days of a holiday that runs into the next year (Eswatini’s Incwala, Dec 28 – Jan 2)', () => {
    const eswatini = calendar({ timeZone: 'Africa/Mbabane', week: EVERY_DAY, holidays: { country: 'SZ' } });
    expect(closed(eswatini, '2027-01-02')).toBe(true);
    expect(closed(eswatini, '2027-01-03')).toBe(false);
  });
});

describe('custom closures and working dates', () => {
  // China's official 2026 Spring Festival break as a tenant would enter it: Feb 15–23 off,
  // with the make-up working Saturdays Feb 14 and Feb 28 (调休).
  const chinaOfficial = calendar({
    timeZone: SHANGHAI,
    holidays: { country: 'CN' },
    closures: [
      { from: '2026-02-15', to: '2026-02-23', name: '春节' },
      { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
    ],
    workingDates: [{ date: '2026-02-14' }, { date: '2026-02-28', asWeekday: 'fri' }, { date: '2026-10-10' }],
  });

  it('works a make-up Saturday with Monday’s hours', () => {
    const due = addBusinessMinutes(chinaOfficial, at('2026-02-13 17:00', SHANGHAI), 2 * HOUR);
    expect(wall(due, SHANGHAI)).toBe('2026-02-14 10:00');
  });

  it('closes every day of a closure range, both ends included', () => {
    const due = addBusinessMinutes(chinaOfficial, at('2026-02-14 17:00', SHANGHAI), 2 * HOUR);
    expect(wall(due, SHANGHAI)).toBe('2026-02-24 10:00');
    expect(closed(chinaOfficial, '2026-02-23')).toBe(true);
    expect(closed(chinaOfficial, '2026-10-07')).toBe(true);
    expect(closed(chinaOfficial, '2026-10-08')).toBe(false);
  });

  it('lets the working date of National Day week open a Saturday', () => {
    expect(closed(chinaOfficial, '2026-10-10')).toBe(false);
    expect(closed(chinaOfficial, '2026-02-28')).toBe(false);
  });

  it('works a working date even when it is a public holiday', () => {
    const cal = calendar({
      holidays: { country: 'DE' },
      workingDates: [{ date: '2026-10-03', asWeekday: 'fri' }],
    });
    expect(closed(cal, '2026-10-03')).toBe(false);
  });

  it('keeps a closure closed even when the date is also listed as a working date', () => {
    const cal = calendar({
      closures: [{ from: '2026-03-28', to: '2026-03-28', name: 'move to the new office' }],
      workingDates: [{ date: '2026-03-28' }],
    });
    expect(closed(cal, '2026-03-28')).toBe(true);
  });

  it('closes a single day given as from = to', () => {
    const cal = calendar({ closures: [{ from: '2026-03-25', to: '2026-03-25' }] });
    expect(wall(addBusinessMinutes(cal, at('2026-03-24 17:00'), 2 * HOUR))).toBe('2026-03-26 10:00');
  });

  it('reads closure dates in the calendar’s own zone', () => {
    const cal = calendar({ timeZone: BERLIN, closures: [{ from: '2026-03-25', to: '2026-03-25' }] });
    expect(isOpenAt(cal, at('2026-03-25 10:00'))).toBe(false);
    expect(isOpenAt(cal, at('2026-03-26 10:00'))).toBe(true);
  });
});
