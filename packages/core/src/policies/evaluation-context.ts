import { formatMinor } from '../money/index.js';
import type { PolicyInput, PolicyOrderLine, RuleId, TraceEntry } from './decision.js';
import { type Language, type Messages, messagesFor, resolveLanguage } from './messages.js';
import type { ReasonDefinition } from './policy.schema.js';

/**
 * A trace entry plus what its failure does to the outcome: `note` for a rule that shapes
 * the decision (e.g. "keep it") without ever deciding its outcome.
 */
export interface Check extends TraceEntry {
  effect: 'reject' | 'review' | 'note';
}

/** The lookups every rule needs, built once per evaluation. */
export interface EvaluationContext {
  input: PolicyInput;
  language: Language;
  t: Messages;
  reasons: ReadonlyMap<string, ReasonDefinition>;
  lines: ReadonlyMap<string, { line: PolicyOrderLine; index: number }>;
  /** Formats an amount of the order currency for the customer's language. */
  money: (amountMinor: number) => string;
}

export function buildContext(input: PolicyInput): EvaluationContext {
  const language = resolveLanguage(input.language);
  return {
    input,
    language,
    t: messagesFor(language),
    reasons: new Map(input.policy.reasons.map((reason) => [reason.code, reason])),
    lines: new Map(input.order.lines.map((line, index) => [line.id, { line, index }])),
    money: (amountMinor) => formatMinor(amountMinor, input.order.currency, language),
  };
}

export function check(
  rule: RuleId,
  passed: boolean,
  message: string,
  effect: Check['effect'],
  lineId?: string,
): Check {
  return lineId === undefined ? { rule, passed, message, effect } : { rule, passed, message, effect, lineId };
}

/** The reason's label in the customer's language, or its code when it is not in the catalogue. */
export function reasonLabel(ctx: EvaluationContext, code: string): string {
  const reason = ctx.reasons.get(code);
  return reason ? labelIn(reason, ctx.language) : code;
}

/**
 * The label of a catalogue reason for a language. The policy document labels reasons in
 * English and Simplified Chinese only, so the other languages quote the English label: the
 * shop's own words beat a code the customer never saw.
 */
export function labelIn(reason: ReasonDefinition, language: Language): string {
  return language === 'zh-CN' ? reason.labels['zh-CN'] : reason.labels.en;
}
