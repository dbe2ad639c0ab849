import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMinutesBetween } from './business-time.js';
import { CALENDARS } from './sla.test-helpers.js';
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

const MINUTE = 60_000;
const calendarArb = fc.constantFrom(...Object.keys(CALENDARS)).map((name) => CALENDARS[name]!);
const instantArb = fc
  .integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 1, 1) })
  .map((t) => new Date(t));
const targetArb: fc.Arbitrary<SlaTarget> = fc.oneof(
  fc.record({ minutes: fc.integer({ min: 1, max: 3_000 }), clock: fc.constantFrom('business', 'calendar') }),
  fc.record({ businessDays: fc.integer({ min: 1, max: 10 }) }),
);
const shareArb = fc.double({ min: 0.05, max: 0.95, noNaN: true });
const clockArb = fc.tuple(calendarArb, targetArb, instantArb, shareArb).map(([cal, target, at, share]) => ({
  cal,
  share,
  clock: startClock('resolution', target, cal, at, share),
}));

type Op = { type: 'pause' | 'resume' | 'sweep' | 'complete'; afterMinutes: number };
const opsArb: fc.Arbitrary<Op[]> = fc.array(
  fc.record({
    type: fc.constantFrom('pause', 'resume', 'sweep', 'complete'),
    afterMinutes: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 5_000 })),
  }),
  { maxLength: 25 },
);

/** Runs the operations at increasing instants, returning every clock met and the crossings reported. */
function run(start: { cal: (typeof CALENDARS)[string]; share: number; clock: SlaClock }, ops: Op[]) {
  let { clock } = start;
  let now = clock.startedAt.getTime();
  const clocks = [clock];
  const crossings: string[] = [];
  for (const op of ops) {
    now += op.afterMinutes * MINUTE;
    const at = new Date(now);
    if (op.type === 'pause') clock = pauseClock(clock, start.cal, at);
    if (op.type === 'resume') clock = resumeClock(clock, start.cal, at, start.share);
    if (op.type === 'complete') clock = completeClock(clock, at);
    if (op.type === 'sweep') {
      const swept = sweepClock(clock, at);
      if (swept.crossed) crossings.push(swept.crossed);
      clock = swept.clock;
    }
    clocks.push(clock);
  }
  return { clocks, crossings, now: new Date(now) };
}

describe('an SLA clock under any sequence of pauses, resumes, sweeps and completions', () => {
  it('keeps every recorded moment once recorded, and never leaves hit or missed', () => {
    fc.assert(
      fc.property(clockArb, opsArb, (start, ops) => {
        const { clocks } = run(start, ops);
        for (let i = 1; i < clocks.length; i++) {
          const [before, after] = [clocks[i - 1]!, clocks[i]!];
          for (const moment of ['warnedAt', 'breachedAt', 'completedAt'] as const)
            if (before[moment]) expect(after[moment]).toEqual(before[moment]);
          if (before.state === 'missed') expect(after.state).toBe('missed');
          if (before.state === 'hit') expect(after.state).toBe('hit');
          expect(after.budgetMinutes).toBe(before.budgetMinutes);
        }
      }),
    );
  });

  it('keeps its fields consistent with its state', () => {
    fc.assert(
      fc.property(clockArb, opsArb, (start, ops) => {
        for (const clock of run(start, ops).clocks) {
          expect(clock.remainingMinutes !== null).toBe(clock.state === 'paused');
          expect(clock.pausedAt !== null).toBe(clock.state === 'paused');
          if (clock.state === 'missed') expect(clock.breachedAt).not.toBeNull();
          if (clock.state === 'hit') expect(clock.breachedAt).toBeNull();
          if (clock.state === 'active') expect(clock.dueAt).not.toBeNull();
        }
      }),
    );
  });

  it('reports the warning at most once and the breach at most once', () => {
    fc.assert(
      fc.property(clockArb, opsArb, (start, ops) => {
        const { crossings } = run(start, ops);
        expect(crossings.filter((c) => c === 'warning').length).toBeLessThanOrEqual(1);
        expect(crossings.filter((c) => c === 'breach').length).toBeLessThanOrEqual(1);
        expect(crossings.indexOf('warning')).toBeLessThanOrEqual(Math.max(0, crossings.indexOf('breach')));
      }),
    );
  });

  it('spends exactly its budget: open minutes while running plus minutes still due', () => {
    fc.assert(
      fc.property(clockArb, opsArb, (start, ops) => {
        const cal = calendarFor(start.clock.target, start.cal);
        let spent = 0;
        let runningSince = start.clock.startedAt;
        let clock = start.clock;
        let now = clock.startedAt.getTime();
        for (const op of ops.filter((o) => o.type === 'pause' || o.type === 'resume')) {
          now += op.afterMinutes * MINUTE;
          const next =
            op.type === 'pause'
              ? pauseClock(clock, start.cal, new Date(now))
              : resumeClock(clock, start.cal, new Date(now), start.share);
          if (next.state === 'paused' && clock.state === 'active')
            spent += businessMinutesBetween(cal, runningSince, new Date(now));
          if (next.state === 'active' && clock.state === 'paused') runningSince = new Date(now);
          clock = next;
        }
        const left =
          clock.state === 'paused'
            ? clock.remainingMinutes!
            : businessMinutesBetween(cal, runningSince, clock.dueAt!);
        expect(spent + left).toBeCloseTo(clock.budgetMinutes, 6);
      }),
    );
  });
});

