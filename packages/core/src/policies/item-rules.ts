import type { PolicyOrderLine, RequestedItem } from './decision.js';
import { type Check, check, type EvaluationContext, labelIn } from './evaluation-context.js';
import type { ReasonDefinition } from './policy.schema.js';
import { daysSinceDelivery, returnDeadline } from './return-window.js';

/** A requested item after its rules ran, with what settlement needs to value it. */
export interface EvaluatedItem {
  request: RequestedItem;
  line: PolicyOrderLine | undefined;
  lineIndex: number;
  reason: ReasonDefinition | undefined;
  /** An unknown reason is treated as the customer's: the cautious side for fees. */
  fault: ReasonDefinition['fault'];
  /** Units of the line taken before this item; null when the quantity is not valid. */
  fromUnit: number | null;
  /** The item's return deadline; null before delivery or for an unknown line. */
  deadline: string | null;
  /** Exchanges: (replacement − original) list price × quantity; 0 otherwise. */
  priceDifferenceMinor: number;
}

/**
 * Runs the per-item rules in order. Rules that depend on a failed one (the reason's rules
 * when the reason is unknown, everything when the line is unknown) are not evaluated.
 */
export function checkItems(ctx: EvaluationContext): { checks: Check[]; items: EvaluatedItem[] } {
  const checks: Check[] = [];
  const taken = new Map<string, number>();
  const items = ctx.input.items.map((request) => {
    const result = checkItem(ctx, request, taken);
    checks.push(...result.checks);
    return result.item;
  });
  return { checks, items };
}

function checkItem(
  ctx: EvaluationContext,
  request: RequestedItem,
  taken: Map<string, number>,
): { checks: Check[]; item: EvaluatedItem } {
  const { input, t } = ctx;
  const { policy } = input;
  const id = request.lineId;
  const found = ctx.lines.get(id);
  const reason = ctx.reasons.get(request.reasonCode);
  const item: EvaluatedItem = {
    request,
    line: found?.line,
    lineIndex: found?.index ?? -1,
    reason,
    fault: reason?.fault ?? 'customer',
    fromUnit: null,
    deadline: null,
    priceDifferenceMinor: 0,
  };
  if (!found) {
    return {
      checks: [
        check('line_known', false, t.line_known.fail({ lineId: id, orderId: input.order.id }), 'reject', id),
      ],
      item,
    };
  }
  const { line } = found;
  const checks = [check('line_known', true, t.line_known.ok({ sku: line.sku }), 'reject', id)];

  // Units in other cases come first, then earlier items of this request on the same line.
  const before = taken.get(id) ?? input.alreadyClaimed[id] ?? 0;
  const available = Math.max(0, line.quantity - before);
  const quantityValid =
    Number.isInteger(request.quantity) && request.quantity >= 1 && request.quantity <= available;
  const quantityParams = { sku: line.sku, requested: request.quantity, available };
  checks.push(
    quantityValid
      ? check('quantity_available', true, t.quantity_available.ok(quantityParams), 'reject', id)
      : check('quantity_available', false, t.quantity_available.fail(quantityParams), 'reject', id),
  );
  if (quantityValid) {
    item.fromUnit = before;
    taken.set(id, before + request.quantity);
  }

  const returnable = line.category === null || !policy.nonReturnableCategories.includes(line.category);
  checks.push(
    returnable
      ? check(
          'category_returnable',
          true,
          t.category_returnable.ok({ category: line.category }),
          'reject',
          id,
        )
      : check(
          'category_returnable',
          false,
          t.category_returnable.fail({ category: line.category ?? '' }),
          'reject',
          id,
        ),
  );

  if (reason) {
    checks.push(
      check('reason_known', true, t.reason_known.ok({ label: labelIn(reason, ctx.language) }), 'review', id),
    );
    const kindParams = { label: labelIn(reason, ctx.language), kind: t.kind[input.kind] };
    const allowed = reason.kinds.includes(input.kind);
    checks.push(
      check(
        'reason_allowed_for_kind',
        allowed,
        allowed ? t.reason_allowed_for_kind.ok(kindParams) : t.reason_allowed_for_kind.fail(kindParams),
        'review',
        id,
      ),
    );
  } else {
    checks.push(
      check('reason_known', false, t.reason_known.fail({ code: request.reasonCode }), 'review', id),
    );
  }

  if (input.order.deliveredAt !== null) {
    const window =
      (line.category === null ? undefined : policy.categoryWindows[line.category]) ?? policy.returnWindowDays;
    const days = daysSinceDelivery(input.order.deliveredAt, input.now, input.store.timeZone);
    item.deadline = returnDeadline(input.order.deliveredAt, window, input.store.timeZone);
    const inside = days <= window;
    // Late is final for the customer's own reasons; a defect found late deserves a person.
    const effect = item.fault === 'merchant' ? 'review' : 'reject';
    checks.push(
      check(
        'within_window',
        inside,
        inside ? t.within_window.ok({ days, window }) : t.within_window.fail({ days, window }),
        effect,
        id,
      ),
    );
  }

  if (reason) {
    const missing = reason.requiredConditions.filter((condition) => !request.conditions.includes(condition));
    const names = (list: typeof missing) => list.map((condition) => t.condition[condition]);
    checks.push(
      missing.length === 0
        ? check(
            'conditions_met',
            true,
            t.conditions_met.ok({ confirmed: names(reason.requiredConditions) }),
            'review',
            id,
          )
        : check('conditions_met', false, t.conditions_met.fail({ missing: names(missing) }), 'review', id),
    );
    const evidenceOk = !reason.evidenceRequired || request.evidenceCount > 0;
    checks.push(
      evidenceOk
        ? check(
            'evidence_provided',
            true,
            t.evidence_provided.ok({ count: request.evidenceCount, required: reason.evidenceRequired }),
            'review',
            id,
          )
        : check(
            'evidence_provided',
            false,
            t.evidence_provided.fail({ label: labelIn(reason, ctx.language) }),
            'review',
            id,
          ),
    );
  }

  if (input.kind === 'exchange' && quantityValid) checks.push(checkExchangePrice(ctx, item, line));
  return { checks, item };
}

// compared on list prices, so a discount the customer got stays theirs.
function checkExchangePrice(ctx: EvaluationContext, item: EvaluatedItem, line: PolicyOrderLine): Check {
  const { t } = ctx;
  const replacementPrice = item.request.replacement?.unitPriceMinor ?? line.unitPriceMinor;
  if (!Number.isSafeInteger(replacementPrice) || replacementPrice < 0) {
    throw new RangeError(
      `replacement unitPriceMinor must be a non-negative integer, got ${replacementPrice}`,
    );
  }
  const difference = (replacementPrice - line.unitPriceMinor) * item.request.quantity;
  item.priceDifferenceMinor = difference;
  const id = line.id;
  if (difference === 0) return check('exchange_price', true, t.exchange_price.same(), 'reject', id);
  const amount = ctx.money(Math.abs(difference));
  if (difference < 0) return check('exchange_price', true, t.exchange_price.lower({ amount }), 'reject', id);
  return ctx.input.policy.exchange.allowHigherPrice
    ? check('exchange_price', true, t.exchange_price.higherPaid({ amount }), 'reject', id)
    : check('exchange_price', false, t.exchange_price.higherRefused({ amount }), 'reject', id);
}
