import { describe, expect, it } from 'vitest';
import { defaultCalendarSpec } from './business-calendar.js';
import { isIsoDate, parseClockTime, validateCalendarSpec } from './calendar-spec.js';
import { BERLIN, WORKWEEK } from './sla.test-helpers.js';

const valid = { timeZone: BERLIN, week: WORKWEEK };

describe('validateCalendarSpec', () => {
  it('accepts the default calendar of any country date-holidays knows', () => {
    for (const country of ['CN', 'US', 'DE', 'GB', 'JP']) {
      expect(validateCalendarSpec(defaultCalendarSpec(country, BERLIN))).toEqual([]);
    }
  });

  it('accepts several periods a day, a period across midnight and an end at 24:00', () => {
    const week = {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      tue: [['22:00', '06:00']],
      sat: [['00:00', '24:00']],
    };
    expect(validateCalendarSpec({ timeZone: BERLIN, week })).toEqual([]);
  });

  it('refuses what is not an object', () => {
    expect(validateCalendarSpec(null)).toEqual(['calendar: must be an object']);
    expect(validateCalendarSpec([valid])).toEqual(['calendar: must be an object']);
  });

  it('refuses an unknown time zone', () => {
    expect(validateCalendarSpec({ ...valid, timeZone: 'Berlin' })).toEqual([
      'timeZone: "Berlin" is not an IANA time zone such as "Europe/Berlin"',
    ]);
  });

  it('refuses malformed times with the path of the bad value', () => {
    const week = { mon: [['9:00', '18:00']], tue: [['09:00', '24:30']], wed: [['24:00', '02:00']] };
    expect(validateCalendarSpec({ ...valid, week })).toEqual([
      'week.mon[0][0]: "9:00" is not a time HH:mm',
      'week.tue[0][1]: "24:30" is not a time HH:mm (or 24:00)',
      'week.wed[0][0]: "24:00" is not a time HH:mm',
    ]);
  });

  it('refuses a week without working hours, an unknown weekday and a period that is not a pair', () => {
    expect(validateCalendarSpec({ ...valid, week: {} })).toEqual(['week: has no working hours at all']);
    expect(validateCalendarSpec({ ...valid, week: { mon: [] } })).toEqual([
      'week: has no working hours at all',
    ]);
    expect(validateCalendarSpec({ ...valid, week: { monday: [['09:00', '18:00']] } })).toEqual([
      'week.monday: unknown weekday; use one of mon, tue, wed, thu, fri, sat, sun',
    ]);
    expect(validateCalendarSpec({ ...valid, week: { mon: [['09:00']] } })).toEqual([
      'week.mon[0]: must be a pair ["HH:mm", "HH:mm"]',
    ]);
    expect(validateCalendarSpec({ ...valid, week: { mon: '09:00-18:00' } })).toEqual([
      'week.mon: must be a list of ["HH:mm", "HH:mm"] periods',
    ]);
    expect(validateCalendarSpec({ timeZone: BERLIN })).toEqual([
      'week: must be an object of weekdays to ["HH:mm", "HH:mm"] periods',
    ]);
  });

  it('refuses an empty period and overlapping periods on one day', () => {
    expect(validateCalendarSpec({ ...valid, week: { mon: [['09:00', '09:00']] } })).toEqual([
      'week.mon[0]: starts and ends at 09:00; use ["00:00", "24:00"] for a whole day',
    ]);
    const week = {
      mon: [
        ['09:00', '12:00'],
        ['11:30', '18:00'],
      ],
    };
    expect(validateCalendarSpec({ ...valid, week })).toEqual([
      'week.mon: periods overlap (09:00–12:00 and 11:30–18:00)',
    ]);
  });

  it('refuses a country or region date-holidays does not know', () => {
    expect(validateCalendarSpec({ ...valid, holidays: { country: 'XX' } })).toEqual([
      'holidays.country: "XX" is not a country known to date-holidays (ISO 3166 alpha-2)',
    ]);
    expect(validateCalendarSpec({ ...valid, holidays: { country: 'DE', region: 'ZZ' } })).toEqual([
      'holidays.region: "ZZ" is not a region of DE in date-holidays',
    ]);
    expect(validateCalendarSpec({ ...valid, holidays: 'DE' })).toEqual([
      'holidays: must be { country, region? } or null',
    ]);
    expect(validateCalendarSpec({ ...valid, holidays: null })).toEqual([]);
  });

  it('refuses closures with bad dates or from after to', () => {
    const closures = [
      { from: '2026-10-07', to: '2026-10-01' },
      { from: '2026-02-30', to: '2026-03-01' },
      '2026-12-24',
    ];
    expect(validateCalendarSpec({ ...valid, closures })).toEqual([
      'closures[0]: from 2026-10-07 is after to 2026-10-01',
      'closures[1].from: "2026-02-30" is not a date YYYY-MM-DD',
      'closures[2]: must be { from, to, name? }',
    ]);
  });

  it('refuses a working date on a weekday without hours or with an unknown weekday', () => {
    const workingDates = [
      { date: '2026-02-14', asWeekday: 'sat' },
      { date: '2026-02-28', asWeekday: 'holiday' },
    ];
    expect(validateCalendarSpec({ ...valid, workingDates })).toEqual([
      'workingDates[0].asWeekday: week.sat has no hours to work on 2026-02-14',
      'workingDates[1].asWeekday: "holiday" is not one of mon, tue, wed, thu, fri, sat, sun',
    ]);
    expect(validateCalendarSpec({ ...valid, workingDates: [{ date: '14.02.2026' }] })).toEqual([
      'workingDates[0].date: "14.02.2026" is not a date YYYY-MM-DD',
    ]);
  });
});

describe('parseClockTime and isIsoDate', () => {
  it('reads HH:mm as minutes after midnight, 24:00 only as an end', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('23:59')).toBe(1439);
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('24:00', true)).toBe(1440);
    expect(parseClockTime('7:5')).toBeNull();
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });
});