describe('pause and resume', () => {
  it('at the same instant keep the due time, and the warning time to the millisecond', () => {
    fc.assert(
      fc.property(
        clockArb,
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        ({ cal, share, clock }, f) => {
          const dueAt = clock.dueAt!;
          const t = new Date(
            clock.startedAt.getTime() + Math.floor((dueAt.getTime() - clock.startedAt.getTime()) * f),
          );
          const resumed = resumeClock(pauseClock(clock, cal, t), cal, t, share);
          expect(resumed.state).toBe('active');
          expect(resumed.dueAt).toEqual(dueAt);
          if (t < clock.warnAt!)
            expect(Math.abs(resumed.warnAt!.getTime() - clock.warnAt!.getTime())).toBeLessThanOrEqual(1);
          else expect(resumed.warnAt).toEqual(t);
        },
      ),
    );
  });
});

describe('sweepClock', () => {
  it('is idempotent: a second sweep at the same instant reports nothing and changes nothing', () => {
    fc.assert(
      fc.property(clockArb, opsArb, instantArb, (start, ops, later) => {
        const { clocks } = run(start, ops);
        for (const clock of clocks) {
          const once = sweepClock(clock, later);
          expect(sweepClock(once.clock, later)).toEqual({ clock: once.clock, crossed: null });
        }
      }),
    );
  });

  it('records a breach at the due time, whenever it runs', () => {
    fc.assert(
      fc.property(clockArb, fc.integer({ min: 0, max: 100_000 }), ({ clock }, lateBy) => {
        const swept = sweepClock(clock, new Date(clock.dueAt!.getTime() + lateBy * MINUTE));
        expect(swept.crossed).toBe('breach');
        expect(swept.clock.breachedAt).toEqual(clock.dueAt);
      }),
    );
  });
});

describe('completeClock', () => {
  it('never turns a missed clock into a hit, and a second completion changes nothing', () => {
    fc.assert(
      fc.property(clockArb, opsArb, instantArb, instantArb, (start, ops, first, second) => {
        for (const clock of run(start, ops).clocks) {
          const done = completeClock(clock, first);
          if (clock.state === 'missed') expect(done.state).toBe('missed');
          expect(['hit', 'missed']).toContain(done.state);
          expect(completeClock(done, second)).toBe(done);
        }
      }),
    );
  });

  it('is a hit exactly when a running clock completes by its due time', () => {
    fc.assert(
      fc.property(clockArb, fc.integer({ min: -5_000, max: 5_000 }), ({ clock }, offset) => {
        const at = new Date(clock.dueAt!.getTime() + offset * MINUTE);
        expect(completeClock(clock, at).state).toBe(offset <= 0 ? 'hit' : 'missed');
      }),
    );
  });
});

describe('remainingAt', () => {
  it('counts down to 0 at the due time and below it after', () => {
    fc.assert(
      fc.property(clockArb, fc.integer({ min: 0, max: 5_000 }), ({ cal, clock }, offset) => {
        expect(remainingAt(clock, cal, clock.dueAt!)).toBe(0);
        expect(remainingAt(clock, cal, clock.startedAt)).toBeCloseTo(clock.budgetMinutes, 6);
        expect(
          remainingAt(clock, cal, new Date(clock.dueAt!.getTime() + offset * MINUTE)),
        ).toBeLessThanOrEqual(0);
      }),
    );
  });
});
