import { describe, expect, it } from 'vitest';
import { businessCalendar, defaultCalendarSpec } from './business-calendar.js';
import { businessMinutesBetween } from './business-time.js';
import { type CaseClock, type ClockSetting, earliestDue, planClocks } from './clock-plan.js';
import { completeClock, sweepClock } from './sla-clock.js';
import { DEFAULT_SLA_POLICY, selectTargets } from './sla-policy.js';

const berlin = businessCalendar(defaultCalendarSpec('DE', 'Europe/Berlin'));
const setting: ClockSetting = {
  targets: selectTargets(DEFAULT_SLA_POLICY, {
    kind: 'inquiry',
    category: 'consultation',
    priority: 'normal',
  }),
  calendar: berlin,
  warnShare: 0.8,
};
// Monday 2026-11-23, 10:00 in Berlin (UTC+1).
const at = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+01:00`);

// Applies a plan the way the database does: changed clocks replace theirs, new ones join.
function apply(clocks: CaseClock[], changes: CaseClock[]): CaseClock[] {
  const key = (c: CaseClock) => `${c.metric}/${c.cycle}`;
  const byKey = new Map(clocks.map((c) => [key(c), c]));
  for (const c of changes) byKey.set(key(c), c);
  return [...byKey.values()];
}

describe('planClocks', () => {
  it('starts first response and resolution when a conversation opens', () => {
    const clocks = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    expect(clocks.map((c) => [c.metric, c.cycle, c.state])).toEqual([
      ['first_response', 1, 'active'],
      ['resolution', 1, 'active'],
    ]);
    // a consultation is answered within 1 business hour.
    expect(clocks[0]?.dueAt).toEqual(at('11:00'));
  });

  it('records a hit when the agent answers in time, and starts no clock for the next answer until the customer writes', () => {
    let clocks = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    clocks = apply(clocks, planClocks(clocks, { type: 'agent_replied', at: at('10:30') }, setting));
    expect(clocks.find((c) => c.metric === 'first_response')).toMatchObject({ state: 'hit' });
    const next = planClocks(clocks, { type: 'customer_wrote', at: at('11:00') }, setting);
    expect(next).toMatchObject([{ metric: 'next_response', cycle: 1, state: 'active' }]);
    clocks = apply(clocks, next);
    expect(planClocks(clocks, { type: 'customer_wrote', at: at('11:05') }, setting)).toEqual([]);
  });

  it('keeps a miss recorded by the sweep when the answer finally comes', () => {
    let clocks = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    const first = clocks[0] as CaseClock;
    clocks = apply(clocks, [{ ...first, ...sweepClock(first, at('12:00')).clock }]);
    clocks = apply(clocks, planClocks(clocks, { type: 'agent_replied', at: at('12:30') }, setting));
    expect(clocks.find((c) => c.metric === 'first_response')).toMatchObject({
      state: 'missed',
      breachedAt: at('11:00'),
      completedAt: at('12:30'),
    });
  });

  it('pauses the resolution while waiting on the customer and resumes it with the time that was left', () => {
    let clocks = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    const due = clocks.find((c) => c.metric === 'resolution')?.dueAt as Date;
    clocks = apply(
      clocks,
      planClocks(
        clocks,
        { type: 'status_changed', from: 'open', to: 'pending_info', at: at('11:00') },
        setting,
      ),
    );
    const paused = clocks.find((c) => c.metric === 'resolution');
    expect(paused).toMatchObject({ state: 'paused', dueAt: null });
    // The customer answers two business days later: the business time left is kept.
    clocks = apply(
      clocks,
      planClocks(
        clocks,
        { type: 'status_changed', from: 'pending_info', to: 'open', at: at('11:00', '2026-11-25') },
        setting,
      ),
    );
    const resumed = clocks.find((c) => c.metric === 'resolution') as CaseClock;
    expect(resumed.state).toBe('active');
    expect(businessMinutesBetween(berlin, at('11:00', '2026-11-25'), resumed.dueAt as Date)).toBe(
      businessMinutesBetween(berlin, at('11:00'), due),
    );
  });

  it('ends every running clock when the case is solved, and starts a new cycle when it is reopened', () => {
    let clocks = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    clocks = apply(
      clocks,
      planClocks(clocks, { type: 'status_changed', from: 'open', to: 'solved', at: at('10:20') }, setting),
    );
    expect(clocks.every((c) => c.state === 'hit')).toBe(true);
    const reopened = planClocks(
      clocks,
      { type: 'status_changed', from: 'solved', to: 'open', at: at('14:00') },
      setting,
    );
    expect(reopened.map((c) => [c.metric, c.cycle])).toEqual([
      ['resolution', 2],
      ['next_response', 1],
    ]);
  });

  it('takes a move by the service as the answer (a return approved), but not the customer’s own move', () => {
    const opened = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    const move = { type: 'status_changed', from: 'under_review', to: 'approved', at: at('10:20') } as const;
    const byService = planClocks(opened, { ...move, by: 'service' }, setting);
    expect(byService).toMatchObject([{ metric: 'first_response', state: 'hit', completedAt: at('10:20') }]);
    expect(planClocks(opened, { ...move, by: 'customer' }, setting)).toEqual([]);
    // The resolution runs on until the matter is settled.
    expect(apply(opened, byService).find((c) => c.metric === 'resolution')?.state).toBe('active');
  });

  it('names the earliest due time among running clocks for the inbox', () => {
    const clocks = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    expect(earliestDue(clocks)).toEqual(at('11:00'));
    expect(earliestDue([])).toBeNull();
  });

  it('keeps a breached clock first in line until it is answered, and forgets paused ones', () => {
    const opened = planClocks([], { type: 'opened', at: at('10:00') }, setting);
    const breached = opened.map((c) =>
      c.metric === 'first_response' ? { ...c, ...sweepClock(c, at('12:00')).clock } : c,
    );
    expect(breached.find((c) => c.metric === 'first_response')?.state).toBe('missed');
    expect(earliestDue(breached)).toEqual(at('11:00'));
    const answered = breached.map((c) =>
      c.state === 'missed' ? { ...c, ...completeClock(c, at('12:30')) } : c,
    );
    const resolution = answered.find((c) => c.metric === 'resolution');
    expect(earliestDue(answered)).toEqual(resolution?.dueAt);
    const paused = opened.map((c) => ({ ...c, state: 'paused' as const, dueAt: null }));
    expect(earliestDue(paused)).toBeNull();
  });
});
