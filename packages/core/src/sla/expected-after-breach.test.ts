import { describe, expect, it } from 'vitest';
import { expectedAfterBreach } from './expected-after-breach.js';
import { at, HOUR, OFFICE, wall } from './sla.test-helpers.js';
import { startClock, sweepClock } from './sla-clock.js';

describe('expectedAfterBreach', () => {
  it('promises the same four business hours again from a Monday 11:00 breach: Monday 15:00', () => {
    const clock = startClock(
      'first_response',
      { minutes: 4 * HOUR, clock: 'business' },
      OFFICE,
      at('2026-03-27 16:00'),
      0.8,
    );
    expect(wall(clock.dueAt as Date)).toBe('2026-03-30 11:00');
    expect(wall(expectedAfterBreach(clock, OFFICE) as Date)).toBe('2026-03-30 15:00');
  });

  it('carries a late-day breach over the night in business time, not elapsed time', () => {
    const clock = startClock(
      'first_response',
      { minutes: 2 * HOUR, clock: 'business' },
      OFFICE,
      at('2026-03-27 16:00'),
      0.8,
    );
    // Due at Friday's close; two more open hours end Monday 11:00.
    const { clock: missed } = sweepClock(clock, at('2026-03-27 18:00'));
    expect(wall(expectedAfterBreach(missed, OFFICE) as Date)).toBe('2026-03-30 11:00');
  });

  it('counts a calendar-time target in elapsed hours, weekend included', () => {
    const clock = startClock(
      'resolution',
      { minutes: 24 * HOUR, clock: 'calendar' },
      OFFICE,
      at('2026-03-27 12:00'),
      0.8,
    );
    expect(wall(expectedAfterBreach(clock, OFFICE) as Date)).toBe('2026-03-29 13:00');
  });

  it('gives a business-day target its budget of open minutes again', () => {
    // Monday 10:00 + 3 business days: due Thursday 18:00 with 35 open hours; again → Wednesday 17:00.
    const clock = startClock('resolution', { businessDays: 3 }, OFFICE, at('2026-03-23 10:00'), 0.8);
    expect(clock.budgetMinutes).toBe(35 * HOUR);
    expect(wall(expectedAfterBreach(clock, OFFICE) as Date)).toBe('2026-04-01 17:00');
  });

  it('has nothing to promise for a paused clock', () => {
    const clock = startClock('resolution', { businessDays: 3 }, OFFICE, at('2026-03-23 10:00'), 0.8);
    expect(expectedAfterBreach({ ...clock, state: 'paused', dueAt: null }, OFFICE)).toBeNull();
  });
});
