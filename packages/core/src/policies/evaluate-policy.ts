import { DateTime } from 'luxon';
import { checkAutoApproval } from './auto-approval.js';
import type { Decision, PolicyInput } from './decision.js';
import {
  buildContext,
  type Check,
  check,
  type EvaluationContext,
  reasonLabel,
} from './evaluation-context.js';
import { checkItems, type EvaluatedItem } from './item-rules.js';
import { localDay, returnDeadline, shipBackDeadline } from './return-window.js';
import { settle } from './settlement.js';

const CANCELLED = new Set(['cancelled', 'canceled']);

/**
 * Decides a return, exchange, refund-only or repair request against a tenant's policy
 * . Pure: the same input always gives the same decision.
 *
 * Outcome: any failed hard rule → `reject`; otherwise any failed rule → `review`;
 * otherwise `approve` (which needs automatic approval to apply). Money is computed even
 * when the outcome is not `approve`, so an agent who overrides sees the same figures;
 * that includes "keep it" (`returnless`), which never changes the outcome itself.
 *
 * @throws RangeError on malformed data the caller should have validated: an unparseable
 *   instant, an unknown time zone, negative or fractional amounts on the order.
 */
export function evaluatePolicy(input: PolicyInput): Decision {
  const ctx = buildContext(input);
  const checks = checkOrder(ctx);
  const { checks: itemChecks, items } = checkItems(ctx);
  checks.push(...itemChecks);
  // Every rule that can reject has run: "keep it" is only offered on a request that stands.
  const rejected = checks.some((entry) => !entry.passed && entry.effect === 'reject');
  const settlement = settle(ctx, items, { mayKeep: !rejected });
  checks.push(...settlement.checks, ...checkAutoApproval(ctx, items));

  const failed = checks.filter((entry) => !entry.passed && entry.effect !== 'note');
  const rejecting = failed.filter((entry) => entry.effect === 'reject');
  const outcome = rejecting.length > 0 ? 'reject' : failed.length > 0 ? 'review' : 'approve';
  const shown = outcome === 'reject' ? rejecting : failed;

  return {
    outcome,
    reasons: shown.map((entry) => ({ code: entry.rule, message: entry.message })),
    items: settlement.items,
    refundableTotalMinor: settlement.refundableTotalMinor,
    currency: input.order.currency,
    fees: settlement.fees,
    returnless: settlement.returnless,
    compensation: outcome === 'reject' ? [] : compensationNotes(ctx, items),
    deadlines: {
      requestBy: requestDeadline(ctx, items),
      shipBackBy:
        outcome === 'approve' && input.kind !== 'refund_only' && !settlement.returnless
          ? shipBackDeadline(input.now, input.policy.shipBackDays, input.store.timeZone)
          : null,
    },
    trace: checks.map(({ effect: _effect, ...entry }) => entry),
    policyVersion: input.policyVersion,
  };
}

function checkOrder(ctx: EvaluationContext): Check[] {
  const { input, t } = ctx;
  const { order } = input;
  const cancelled = CANCELLED.has(order.status.toLowerCase());
  return [
    cancelled
      ? check('order_not_cancelled', false, t.order_not_cancelled.fail({ orderId: order.id }), 'reject')
      : check('order_not_cancelled', true, t.order_not_cancelled.ok(), 'reject'),
    order.deliveredAt === null
      ? check('order_delivered', false, t.order_delivered.fail(), 'review')
      : check(
          'order_delivered',
          true,
          t.order_delivered.ok({ day: localDay(order.deliveredAt, input.store.timeZone) }),
          'review',
        ),
    input.customer.blocked
      ? check('customer_not_blocked', false, t.customer_not_blocked.fail(), 'review')
      : check('customer_not_blocked', true, t.customer_not_blocked.ok(), 'review'),
    input.items.length === 0
      ? check('items_present', false, t.items_present.fail(), 'reject')
      : check('items_present', true, t.items_present.ok({ count: input.items.length }), 'reject'),
  ];
}

function compensationNotes(ctx: EvaluationContext, items: EvaluatedItem[]): Decision['compensation'] {
  const codes = [
    ...new Set(items.filter((item) => item.reason !== undefined).map((item) => item.request.reasonCode)),
  ];
  return codes.flatMap((reasonCode) => {
    const rule = ctx.input.policy.compensation[reasonCode];
    if (rule === undefined) return [];
    return [{ reasonCode, rule, message: ctx.t.compensation[rule]({ label: reasonLabel(ctx, reasonCode) }) }];
  });
}

// The earliest deadline among the requested lines, so the customer is never told too late a date.
function requestDeadline(ctx: EvaluationContext, items: EvaluatedItem[]): string | null {
  const { input } = ctx;
  if (input.order.deliveredAt === null) return null;
  const deadlines = items.flatMap((item) => (item.deadline === null ? [] : [item.deadline]));
  if (deadlines.length === 0) {
    return returnDeadline(input.order.deliveredAt, input.policy.returnWindowDays, input.store.timeZone);
  }
  return deadlines.reduce((earliest, next) =>
    DateTime.fromISO(next).toMillis() < DateTime.fromISO(earliest).toMillis() ? next : earliest,
  );
}
