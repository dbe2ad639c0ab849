import { describe, expect, it } from 'vitest';
import {
  CASE_CATEGORIES,
  CASE_KINDS,
  type CaseCategory,
  type CaseKind,
  DEFAULT_CATEGORY,
} from '../cases/index.js';
import { DEFAULT_SLA_POLICY, escalationFor, type SlaPolicy, selectTargets } from './sla-policy.js';
import { validateSlaPolicy } from './validate-sla-policy.js';

const hours = (count: number) => ({ minutes: count * 60, clock: 'business' });
const days = (count: number) => ({ businessDays: count });

function targetsOf(kind: CaseKind, category: CaseCategory = DEFAULT_CATEGORY[kind]) {
  const selected = selectTargets(DEFAULT_SLA_POLICY, { kind, category, priority: 'normal' });
  return {
    first: selected.first_response?.target,
    next: selected.next_response?.target,
    resolution: selected.resolution?.target,
  };
}

describe('the default SLA policy', () => {
  it('validates', () => {
    expect(validateSlaPolicy(DEFAULT_SLA_POLICY)).toEqual([]);
  });

  it('cannot be changed by accident, since every tenant without a policy shares it', () => {
    expect(() => DEFAULT_SLA_POLICY.rules[0]?.when.kinds?.push('return')).toThrow(TypeError);
    expect(() => {
      (DEFAULT_SLA_POLICY as { warnShare: number }).warnShare = 0.5;
    }).toThrow(TypeError);
  });

  it('names the requirement behind every rule', () => {
    for (const rule of DEFAULT_SLA_POLICY.rules) expect(rule.name).toMatch(/^(R-9\.\d|Afterdesk default)/);
  });

  it('warns at 80 % and, on a breach, raises, reassigns, tells the lead and the customer (R-9.4)', () => {
    expect(DEFAULT_SLA_POLICY.warnShare).toBe(0.8);
    expect(DEFAULT_SLA_POLICY.escalation).toEqual({
      warning: ['notify_assignee'],
      breach: ['raise_priority', 'reassign_to_lead', 'notify_lead', 'tell_customer'],
    });
  });

  it.each([
    ['refund_only', 3],
    ['exchange', 5],
    ['repair', 7],
    ['return', 10],
  ] as const)(
    'gives a %s case a 4-hour first response and %i business days to complete',
    (kind, resolutionDays) => {
      expect(targetsOf(kind)).toEqual({ first: hours(4), next: hours(4), resolution: days(resolutionDays) });
    },
  );

  it('answers a consultation within 1 hour and resolves it in 3 business days', () => {
    expect(targetsOf('inquiry')).toEqual({ first: hours(1), next: hours(1), resolution: days(3) });
  });

  it('answers a complaint within 2 hours and resolves a service complaint in 1 business day', () => {
    expect(targetsOf('complaint')).toEqual({ first: hours(2), next: hours(2), resolution: days(1) });
  });

  it('answers a dispute within 24 hours and closes it within 3 days (R-9.3), though it is classified as a complaint', () => {
    expect(targetsOf('dispute', 'complaint')).toEqual({
      first: hours(24),
      next: hours(24),
      resolution: days(3),
    });
  });

  it('answers any other case within 24 hours and resolves it in 3 business days', () => {
    expect(targetsOf('logistics')).toEqual({ first: hours(24), next: hours(24), resolution: days(3) });
  });

  it('resolves a quality problem in 3 business days, whatever its kind, except a repair', () => {
    expect(targetsOf('return', 'quality').resolution).toEqual(days(3));
    expect(targetsOf('complaint', 'quality').resolution).toEqual(days(3));
    expect(targetsOf('repair', 'quality').resolution).toEqual(days(7));
  });

  it('answers a case classified as complaint or consultation by that class when its kind sets nothing', () => {
    expect(targetsOf('logistics', 'complaint').first).toEqual(hours(2));
    expect(targetsOf('logistics', 'consultation').first).toEqual(hours(1));
    expect(targetsOf('return', 'complaint').first).toEqual(hours(4));
  });

  it('sets all three metrics for every kind and category', () => {
    for (const kind of CASE_KINDS)
      for (const category of CASE_CATEGORIES)
        expect(Object.values(targetsOf(kind, category))).not.toContain(undefined);
  });

  it('says which rule a target came from', () => {
    const selected = selectTargets(DEFAULT_SLA_POLICY, {
      kind: 'repair',
      category: 'after_sales',
      priority: 'low',
    });
    expect(selected.first_response?.rule).toBe('R-9.1 after-sales case: respond within 4 h');
    expect(selected.resolution?.rule).toBe('R-9.2 repair: 7 business days');
  });
});

describe('selectTargets', () => {
  const policy: SlaPolicy = {
    warnShare: 0.5,
    rules: [
      {
        name: 'urgent returns',
        when: { kinds: ['return'], priorities: ['urgent'] },
        targets: { first_response: { minutes: 15, clock: 'calendar' } },
      },
      {
        name: 'returns',
        when: { kinds: ['return'] },
        targets: { first_response: hours(4), resolution: days(10) },
      },
      {
        name: 'empty lists match all',
        when: { kinds: [], categories: [] },
        targets: { next_response: hours(8) },
      },
    ] as SlaPolicy['rules'],
    escalation: { warning: [], breach: ['notify_lead'] },
  };

  it('takes, per metric, the first matching rule that sets it', () => {
    const selected = selectTargets(policy, { kind: 'return', category: 'after_sales', priority: 'urgent' });
    expect(selected).toEqual({
      first_response: { target: { minutes: 15, clock: 'calendar' }, rule: 'urgent returns' },
      resolution: { target: days(10), rule: 'returns' },
      next_response: { target: hours(8), rule: 'empty lists match all' },
    });
  });

  it('needs every given list to match', () => {
    const selected = selectTargets(policy, { kind: 'return', category: 'after_sales', priority: 'high' });
    expect(selected.first_response?.rule).toBe('returns');
  });

  it('leaves out a metric no matching rule sets', () => {
    expect(selectTargets(policy, { kind: 'inquiry', category: 'consultation', priority: 'high' })).toEqual({
      next_response: { target: hours(8), rule: 'empty lists match all' },
    });
  });
});

describe('escalationFor', () => {
  it('raises the priority one step on a default breach, stopping at urgent', () => {
    expect(escalationFor(DEFAULT_SLA_POLICY, 'breach', 'normal')).toEqual({
      actions: ['raise_priority', 'reassign_to_lead', 'notify_lead', 'tell_customer'],
      priority: 'high',
    });
    expect(escalationFor(DEFAULT_SLA_POLICY, 'breach', 'urgent').priority).toBe('urgent');
  });

  it('keeps the priority on a default warning', () => {
    expect(escalationFor(DEFAULT_SLA_POLICY, 'warning', 'low')).toEqual({
      actions: ['notify_assignee'],
      priority: 'low',
    });
  });
});
