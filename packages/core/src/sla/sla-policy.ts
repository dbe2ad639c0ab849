import {
  type CaseCategory,
  type CaseKind,
  type Priority,
  RETURN_KINDS,
  raisePriority,
} from '../cases/index.js';

/** The clocks a case runs (R-9.4: response, processing and follow-up times). */
export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/**
 * How long a metric may take: minutes of open business time ('business') or of elapsed
 * time ('calendar'), or "within N business days" (see `addBusinessDays`).
 */
export type SlaTarget = { minutes: number; clock: 'business' | 'calendar' } | { businessDays: number };

/** A rule applies to a case when every list it gives contains the case's value; no lists: every case. */
export interface SlaRule {
  /** Shown to agents beside the due time, so it names where the figure comes from. */
  name: string;
  when: { kinds?: CaseKind[]; categories?: CaseCategory[]; priorities?: Priority[] };
  targets: Partial<Record<SlaMetric, SlaTarget>>;
}

/** What happens when a clock nears (warning) or passes (breach) its due time. */
export const ESCALATION_ACTIONS = [
  'raise_priority',
  'reassign_to_lead',
  'notify_assignee',
  'notify_lead',
  'tell_customer',
] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** A tenant's service levels. */
export interface SlaPolicy {
  /** Share of the budget after which a running clock warns, 0 < x < 1 (0.8: at 80 %). */
  warnShare: number;
  /** Tried in order; for each metric the first matching rule that sets it wins. */
  rules: SlaRule[];
  escalation: { warning: EscalationAction[]; breach: EscalationAction[] };
}

const hours = (count: number): SlaTarget => ({ minutes: count * 60, clock: 'business' });
const days = (count: number): SlaTarget => ({ businessDays: count });
const response = (count: number) => ({ first_response: hours(count), next_response: hours(count) });

/**
 * The service levels of R-9. Response targets count business hours; "next response"
 * repeats the first-response figure, since asks the same speed of each follow-up.
 * Rules with a kind come before rules with only a category, and disputes come first
 * because a dispute is classified as a complaint.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = deepFreeze({
  warnShare: 0.8,
  rules: [
    // Response
    { name: 'R-9.3 dispute: respond within 24 h', when: { kinds: ['dispute'] }, targets: response(24) },
    { name: 'R-9.1 complaint: respond within 2 h', when: { kinds: ['complaint'] }, targets: response(2) },
    {
      name: 'R-9.1 after-sales case: respond within 4 h',
      when: { kinds: [...RETURN_KINDS] },
      targets: response(4),
    },
    { name: 'R-9.1 consultation: respond within 1 h', when: { kinds: ['inquiry'] }, targets: response(1) },
    {
      name: 'R-9.1 classified as complaint: respond within 2 h',
      when: { categories: ['complaint'] },
      targets: response(2),
    },
    {
      name: 'R-9.1 classified as consultation: respond within 1 h',
      when: { categories: ['consultation'] },
      targets: response(1),
    },
    { name: 'R-9.1 any inquiry or complaint: respond within 24 h', when: {}, targets: response(24) },
    // Resolution
    {
      name: 'R-9.3 dispute: close within 3 days',
      when: { kinds: ['dispute'] },
      targets: { resolution: days(3) },
    },
    // Before the quality rule: a warranty repair needs the workshop's time even for a fault.
    { name: 'R-9.2 repair: 7 business days', when: { kinds: ['repair'] }, targets: { resolution: days(7) } },
    {
      name: 'R-9.2 quality-problem case: 3 business days',
      when: { categories: ['quality'] },
      targets: { resolution: days(3) },
    },
    {
      name: 'R-9.2 refund: 3 business days',
      when: { kinds: ['refund_only'] },
      targets: { resolution: days(3) },
    },
    {
      name: 'R-9.2 exchange: 5 business days',
      when: { kinds: ['exchange'] },
      targets: { resolution: days(5) },
    },
    {
      name: 'R-9.2 return: 10 business days',
      when: { kinds: ['return'] },
      targets: { resolution: days(10) },
    },
    {
      name: 'R-9.2 service complaint: 1 business day',
      when: { kinds: ['complaint'] },
      targets: { resolution: days(1) },
    },
    // R-9 sets no completion time for inquiries and logistics questions; 3 days is R-9.2's
    // figure for a review and keeps every case under some target.
    {
      name: 'Afterdesk default: any other case, 3 business days',
      when: {},
      targets: { resolution: days(3) },
    },
  ],
  escalation: {
    warning: ['notify_assignee'],
    // apologise and explain (tell_customer, with the expected time), escalate.
    breach: ['raise_priority', 'reassign_to_lead', 'notify_lead', 'tell_customer'],
  },
});

/** The facts of a case that rules match on. */
export interface SlaSubject {
  kind: CaseKind;
  category: CaseCategory;
  priority: Priority;
}

/** Whether a rule applies to a case (an empty or missing list matches anything). */
export function ruleMatches(rule: SlaRule, c: SlaSubject): boolean {
  const allows = <T>(list: readonly T[] | undefined, value: T) =>
    !list || list.length === 0 || list.includes(value);
  return (
    allows(rule.when.kinds, c.kind) &&
    allows(rule.when.categories, c.category) &&
    allows(rule.when.priorities, c.priority)
  );
}

/**
 * The target of each metric for a case, with the name of the rule it came from: per
 * metric, the first rule in order that matches the case and sets that metric. A metric no
 * rule sets is absent (no clock runs for it).
 */
export function selectTargets(
  policy: SlaPolicy,
  c: SlaSubject,
): Partial<Record<SlaMetric, { target: SlaTarget; rule: string }>> {
  const selected: Partial<Record<SlaMetric, { target: SlaTarget; rule: string }>> = {};
  for (const rule of policy.rules) {
    if (!ruleMatches(rule, c)) continue;
    for (const metric of SLA_METRICS) {
      const target = rule.targets[metric];
      if (target && !selected[metric]) selected[metric] = { target, rule: rule.name };
    }
  }
  return selected;
}

/**
 * What to do when a clock crosses its warning or breach point: the policy's actions and
 * the case's priority afterwards (one step up when the actions raise it).
 */
export function escalationFor(
  policy: SlaPolicy,
  crossed: 'warning' | 'breach',
  priority: Priority,
): { actions: EscalationAction[]; priority: Priority } {
  const actions = [...policy.escalation[crossed]];
  return { actions, priority: actions.includes('raise_priority') ? raisePriority(priority) : priority };
}

// Shared by every tenant without a policy of its own: a change through one reference must
// fail loudly rather than alter everyone's service levels. Copy it (structuredClone) to edit.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
