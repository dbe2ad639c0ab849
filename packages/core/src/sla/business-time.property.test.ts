import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, businessCalendar } from './business-calendar.js';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, isOpenAt } from './business-time.js';
import { CALENDARS } from './sla.test-helpers.js';

const names = Object.keys(CALENDARS);
const calendarArb = fc.constantFrom(...names).map((name) => ({ name, cal: CALENDARS[name]! }));
// 2025 to 2027: DST changes, Spring Festivals and year ends all inside.
const instantArb = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((t) => new Date(t));
// Whole minutes up to about six weeks of office hours, plus fractional ones.
// A second instant up to 90 days after the first: the spans service clocks actually measure.
const spanArb = fc
  .tuple(instantArb, fc.integer({ min: 0, max: 90 * 86_400_000 }))
  .map(([start, length]) => [start, new Date(start.getTime() + length)] as const);
const minutesArb = fc.oneof(
  fc.integer({ min: 0, max: 20_000 }),
  fc.double({ min: 0, max: 3_000, noNaN: true }),
);
const roundMs = (minutes: number) => Math.round(minutes * 60_000) / 60_000;

describe('addBusinessMinutes and businessMinutesBetween', () => {
  it('are inverse: the minutes between a start and start + m are m', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, ({ cal }, start, minutes) => {
        const end = addBusinessMinutes(cal, start, minutes);
        expect(businessMinutesBetween(cal, start, end)).toBeCloseTo(roundMs(minutes), 9);
      }),
    );
  });

  it('reach any later instant no later than it: start + between(start, t) ≤ t', () => {
    fc.assert(
      fc.property(calendarArb, spanArb, ({ cal }, [from, to]) => {
        const reached = addBusinessMinutes(cal, from, businessMinutesBetween(cal, from, to));
        expect(reached.getTime()).toBeLessThanOrEqual(to.getTime());
        // …and nothing open lies between the instant reached and t.
        expect(businessMinutesBetween(cal, reached, to)).toBe(0);
      }),
    );
  });

  it('is monotonic in the minutes', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, minutesArb, ({ cal }, start, m1, m2) => {
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addBusinessMinutes(cal, start, low).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(cal, start, high).getTime(),
        );
      }),
    );
  });

  it('never ends inside a closed stretch: the millisecond before a non-zero result is open', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 20_000 }), ({ cal }, start, minutes) => {
        const end = addBusinessMinutes(cal, start, minutes);
        expect(end.getTime()).toBeGreaterThan(start.getTime());
        expect(isOpenAt(cal, new Date(end.getTime() - 1))).toBe(true);
      }),
    );
  });

  it('adds up: (start + a) + b = start + (a + b)', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        ({ cal }, start, a, b) => {
          const stepwise = addBusinessMinutes(cal, addBusinessMinutes(cal, start, a), b);
          expect(stepwise).toEqual(addBusinessMinutes(cal, start, a + b));
        },
      ),
    );
  });

  it('splits: between(a, c) = between(a, b) + between(b, c) for a ≤ b ≤ c', () => {
    fc.assert(
      fc.property(
        calendarArb,
        spanArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ cal }, [a, c], share) => {
          const b = new Date(a.getTime() + Math.round((c.getTime() - a.getTime()) * share));
          const whole = businessMinutesBetween(cal, a, c);
          expect(businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c)).toBeCloseTo(whole, 6);
          expect(whole).toBeLessThanOrEqual((c.getTime() - a.getTime()) / 60_000);
        },
      ),
    );
  });

  it('adds nothing when the start is open and counts no minute when from = to', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, ({ cal }, start) => {
        expect(addBusinessMinutes(cal, start, 0)).toEqual(start);
        expect(businessMinutesBetween(cal, start, start)).toBe(0);
      }),
    );
  });
});

describe('ALWAYS_OPEN', () => {
  const utcEveryDay = businessCalendar({
    timeZone: 'UTC',
    week: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
    ),
  });

  it('counts plain elapsed time, exactly as a 24x7 UTC calendar walked day by day', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 200_000 }), (start, minutes) => {
        const due = addBusinessMinutes(ALWAYS_OPEN, start, minutes);
        expect(due.getTime() - start.getTime()).toBe(minutes * 60_000);
        expect(due).toEqual(addBusinessMinutes(utcEveryDay, start, minutes));
        expect(businessMinutesBetween(utcEveryDay, start, due)).toBe(minutes);
      }),
    );
  });
});

describe('addBusinessDays', () => {
  it('ends at a close: open just before, later than the start, and later for more days', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 15 }), ({ cal }, start, days) => {
        const due = addBusinessDays(cal, start, days);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        expect(isOpenAt(cal, new Date(due.getTime() - 1))).toBe(true);
        expect(addBusinessDays(cal, start, days + 1).getTime()).toBeGreaterThan(due.getTime());
      }),
    );
  });

  it('on office hours, gives exactly the open hours of N more full days after the start’s day', () => {
    const office = CALENDARS.OFFICE!;
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 15 }), (start, days) => {
        const fromStartDay = businessMinutesBetween(office, start, addBusinessDays(office, start, 0));
        const total = businessMinutesBetween(office, start, addBusinessDays(office, start, days));
        expect(total - fromStartDay).toBeCloseTo(days * 9 * 60, 6);
      }),
    );
  });
});
