import { type Check, check, type EvaluationContext, reasonLabel } from './evaluation-context.js';
import type { EvaluatedItem } from './item-rules.js';

/**
 * The rules only automatic approval needs. A failure sends the request to an agent;
 * delivery, window, declared conditions and the customer's account are general rules.
 */
export function checkAutoApproval(ctx: EvaluationContext, items: EvaluatedItem[]): Check[] {
  const { input, t } = ctx;
  const auto = input.policy.autoApproval;
  if (!auto.enabled) return [check('auto_approval_enabled', false, t.auto_approval_enabled.fail(), 'review')];
  const checks = [check('auto_approval_enabled', true, t.auto_approval_enabled.ok(), 'review')];

  const kind = t.kind[input.kind];
  checks.push(
    auto.kinds.includes(input.kind)
      ? check('auto_approval_kind', true, t.auto_approval_kind.ok({ kind }), 'review')
      : check('auto_approval_kind', false, t.auto_approval_kind.fail({ kind }), 'review'),
  );

  const manualReasons = unique(
    items.map((item) => item.request.reasonCode).filter((code) => !auto.reasons.includes(code)),
  );
  checks.push(
    manualReasons.length === 0
      ? check('auto_approval_reason', true, t.auto_approval_reason.ok(), 'review')
      : check(
          'auto_approval_reason',
          false,
          t.auto_approval_reason.fail({ labels: manualReasons.map((code) => reasonLabel(ctx, code)) }),
          'review',
        ),
  );

  const missing = unique(
    items.flatMap((item) =>
      auto.requiredConditions.filter((condition) => !item.request.conditions.includes(condition)),
    ),
  );
  checks.push(
    missing.length === 0
      ? check('auto_approval_conditions', true, t.auto_approval_conditions.ok(), 'review')
      : check(
          'auto_approval_conditions',
          false,
          t.auto_approval_conditions.fail({ missing: missing.map((condition) => t.condition[condition]) }),
          'review',
        ),
  );

  // Evidence is looked at by a person, so a reason that needs it is never automatic.
  const needsEvidence = items.some((item) => item.reason?.evidenceRequired === true);
  checks.push(
    needsEvidence
      ? check('auto_approval_evidence', false, t.auto_approval_evidence.fail(), 'review')
      : check('auto_approval_evidence', true, t.auto_approval_evidence.ok(), 'review'),
  );

  const { currency, totalMinor } = input.order;
  const limit = auto.maxOrderValueMinor[currency];
  if (limit === undefined) {
    checks.push(check('order_value_limit', false, t.order_value_limit.noLimit({ currency }), 'review'));
  } else {
    const params = { amount: ctx.money(totalMinor), limit: ctx.money(limit) };
    checks.push(
      totalMinor < limit
        ? check('order_value_limit', true, t.order_value_limit.ok(params), 'review')
        : check('order_value_limit', false, t.order_value_limit.fail(params), 'review'),
    );
  }
  return checks;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
