import { type CaseStatus, RESOLVED_STATUSES, WAITING_ON_CUSTOMER } from '../cases/index.js';
import type { BusinessCalendar } from './business-calendar.js';
import {
  calendarFor,
  completeClock,
  pauseClock,
  resumeClock,
  type SlaClock,
  startClock,
} from './sla-clock.js';
import type { SlaMetric, SlaTarget } from './sla-policy.js';

/** A clock as a case holds it: one per metric and cycle, with the rule that set its target. */
export interface CaseClock extends SlaClock {
  cycle: number;
  rule: string;
}

/** Something that happened to a case that service levels care about. */
export type ClockTrigger =
  | { type: 'opened'; at: Date }
  | { type: 'agent_replied'; at: Date }
  | { type: 'customer_wrote'; at: Date }
  | {
      type: 'status_changed';
      from: CaseStatus;
      to: CaseStatus;
      at: Date;
      /**
       * Who moved it. A move by the service (an agent, an integration, the policy deciding)
       * is announced to the customer, so it answers them as a reply would; the customer's
       * own move (withdrawing, appealing) answers no one.
       */
      by?: 'service' | 'customer';
    };

/** What the plan needs besides the clocks: the case's targets, its calendar, the warning share. */
export interface ClockSetting {
  targets: Partial<Record<SlaMetric, { target: SlaTarget; rule: string }>>;
  calendar: BusinessCalendar;
  warnShare: number;
}

// A clock missed by the sweep still runs until the answer or resolution completes it.
const running = (c: CaseClock) => c.completedAt === null;

/**
 * The clocks to write after a trigger: changed ones and new ones (never a deletion, so a
 * recorded hit or miss stays as it was). Pure: the caller loads and saves.
 *
 * - opened: first response and resolution start.
 * - an agent's reply ends the running first- or next-response clock.
 * - a customer's message after an answer starts the next-response clock of a new cycle.
 * - waiting on the customer pauses what runs (the request itself answers them); their
 *   answer resumes it. A resolved status ends everything; a reopened case gets a new
 *   resolution cycle and a next response.
 * - any other move by the service (a return approved, a dispute taken into review) ends the
 *   running response clock: the customer is told of it, and that is the answer.
 */
export function planClocks(
  clocks: readonly CaseClock[],
  trigger: ClockTrigger,
  setting: ClockSetting,
): CaseClock[] {
  const { at } = trigger;
  const start = (metric: SlaMetric, cycle: number): CaseClock[] => {
    const chosen = setting.targets[metric];
    if (!chosen) return [];
    const clock = startClock(metric, chosen.target, setting.calendar, at, setting.warnShare);
    return [{ ...clock, cycle, rule: chosen.rule }];
  };
  const nextCycle = (metric: SlaMetric) =>
    Math.max(0, ...clocks.filter((c) => c.metric === metric).map((c) => c.cycle)) + 1;
  const has = (metric: SlaMetric) => clocks.some((c) => c.metric === metric);
  const runningResponse = clocks.filter(
    (c) => running(c) && (c.metric === 'first_response' || c.metric === 'next_response'),
  );
  const finish = (list: CaseClock[]) => list.map((c) => ({ ...c, ...completeClock(c, at) }));

  switch (trigger.type) {
    case 'opened':
      return [
        ...(has('first_response') ? [] : start('first_response', 1)),
        ...(has('resolution') ? [] : start('resolution', 1)),
      ];
    case 'agent_replied':
      return finish(runningResponse);
    case 'customer_wrote': {
      if (runningResponse.length > 0 || !has('first_response')) return [];
      return start('next_response', nextCycle('next_response'));
    }
    case 'status_changed': {
      const { from, to } = trigger;
      if (RESOLVED_STATUSES.includes(to)) return finish(clocks.filter(running));
      if (WAITING_ON_CUSTOMER.includes(to)) {
        const paused = clocks
          .filter((c) => c.state === 'active' && c.metric === 'resolution')
          .map((c) => ({ ...c, ...pauseClock(c, calendarFor(c.target, setting.calendar), at) }));
        return [...finish(runningResponse), ...paused];
      }
      if (WAITING_ON_CUSTOMER.includes(from)) {
        return clocks
          .filter((c) => c.state === 'paused')
          .map((c) => ({
            ...c,
            ...resumeClock(c, calendarFor(c.target, setting.calendar), at, setting.warnShare),
          }));
      }
      if (RESOLVED_STATUSES.includes(from)) {
        // Reopened: the matter is open again, with its own resolution and an answer due.
        return [
          ...start('resolution', nextCycle('resolution')),
          ...start('next_response', nextCycle('next_response')),
        ];
      }
      return trigger.by === 'service' ? finish(runningResponse) : [];
    }
  }
}

/**
 * The earliest due time among the clocks still owed: running ones and missed ones not yet
 * completed. This is what the inbox sorts by, so an overdue case stays on top, overdue since
 * its due time, until its answer is sent; and recording a breach never moves it.
 */
export function earliestDue(clocks: readonly CaseClock[]): Date | null {
  const owed = (c: CaseClock) => c.state === 'active' || (c.state === 'missed' && !c.completedAt);
  const due = clocks.filter((c) => owed(c) && c.dueAt).map((c) => (c.dueAt as Date).getTime());
  return due.length === 0 ? null : new Date(Math.min(...due));
}
