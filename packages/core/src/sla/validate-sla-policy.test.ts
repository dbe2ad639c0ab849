import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from './sla-policy.js';
import { validateSlaPolicy } from './validate-sla-policy.js';

const base = () => structuredClone(DEFAULT_SLA_POLICY) as any;
const withRule = (rule: unknown) => ({ ...base(), rules: [rule] });

describe('validateSlaPolicy', () => {
  it('accepts a policy without rules: no clock runs', () => {
    expect(validateSlaPolicy({ ...base(), rules: [] })).toEqual([]);
  });

  it('refuses what is not an object', () => {
    expect(validateSlaPolicy('fast')).toEqual(['policy: must be an object { warnShare, rules, escalation }']);
  });

  it('refuses a warning share outside (0, 1)', () => {
    for (const warnShare of [0, 1, 80, -0.2, '0.8', undefined]) {
      expect(validateSlaPolicy({ ...base(), warnShare })[0]).toMatch(
        /^warnShare: must be a number between 0 and 1/,
      );
    }
  });

  it('refuses unknown kinds, categories and priorities, naming the allowed ones', () => {
    const errors = validateSlaPolicy(
      withRule({
        name: 'x',
        when: { kinds: ['refund'], categories: ['quality', 7], priorities: ['critical'] },
        targets: { resolution: { businessDays: 3 } },
      }),
    );
    expect(errors).toEqual([
      'rules[0].when.kinds[0]: unknown kind "refund"; one of return, exchange, refund_only, repair, inquiry, complaint, logistics, dispute',
      'rules[0].when.categories[1]: unknown category 7; one of consultation, complaint, after_sales, logistics, quality, other',
      'rules[0].when.priorities[0]: unknown priority "critical"; one of low, normal, high, urgent',
    ]);
  });

  it('refuses targets that are neither minutes nor business days, or both', () => {
    const errors = validateSlaPolicy(
      withRule({
        name: 'x',
        when: {},
        targets: {
          first_response: { hours: 4 },
          resolution: { minutes: 60, clock: 'business', businessDays: 1 },
        },
      }),
    );
    expect(errors).toEqual([
      'rules[0].targets.first_response: must be { minutes, clock: "business" | "calendar" } or { businessDays }',
      'rules[0].targets.resolution: must be { minutes, clock: "business" | "calendar" } or { businessDays }',
    ]);
  });

  it('refuses zero, fractional or absurd figures and an unknown clock', () => {
    const errors = validateSlaPolicy(
      withRule({
        name: 'x',
        when: {},
        targets: {
          first_response: { minutes: 0, clock: 'business' },
          next_response: { minutes: 30.5, clock: 'wall' },
          resolution: { businessDays: 1000 },
        },
      }),
    );
    expect(errors).toEqual([
      'rules[0].targets.first_response.minutes: must be a whole number from 1 to 525600 (a year); got 0',
      'rules[0].targets.next_response.minutes: must be a whole number from 1 to 525600 (a year); got 30.5',
      'rules[0].targets.next_response.clock: must be "business" or "calendar"; got "wall"',
      'rules[0].targets.resolution.businessDays: must be a whole number from 1 to 365; got 1000',
    ]);
  });

  it('refuses misspelt fields instead of ignoring them', () => {
    const errors = validateSlaPolicy({
      ...withRule({
        name: 'x',
        when: { priority: ['urgent'] },
        targets: { first_reply: { businessDays: 1 } },
      }),
      warnshare: 0.5,
    });
    expect(errors).toEqual([
      'policy.warnshare: unknown field; expected warnShare, rules, escalation',
      'rules[0].when.priority: unknown field; expected kinds, categories, priorities',
      'rules[0].targets.first_reply: unknown field; expected first_response, next_response, resolution',
    ]);
  });

  it('refuses a rule without a name, when or targets, and two rules with one name', () => {
    const rule = { name: 'same', when: {}, targets: {} };
    expect(validateSlaPolicy({ ...base(), rules: [rule, rule, { name: ' ' }, 'rule'] })).toEqual([
      'rules[2].name: must be a non-empty text',
      'rules[2].when: must be an object (use {} to match every case)',
      'rules[2].targets: must be an object of metric to target',
      'rules[3]: must be an object { name, when, targets }',
      'rules[1].name: "same" is already the name of rules[0]',
    ]);
  });

  it('refuses unknown escalation actions and a missing escalation', () => {
    expect(
      validateSlaPolicy({ ...base(), escalation: { warning: ['email_ceo'], breach: 'notify_lead' } }),
    ).toEqual([
      'escalation.warning[0]: unknown action "email_ceo"; one of raise_priority, reassign_to_lead, notify_assignee, notify_lead, tell_customer',
      'escalation.breach: must be a list of action names',
    ]);
    expect(validateSlaPolicy({ ...base(), escalation: undefined })).toEqual([
      'escalation: must be an object { warning: [...], breach: [...] }',
    ]);
  });
});
