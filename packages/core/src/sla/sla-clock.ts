import { ALWAYS_OPEN, type BusinessCalendar } from './business-calendar.js';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween } from './business-time.js';
import type { SlaMetric, SlaTarget } from './sla-policy.js';

/** Where a clock is: running, stopped while the customer is awaited, or done (hit or missed). */
export type ClockState = 'active' | 'paused' | 'hit' | 'missed';

/**
 * One service-level clock of one case (an "applied SLA"). Changed only through the
 * functions below, which never undo a recorded moment: once warned, breached or completed,
 * a clock stays so.
 */
export interface SlaClock {
  metric: SlaMetric;
  target: SlaTarget;
  state: ClockState;
  startedAt: Date;
  /** When the target runs out; null while paused. */
  dueAt: Date | null;
  /** When the warning share of the budget is used up; null while paused. */
  warnAt: Date | null;
  /** The target as open minutes of its calendar from start to due. */
  budgetMinutes: number;
  /** Open minutes left when paused; null otherwise. */
  remainingMinutes: number | null;
  pausedAt: Date | null;
  /** The moment the warning point was passed (warnAt), recorded once. */
  warnedAt: Date | null;
  /** The moment the target ran out (dueAt), recorded once. */
  breachedAt: Date | null;
  completedAt: Date | null;
}

/** The calendar a target's minutes are counted in: elapsed time for 'calendar' targets. */
export function calendarFor(target: SlaTarget, businessCal: BusinessCalendar): BusinessCalendar {
  return 'clock' in target && target.clock === 'calendar' ? ALWAYS_OPEN : businessCal;
}

/**
 * A running clock from `at`. Minute targets are due after that many open minutes;
 * business-day targets at the close of the N-th business day (`addBusinessDays`), their
 * budget being the open minutes until then, so pausing and warning work alike for both.
 */
export function startClock(
  metric: SlaMetric,
  target: SlaTarget,
  cal: BusinessCalendar,
  at: Date,
  warnShare: number,
): SlaClock {
  checkShare(warnShare);
  const clockCal = calendarFor(target, cal);
  let dueAt: Date;
  let budgetMinutes: number;
  if ('businessDays' in target) {
    dueAt = addBusinessDays(cal, at, target.businessDays);
    budgetMinutes = businessMinutesBetween(cal, at, dueAt);
  } else {
    budgetMinutes = target.minutes;
    dueAt = addBusinessMinutes(clockCal, at, budgetMinutes);
  }
  return {
    metric,
    target,
    state: 'active',
    startedAt: at,
    dueAt,
    warnAt: addBusinessMinutes(clockCal, at, budgetMinutes * warnShare),
    budgetMinutes,
    remainingMinutes: null,
    pausedAt: null,
    warnedAt: null,
    breachedAt: null,
    completedAt: null,
  };
}

/**
 * Stops a running clock while the customer is awaited, keeping the open minutes left.
 * No change unless the clock is active and not yet due: waiting on the customer does not
 * undo a breach that already happened, even if the sweep has not recorded it yet.
 */
export function pauseClock(clock: SlaClock, cal: BusinessCalendar, at: Date): SlaClock {
  if (clock.state !== 'active' || !clock.dueAt || at >= clock.dueAt) return clock;
  return {
    ...clock,
    state: 'paused',
    remainingMinutes: businessMinutesBetween(calendarFor(clock.target, cal), at, clock.dueAt),
    pausedAt: at,
    dueAt: null,
    warnAt: null,
  };
}

/**
 * Restarts a paused clock: due once the remembered minutes have run again, with the warning
 * at the same share of the budget (at once when that share was already used). No change
 * unless paused.
 */
export function resumeClock(clock: SlaClock, cal: BusinessCalendar, at: Date, warnShare: number): SlaClock {
  if (clock.state !== 'paused' || clock.remainingMinutes === null) return clock;
  checkShare(warnShare);
  const clockCal = calendarFor(clock.target, cal);
  const remaining = clock.remainingMinutes;
  const leftAtWarning = clock.budgetMinutes * (1 - warnShare);
  return {
    ...clock,
    state: 'active',
    dueAt: addBusinessMinutes(clockCal, at, remaining),
    warnAt: addBusinessMinutes(clockCal, at, Math.max(0, remaining - leftAtWarning)),
    remainingMinutes: null,
    pausedAt: null,
  };
}

/**
 * Stops the clock because its metric was met (an answer sent, a case resolved): 'hit' when
 * on time — a paused clock had time left, so it is on time — 'missed' when late, recording
 * the breach at the due time if no sweep did. A missed clock stays missed; completing a
 * completed clock changes nothing.
 */
export function completeClock(clock: SlaClock, at: Date): SlaClock {
  if (clock.completedAt) return clock;
  if (clock.state === 'missed' || clock.state === 'hit') return { ...clock, completedAt: at };
  if (clock.state === 'paused')
    return { ...clock, state: 'hit', remainingMinutes: null, pausedAt: null, completedAt: at };
  if (!clock.dueAt || at <= clock.dueAt) return { ...clock, state: 'hit', completedAt: at };
  return { ...clock, state: 'missed', breachedAt: clock.breachedAt ?? clock.dueAt, completedAt: at };
}

/**
 * What the periodic sweep records at `now`: the breach of a running clock past its due
 * time, else its warning once the warning point has passed. Each is reported once; a
 * second sweep returns `crossed: null` and the clock unchanged.
 *
 * The moments recorded are the thresholds themselves (dueAt, warnAt), not `now`: the
 * target ran out at dueAt whenever the sweep happened to run, so a late or repeated sweep
 * (after downtime, or on two workers) records the same facts. A breach found before its
 * warning was sent reports only the breach: a warning would come too late to help.
 */
export function sweepClock(
  clock: SlaClock,
  now: Date,
): { clock: SlaClock; crossed: 'warning' | 'breach' | null } {
  if (clock.state !== 'active' || !clock.dueAt) return { clock, crossed: null };
  if (now >= clock.dueAt)
    return { clock: { ...clock, state: 'missed', breachedAt: clock.dueAt }, crossed: 'breach' };
  if (clock.warnAt && !clock.warnedAt && now >= clock.warnAt)
    return { clock: { ...clock, warnedAt: clock.warnAt }, crossed: 'warning' };
  return { clock, crossed: null };
}

/**
 * Open minutes left at `now` for a countdown badge: negative when overdue (a missed clock
 * not yet completed counts how late it is), the remembered minutes while paused, null once
 * completed.
 */
export function remainingAt(clock: SlaClock, cal: BusinessCalendar, now: Date): number | null {
  if (clock.completedAt) return null;
  if (clock.state === 'paused') return clock.remainingMinutes;
  if (!clock.dueAt) return null;
  const clockCal = calendarFor(clock.target, cal);
  return now <= clock.dueAt
    ? businessMinutesBetween(clockCal, now, clock.dueAt)
    : 0 - businessMinutesBetween(clockCal, clock.dueAt, now); // 0 - x: never -0 when overdue by closed time only
}

function checkShare(warnShare: number): void {
  if (!(warnShare > 0 && warnShare < 1))
    throw new RangeError(`warnShare must be between 0 and 1 (exclusive), got ${warnShare}`);
}
