import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from './business-calendar.js';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time.js';
import {
  at,
  BERLIN_EVERY_DAY,
  calendar,
  HOUR,
  LUNCH_BREAK,
  NEW_YORK,
  NEW_YORK_EVERY_DAY,
  NIGHT_SHIFT,
  OFFICE,
  wall,
} from './sla.test-helpers.js';

describe('an office open Monday to Friday 09:00–18:00', () => {
  it('is open at 09:00 and at 17:59, closed at 18:00, before 09:00 and at the weekend', () => {
    expect(isOpenAt(OFFICE, at('2026-03-27 09:00'))).toBe(true);
    expect(isOpenAt(OFFICE, at('2026-03-27 17:59'))).toBe(true);
    expect(isOpenAt(OFFICE, at('2026-03-27 18:00'))).toBe(false);
    expect(isOpenAt(OFFICE, at('2026-03-27 08:59'))).toBe(false);
    expect(isOpenAt(OFFICE, at('2026-03-28 12:00'))).toBe(false);
  });

  it('adds minutes inside one day', () => {
    expect(wall(addBusinessMinutes(OFFICE, at('2026-03-25 10:15'), 2 * HOUR))).toBe('2026-03-25 12:15');
  });

  it('moves a Friday 17:30 one-hour target to Monday 09:30', () => {
    expect(wall(addBusinessMinutes(OFFICE, at('2026-03-27 17:30'), HOUR))).toBe('2026-03-30 09:30');
  });

  it('starts a case that arrives on Saturday at Monday 09:00', () => {
    expect(wall(addBusinessMinutes(OFFICE, at('2026-03-28 11:00'), 4 * HOUR))).toBe('2026-03-30 13:00');
  });

  it('starts a case that arrives at 07:00 at the opening', () => {
    expect(wall(addBusinessMinutes(OFFICE, at('2026-03-25 07:00'), 30))).toBe('2026-03-25 09:30');
  });

  it('ends a target that uses up the day at the close, not at the next opening', () => {
    expect(wall(addBusinessMinutes(OFFICE, at('2026-03-25 09:00'), 9 * HOUR))).toBe('2026-03-25 18:00');
  });

  it('runs 24 business hours from Friday noon to Tuesday’s close (6 h + 9 h + 9 h)', () => {
    expect(wall(addBusinessMinutes(OFFICE, at('2026-03-27 12:00'), 24 * HOUR))).toBe('2026-03-31 18:00');
  });

  it('returns the start itself for 0 minutes, even on a Sunday', () => {
    const sunday = at('2026-03-29 15:00');
    expect(addBusinessMinutes(OFFICE, sunday, 0)).toEqual(sunday);
  });

  it('counts fractional minutes to the millisecond', () => {
    expect(wall(addBusinessMinutes(OFFICE, at('2026-03-25 10:00'), 1.5))).toBe('2026-03-25 10:01:30.000');
  });

  it('counts the open minutes between two instants, weekend excluded', () => {
    expect(businessMinutesBetween(OFFICE, at('2026-03-27 17:00'), at('2026-03-30 10:00'))).toBe(2 * HOUR);
    expect(businessMinutesBetween(OFFICE, at('2026-03-28 10:00'), at('2026-03-29 10:00'))).toBe(0);
    expect(businessMinutesBetween(OFFICE, at('2026-03-30 10:00'), at('2026-03-27 17:00'))).toBe(0);
  });

  it('refuses negative or non-finite minutes and days', () => {
    const start = at('2026-03-25 10:00');
    expect(() => addBusinessMinutes(OFFICE, start, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(OFFICE, start, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessDays(OFFICE, start, 1.5)).toThrow(RangeError);
    expect(() => addBusinessMinutes(OFFICE, new Date(Number.NaN), 5)).toThrow(/valid Date/);
  });
});

describe('a day with a lunch break, 09:00–12:00 and 13:00–18:00', () => {
  it('skips the lunch hour', () => {
    expect(wall(addBusinessMinutes(LUNCH_BREAK, at('2026-03-25 11:30'), HOUR))).toBe('2026-03-25 13:30');
  });

  it('is closed over lunch', () => {
    expect(isOpenAt(LUNCH_BREAK, at('2026-03-25 12:30'))).toBe(false);
    expect(isOpenAt(LUNCH_BREAK, at('2026-03-25 13:00'))).toBe(true);
  });

  it('has 8 open hours a day', () => {
    expect(businessMinutesBetween(LUNCH_BREAK, at('2026-03-25 00:00'), at('2026-03-26 00:00'))).toBe(
      8 * HOUR,
    );
  });

  it('ends a morning that is used up at 12:00', () => {
    expect(wall(addBusinessMinutes(LUNCH_BREAK, at('2026-03-25 09:00'), 3 * HOUR))).toBe('2026-03-25 12:00');
  });
});

describe('a night shift 22:00–06:00, Monday to Friday nights', () => {
  it('is open after midnight on the shift that began the evening before', () => {
    expect(isOpenAt(NIGHT_SHIFT, at('2026-03-24 03:00'))).toBe(true);
    expect(isOpenAt(NIGHT_SHIFT, at('2026-03-24 12:00'))).toBe(false);
  });

  it('carries the Friday night shift into Saturday morning, but opens no shift on Saturday evening', () => {
    expect(isOpenAt(NIGHT_SHIFT, at('2026-03-28 05:59'))).toBe(true);
    expect(isOpenAt(NIGHT_SHIFT, at('2026-03-28 23:00'))).toBe(false);
  });

  it('moves an hour asked at Saturday 05:30 to Monday 22:30', () => {
    expect(wall(addBusinessMinutes(NIGHT_SHIFT, at('2026-03-28 05:30'), HOUR))).toBe('2026-03-30 22:30');
  });

  it('counts the eight hours of a shift across midnight', () => {
    expect(businessMinutesBetween(NIGHT_SHIFT, at('2026-03-24 12:00'), at('2026-03-25 12:00'))).toBe(
      8 * HOUR,
    );
  });

  it('does not count twice an evening shift that overlaps the next day’s early start', () => {
    const overlapping = calendar({ week: { mon: [['22:00', '06:00']], tue: [['05:00', '09:00']] } });
    // Monday 22:00 to Tuesday 09:00 is 11 h, not 8 h + 4 h.
    expect(businessMinutesBetween(overlapping, at('2026-03-23 00:00'), at('2026-03-25 00:00'))).toBe(
      11 * HOUR,
    );
    expect(wall(addBusinessMinutes(overlapping, at('2026-03-23 21:00'), 11 * HOUR))).toBe('2026-03-24 09:00');
  });
});

describe('daylight saving time', () => {
  it('keeps a 09:00–18:00 day at 9 hours on the Berlin spring-forward and fall-back Sundays', () => {
    expect(businessMinutesBetween(BERLIN_EVERY_DAY, at('2026-03-29 00:00'), at('2026-03-30 00:00'))).toBe(
      9 * HOUR,
    );
    expect(businessMinutesBetween(BERLIN_EVERY_DAY, at('2026-10-25 00:00'), at('2026-10-26 00:00'))).toBe(
      9 * HOUR,
    );
  });

  it('keeps a 09:00–18:00 day at 9 hours on the New York change days', () => {
    const nineHours = (day: string) =>
      businessMinutesBetween(NEW_YORK_EVERY_DAY, at(`${day} 00:00`, NEW_YORK), at(`${day} 23:00`, NEW_YORK));
    expect(nineHours('2026-03-08')).toBe(9 * HOUR);
    expect(nineHours('2026-11-01')).toBe(9 * HOUR);
  });

  it('opens at 09:00 local time on both sides of the change', () => {
    expect(wall(addBusinessMinutes(BERLIN_EVERY_DAY, at('2026-03-28 17:00'), 2 * HOUR))).toBe(
      '2026-03-29 10:00',
    );
    expect(
      wall(addBusinessMinutes(NEW_YORK_EVERY_DAY, at('2026-10-31 17:00', NEW_YORK), 2 * HOUR), NEW_YORK),
    ).toBe('2026-11-01 10:00');
  });

  it('gives a night shift over the spring-forward night 7 real hours, over the fall-back night 9', () => {
    const nights = calendar({ week: { sat: [['22:00', '06:00']] } });
    expect(businessMinutesBetween(nights, at('2026-03-28 12:00'), at('2026-03-29 12:00'))).toBe(7 * HOUR);
    expect(businessMinutesBetween(nights, at('2026-10-24 12:00'), at('2026-10-25 12:00'))).toBe(9 * HOUR);
  });

  it('drops a period that falls wholly inside the skipped hour', () => {
    const skipped = calendar({ week: { sun: [['02:00', '03:00']], mon: [['09:00', '10:00']] } });
    expect(skipped.openPeriods('2026-03-29')).toEqual([]);
    expect(skipped.openPeriods('2026-03-22')).toHaveLength(1);
  });

  it('counts 24 real hours for a 24-hour calendar-time target over the spring-forward night', () => {
    const start = at('2026-03-28 12:00');
    const due = addBusinessMinutes(ALWAYS_OPEN, start, 24 * HOUR);
    expect(due.getTime() - start.getTime()).toBe(24 * 3_600_000);
    // The wall clock moves 25 hours, since an hour was skipped.
    expect(wall(due)).toBe('2026-03-29 13:00');
  });

  it('counts 24 real hours for a 24-hour calendar-time target over the New York fall-back night', () => {
    const start = at('2026-10-31 12:00', NEW_YORK);
    const due = addBusinessMinutes(ALWAYS_OPEN, start, 24 * HOUR);
    expect(wall(due, NEW_YORK)).toBe('2026-11-01 11:00');
    expect(businessMinutesBetween(ALWAYS_OPEN, start, due)).toBe(24 * HOUR);
  });
});

describe('addBusinessDays: within N business days', () => {
  it('ends at the close of the N-th business day after a start within hours', () => {
    expect(wall(addBusinessDays(OFFICE, at('2026-03-23 10:00'), 3))).toBe('2026-03-26 18:00');
  });

  it('counts a start before the opening from that same day', () => {
    expect(wall(addBusinessDays(OFFICE, at('2026-03-23 07:00'), 3))).toBe('2026-03-26 18:00');
  });

  it('counts a start after the close or at the weekend from the next business day', () => {
    expect(wall(addBusinessDays(OFFICE, at('2026-03-20 20:00'), 3))).toBe('2026-03-26 18:00');
    expect(wall(addBusinessDays(OFFICE, at('2026-03-21 11:00'), 3))).toBe('2026-03-26 18:00');
  });

  it('ends 0 business days at the close of the start’s business day', () => {
    expect(wall(addBusinessDays(OFFICE, at('2026-03-23 10:00'), 0))).toBe('2026-03-23 18:00');
    expect(wall(addBusinessDays(OFFICE, at('2026-03-23 18:00'), 0))).toBe('2026-03-24 18:00');
  });

  it('skips weekends: 10 business days from a Monday end on the second Friday after', () => {
    expect(wall(addBusinessDays(OFFICE, at('2026-03-23 10:00'), 10))).toBe('2026-04-06 18:00');
  });

  it('ends a night-shift day at its shift’s end the next morning', () => {
    expect(wall(addBusinessDays(NIGHT_SHIFT, at('2026-03-24 03:00'), 1))).toBe('2026-03-25 06:00');
  });
});

describe('calendars with no open time within reach', () => {
  it('throws a clear error instead of searching forever', () => {
    const closedForYears = calendar({
      closures: [{ from: '2026-01-01', to: '2030-12-31', name: 'sabbatical' }],
    });
    expect(() => addBusinessMinutes(closedForYears, at('2026-03-25 10:00'), 5)).toThrow(
      /no end found within 1098 days/,
    );
    expect(() => addBusinessDays(closedForYears, at('2026-03-25 10:00'), 1)).toThrow(RangeError);
    expect(isOpenAt(closedForYears, at('2026-03-25 10:00'))).toBe(false);
    expect(businessMinutesBetween(closedForYears, at('2026-01-01 00:00'), at('2031-01-01 00:00'))).toBe(0);
  });
});
