import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { defaultPolicy } from './default-policy.js';
import { PolicyDocument } from './policy.schema.js';

/** One problem in a policy document; `field` is a JSON pointer such as `/returnWindowDays`. */
export interface PolicyFieldError {
  field: string;
  message: string;
}

export type PolicyValidation =
  | { ok: true; value: PolicyDocument }
  | { ok: false; errors: PolicyFieldError[] };

// Settings objects a merchant may give in part: the rest comes from the defaults.
const MERGED_SECTIONS = ['shipping', 'exchange', 'autoApproval', 'returnless', 'firstScanRefund'] as const;

/**
 * Checks a policy document against the schema and the catalogue's own consistency.
 * Missing top-level fields take their default, and `shipping`, `exchange`, `autoApproval`
 * and `returnless` may be partial (one level deep), so `{ "returnWindowDays": 14 }` is a
 * whole policy.
 * The input is never modified.
 */
export function validatePolicy(doc: unknown): PolicyValidation {
  if (!isPlainObject(doc)) return { ok: false, errors: [{ field: '', message: 'must be an object' }] };
  const candidate = withDefaults(doc);
  const schemaErrors = firstErrorPerField(candidate);
  if (schemaErrors.length > 0) return { ok: false, errors: schemaErrors };
  const value = candidate as PolicyDocument;
  const errors = consistencyErrors(value);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

function withDefaults(doc: Record<string, unknown>): Record<string, unknown> {
  const defaults: Record<string, unknown> = defaultPolicy();
  const merged: Record<string, unknown> = { ...defaults, ...structuredClone(doc) };
  for (const section of MERGED_SECTIONS) {
    const given = merged[section];
    const fallback = defaults[section];
    if (isPlainObject(given) && isPlainObject(fallback)) merged[section] = { ...fallback, ...given };
  }
  return merged;
}

function firstErrorPerField(candidate: unknown): PolicyFieldError[] {
  const seen = new Map<string, string>();
  for (const error of Value.Errors(PolicyDocument, candidate)) {
    // TypeBox reports one error per failed keyword; the first is the useful one.
    if (!seen.has(error.path)) seen.set(error.path, describe(error.schema, error.message));
  }
  return [...seen].map(([field, message]) => ({ field, message }));
}

function describe(schema: TSchema, message: string): string {
  const literals = (schema.anyOf as TSchema[] | undefined)?.map((option) => option.const);
  if (literals?.every((literal) => typeof literal === 'string'))
    return `must be one of: ${literals.join(', ')}`;
  if (message === 'Expected required property') return 'is required';
  return message;
}

function consistencyErrors(policy: PolicyDocument): PolicyFieldError[] {
  const errors: PolicyFieldError[] = [];
  const codes = new Set<string>();
  policy.reasons.forEach((reason, index) => {
    if (codes.has(reason.code)) {
      errors.push({ field: `/reasons/${index}/code`, message: `duplicate reason code ${reason.code}` });
    }
    codes.add(reason.code);
  });
  policy.autoApproval.reasons.forEach((code, index) => {
    if (!codes.has(code)) {
      errors.push({ field: `/autoApproval/reasons/${index}`, message: `unknown reason code ${code}` });
    }
  });
  for (const code of Object.keys(policy.compensation)) {
    if (!codes.has(code))
      errors.push({ field: `/compensation/${code}`, message: `unknown reason code ${code}` });
  }
  // An enabled rule with no label cost would never keep anything: surely not what was meant.
  if (policy.returnless?.enabled && Object.keys(policy.returnless.labelCostMinor).length === 0) {
    errors.push({
      field: '/returnless/labelCostMinor',
      message: 'set the label cost for at least one currency, or disable the rule',
    });
  }
  return errors;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
