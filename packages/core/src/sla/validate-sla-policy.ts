import { CASE_CATEGORIES, CASE_KINDS, PRIORITIES } from '../cases/index.js';
import { ESCALATION_ACTIONS, SLA_METRICS } from './sla-policy.js';

// Longer targets are mistakes (minutes meant as seconds, days as hours), and they would
// run past the calendar's search horizon.
const MAX_MINUTES = 365 * 24 * 60;
const MAX_BUSINESS_DAYS = 365;

/**
 * Every problem with an SLA policy document, each led by a JSON-path-like location
 * (`rules[2].targets.resolution.businessDays: …`); [] when it can be used as an `SlaPolicy`.
 */
export function validateSlaPolicy(doc: unknown): string[] {
  if (!isRecord(doc)) return ['policy: must be an object { warnShare, rules, escalation }'];
  const errors = unknownKeys('policy', doc, ['warnShare', 'rules', 'escalation']);
  const { warnShare, rules, escalation } = doc;
  if (typeof warnShare !== 'number' || !(warnShare > 0 && warnShare < 1))
    errors.push(
      `warnShare: must be a number between 0 and 1 (exclusive), such as 0.8; got ${show(warnShare)}`,
    );
  if (!Array.isArray(rules)) errors.push('rules: must be a list of rules');
  else for (const [index, rule] of rules.entries()) errors.push(...ruleErrors(`rules[${index}]`, rule));
  if (Array.isArray(rules)) errors.push(...duplicateNames(rules));
  if (!isRecord(escalation)) errors.push('escalation: must be an object { warning: [...], breach: [...] }');
  else {
    errors.push(...unknownKeys('escalation', escalation, ['warning', 'breach']));
    for (const moment of ['warning', 'breach'] as const)
      errors.push(...listErrors(`escalation.${moment}`, escalation[moment], ESCALATION_ACTIONS, 'action'));
  }
  return errors;
}

function ruleErrors(path: string, rule: unknown): string[] {
  if (!isRecord(rule)) return [`${path}: must be an object { name, when, targets }`];
  const errors = unknownKeys(path, rule, ['name', 'when', 'targets']);
  if (typeof rule.name !== 'string' || rule.name.trim() === '')
    errors.push(`${path}.name: must be a non-empty text`);
  const { when, targets } = rule;
  if (!isRecord(when)) errors.push(`${path}.when: must be an object (use {} to match every case)`);
  else {
    errors.push(...unknownKeys(`${path}.when`, when, ['kinds', 'categories', 'priorities']));
    const lists = [
      ['kinds', CASE_KINDS, 'kind'],
      ['categories', CASE_CATEGORIES, 'category'],
      ['priorities', PRIORITIES, 'priority'],
    ] as const;
    for (const [key, allowed, noun] of lists)
      if (when[key] !== undefined)
        errors.push(...listErrors(`${path}.when.${key}`, when[key], allowed, noun));
  }
  if (!isRecord(targets)) errors.push(`${path}.targets: must be an object of metric to target`);
  else {
    errors.push(...unknownKeys(`${path}.targets`, targets, SLA_METRICS));
    for (const metric of SLA_METRICS)
      if (targets[metric] !== undefined)
        errors.push(...targetErrors(`${path}.targets.${metric}`, targets[metric]));
  }
  return errors;
}

function targetErrors(path: string, target: unknown): string[] {
  const oneForm =
    isRecord(target) && Object.hasOwn(target, 'minutes') !== Object.hasOwn(target, 'businessDays');
  if (!isRecord(target) || !oneForm)
    return [`${path}: must be { minutes, clock: "business" | "calendar" } or { businessDays }`];
  if ('businessDays' in target) {
    const errors = unknownKeys(path, target, ['businessDays']);
    if (!isWholeIn(target.businessDays, 1, MAX_BUSINESS_DAYS))
      errors.push(
        `${path}.businessDays: must be a whole number from 1 to ${MAX_BUSINESS_DAYS}; got ${show(target.businessDays)}`,
      );
    return errors;
  }
  const errors = unknownKeys(path, target, ['minutes', 'clock']);
  if (!isWholeIn(target.minutes, 1, MAX_MINUTES))
    errors.push(
      `${path}.minutes: must be a whole number from 1 to ${MAX_MINUTES} (a year); got ${show(target.minutes)}`,
    );
  if (target.clock !== 'business' && target.clock !== 'calendar')
    errors.push(`${path}.clock: must be "business" or "calendar"; got ${show(target.clock)}`);
  return errors;
}

function listErrors(path: string, list: unknown, allowed: readonly string[], noun: string): string[] {
  if (!Array.isArray(list)) return [`${path}: must be a list of ${noun} names`];
  const errors: string[] = [];
  for (const [index, value] of list.entries())
    if (typeof value !== 'string' || !allowed.includes(value))
      errors.push(`${path}[${index}]: unknown ${noun} ${show(value)}; one of ${allowed.join(', ')}`);
  return errors;
}

// Agents see the rule's name as the reason for a due time, so two rules must not share one.
function duplicateNames(rules: unknown[]): string[] {
  const seen = new Map<string, number>();
  const errors: string[] = [];
  for (const [index, rule] of rules.entries()) {
    if (!isRecord(rule) || typeof rule.name !== 'string') continue;
    const first = seen.get(rule.name);
    if (first === undefined) seen.set(rule.name, index);
    else errors.push(`rules[${index}].name: ${show(rule.name)} is already the name of rules[${first}]`);
  }
  return errors;
}

// An unknown key is usually a misspelt one ("priority" for "priorities") that would be ignored silently.
function unknownKeys(path: string, object: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => `${path}.${key}: unknown field; expected ${known.join(', ')}`);
}

function isWholeIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
