import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from './business-calendar.js';
import { at, BAVARIA, HOUR, OFFICE, wall } from './sla.test-helpers.js';
import {
  calendarFor,
  completeClock,
  pauseClock,
  remainingAt,
  resumeClock,
  type SlaClock,
  startClock,
  sweepClock,
} from './sla-clock.js';
import type { SlaTarget } from './sla-policy.js';

const oneHour: SlaTarget = { minutes: HOUR, clock: 'business' };
const fourHours: SlaTarget = { minutes: 4 * HOUR, clock: 'business' };
const dayOfCalendarTime: SlaTarget = { minutes: 24 * HOUR, clock: 'calendar' };
const threeDays: SlaTarget = { businessDays: 3 };

const start = (target: SlaTarget, when: string, cal = OFFICE) =>
  startClock('first_response', target, cal, at(when), 0.8);
const due = (clock: SlaClock) => (clock.dueAt ? wall(clock.dueAt) : null);
const warn = (clock: SlaClock) => (clock.warnAt ? wall(clock.warnAt) : null);

describe('startClock', () => {
  it('makes a Friday 17:30 one-hour target due Monday 09:30, warning at 80 % (Monday 09:18)', () => {
    const clock = start(oneHour, '2026-03-27 17:30');
    expect(clock).toMatchObject({
      state: 'active',
      budgetMinutes: HOUR,
      remainingMinutes: null,
      breachedAt: null,
    });
    expect([due(clock), warn(clock)]).toEqual(['2026-03-30 09:30', '2026-03-30 09:18']);
  });

  it('counts a calendar-time target in elapsed hours, over the weekend', () => {
    const clock = start(dayOfCalendarTime, '2026-03-27 17:30');
    expect([due(clock), warn(clock)]).toEqual(['2026-03-28 17:30', '2026-03-28 12:42']);
  });

  it('makes 3 business days from Monday 10:00 due at Thursday’s close, with the budget in open minutes', () => {
    const clock = start(threeDays, '2026-03-23 10:00');
    expect(due(clock)).toBe('2026-03-26 18:00');
    expect(clock.budgetMinutes).toBe(8 * HOUR + 3 * 9 * HOUR);
    // 80 % of 35 h is 28 h: Monday's 8, Tuesday's 9, Wednesday's 9, and 2 on Thursday.
    expect(warn(clock)).toBe('2026-03-26 11:00');
  });

  it('refuses a warning share outside (0, 1)', () => {
    expect(() => startClock('resolution', oneHour, OFFICE, at('2026-03-23 10:00'), 1)).toThrow(RangeError);
  });
});

describe('calendarFor', () => {
  it('counts calendar targets always open, business and business-day targets on the business calendar', () => {
    expect(calendarFor(dayOfCalendarTime, OFFICE)).toBe(ALWAYS_OPEN);
    expect(calendarFor(oneHour, OFFICE)).toBe(OFFICE);
    expect(calendarFor(threeDays, OFFICE)).toBe(OFFICE);
  });
});

describe('pausing while the customer is awaited', () => {
  const running = start(fourHours, '2026-03-25 10:00'); // due 14:00

  it('keeps the open minutes left and clears the due and warning times', () => {
    const paused = pauseClock(running, OFFICE, at('2026-03-25 11:30'));
    expect(paused).toMatchObject({ state: 'paused', remainingMinutes: 150, dueAt: null, warnAt: null });
    expect(paused.pausedAt).toEqual(at('2026-03-25 11:30'));
  });

  it('resumes with the remembered minutes from the moment the customer answers', () => {
    const paused = pauseClock(running, OFFICE, at('2026-03-25 11:30'));
    const resumed = resumeClock(paused, OFFICE, at('2026-03-26 16:00'), 0.8);
    expect(resumed).toMatchObject({ state: 'active', remainingMinutes: null, pausedAt: null });
    // 150 minutes: 2 h on Thursday, 30 min on Friday.
    expect(due(resumed)).toBe('2026-03-27 09:30');
    // The warning comes when 80 % of 4 h is used, i.e. with 48 minutes left: 102 minutes after 16:00.
    expect(warn(resumed)).toBe('2026-03-26 17:42');
    expect(remainingAt(resumed, OFFICE, at('2026-03-27 09:00'))).toBe(30);
  });

  it('preserves the minutes over a holiday: paused the Thursday before Good Friday, resumed after Easter Monday', () => {
    const clock = start(fourHours, '2026-04-02 12:00', BAVARIA); // due 16:00
    const paused = pauseClock(clock, BAVARIA, at('2026-04-02 14:00'));
    expect(paused.remainingMinutes).toBe(2 * HOUR);
    const resumed = resumeClock(paused, BAVARIA, at('2026-04-07 10:00'), 0.8);
    expect(due(resumed)).toBe('2026-04-07 12:00');
    expect(remainingAt(resumed, BAVARIA, at('2026-04-07 10:00'))).toBe(2 * HOUR);
  });

  it('lets a customer who answers on the holiday itself restart the clock at the next opening', () => {
    const paused = pauseClock(start(fourHours, '2026-04-02 12:00', BAVARIA), BAVARIA, at('2026-04-02 14:00'));
    const resumed = resumeClock(paused, BAVARIA, at('2026-04-03 10:00'), 0.8);
    expect(due(resumed)).toBe('2026-04-07 11:00');
  });

  it('warns at once on resume when the warning share was already used before the pause', () => {
    const paused = pauseClock(running, OFFICE, at('2026-03-25 13:30'));
    const resumed = resumeClock(paused, OFFICE, at('2026-03-26 10:00'), 0.8);
    expect([warn(resumed), due(resumed)]).toEqual(['2026-03-26 10:00', '2026-03-26 10:30']);
  });

  it('does not pause an overdue clock: the breach already happened', () => {
    expect(pauseClock(running, OFFICE, at('2026-03-25 14:00'))).toBe(running);
  });

  it('does nothing to a clock that is not running, or resume one that is not paused', () => {
    const paused = pauseClock(running, OFFICE, at('2026-03-25 11:00'));
    expect(pauseClock(paused, OFFICE, at('2026-03-25 12:00'))).toBe(paused);
    expect(resumeClock(running, OFFICE, at('2026-03-25 12:00'), 0.8)).toBe(running);
    const done = completeClock(running, at('2026-03-25 11:00'));
    expect(pauseClock(done, OFFICE, at('2026-03-25 12:00'))).toBe(done);
  });

  it('counts a paused calendar-time clock in elapsed minutes, not business minutes', () => {
    const clock = start(dayOfCalendarTime, '2026-03-27 17:30');
    const paused = pauseClock(clock, OFFICE, at('2026-03-27 18:30'));
    expect(paused.remainingMinutes).toBe(23 * HOUR);
    const resumed = resumeClock(paused, OFFICE, at('2026-03-28 10:00'), 0.8);
    expect(due(resumed)).toBe('2026-03-29 10:00');
  });
});

describe('completeClock', () => {
  const running = start(oneHour, '2026-03-25 10:00'); // due 11:00

  it('is a hit when the metric is met on or before the due time', () => {
    expect(completeClock(running, at('2026-03-25 11:00'))).toMatchObject({ state: 'hit', breachedAt: null });
  });

  it('is a miss when late, recording the breach at the due time if no sweep did', () => {
    const late = completeClock(running, at('2026-03-25 11:05'));
    expect(late).toMatchObject({
      state: 'missed',
      breachedAt: at('2026-03-25 11:00'),
      completedAt: at('2026-03-25 11:05'),
    });
  });

  it('keeps a swept miss missed, even if the metric is then met', () => {
    const { clock: missed } = sweepClock(running, at('2026-03-25 12:00'));
    expect(completeClock(missed, at('2026-03-25 12:30'))).toMatchObject({
      state: 'missed',
      completedAt: at('2026-03-25 12:30'),
    });
  });

  it('is a hit for a clock paused while the customer was awaited', () => {
    const paused = pauseClock(running, OFFICE, at('2026-03-25 10:30'));
    expect(completeClock(paused, at('2026-03-30 10:00')).state).toBe('hit');
  });

  it('changes nothing the second time', () => {
    const once = completeClock(running, at('2026-03-25 10:30'));
    expect(completeClock(once, at('2026-03-25 12:30'))).toBe(once);
  });
});

describe('sweepClock', () => {
  const running = start(oneHour, '2026-03-25 10:00'); // warn 10:48, due 11:00

  it('reports nothing before the warning point', () => {
    expect(sweepClock(running, at('2026-03-25 10:47'))).toEqual({ clock: running, crossed: null });
  });

  it('warns once, recording the warning point', () => {
    const first = sweepClock(running, at('2026-03-25 10:50'));
    expect(first.crossed).toBe('warning');
    expect(first.clock.warnedAt).toEqual(at('2026-03-25 10:48'));
    expect(sweepClock(first.clock, at('2026-03-25 10:55'))).toEqual({ clock: first.clock, crossed: null });
  });

  it('breaches once at the due time, recording the due time however late the sweep runs', () => {
    const warned = sweepClock(running, at('2026-03-25 10:50')).clock;
    const breached = sweepClock(warned, at('2026-03-25 15:37'));
    expect(breached.crossed).toBe('breach');
    expect(breached.clock).toMatchObject({ state: 'missed', breachedAt: at('2026-03-25 11:00') });
    expect(sweepClock(breached.clock, at('2026-03-26 09:00')).crossed).toBeNull();
  });

  it('reports only the breach when the sweep first runs after the due time', () => {
    const { clock, crossed } = sweepClock(running, at('2026-03-25 11:30'));
    expect(crossed).toBe('breach');
    expect(clock.warnedAt).toBeNull();
  });

  it('never breaches a paused clock, however long the customer takes', () => {
    const paused = pauseClock(running, OFFICE, at('2026-03-25 10:30'));
    expect(sweepClock(paused, at('2026-04-30 10:00'))).toEqual({ clock: paused, crossed: null });
  });
});

describe('remainingAt', () => {
  const running = start(oneHour, '2026-03-27 17:30'); // due Monday 09:30

  it('counts open minutes left, so a countdown stands still over the weekend', () => {
    expect(remainingAt(running, OFFICE, at('2026-03-27 17:45'))).toBe(45);
    expect(remainingAt(running, OFFICE, at('2026-03-28 12:00'))).toBe(30);
  });

  it('is negative when overdue, also for a swept miss', () => {
    expect(remainingAt(running, OFFICE, at('2026-03-30 10:00'))).toBe(-30);
    const missed = sweepClock(running, at('2026-03-30 10:00')).clock;
    expect(remainingAt(missed, OFFICE, at('2026-03-30 11:00'))).toBe(-90);
  });

  it('is the remembered minutes while paused and null once completed', () => {
    const paused = pauseClock(running, OFFICE, at('2026-03-27 17:50'));
    expect(remainingAt(paused, OFFICE, at('2026-04-15 12:00'))).toBe(40);
    expect(
      remainingAt(completeClock(running, at('2026-03-27 17:50')), OFFICE, at('2026-03-27 18:00')),
    ).toBeNull();
  });
});
