import type { DecisionItem } from './decision.js';
import { type Check, check, type EvaluationContext } from './evaluation-context.js';

// A share is read to a hundredth of a percent and compared in integers, so a label that
// costs exactly half of the goods is "half", never a float's rounding either way.
const BASIS_POINTS = 10_000;

/**
 * "Keep it" (returnless refund): whether sending the goods back would cost the merchant
 * more than the policy's share of what they are worth — the goods' refundable value, net
 * of discounts, without shipping. Null when the rule does not apply: it is off, or the
 * request is not a return (refund only sends nothing back; an exchange or a repair needs
 * the goods). The check is a `note`: it never changes the outcome.
 */
export function checkReturnless(ctx: EvaluationContext, items: DecisionItem[]): Check | null {
  const { input, t } = ctx;
  const rule = input.policy.returnless;
  if (rule?.enabled !== true || input.kind !== 'return') return null;
  const { currency } = input.order;
  const labelMinor = rule.labelCostMinor[currency];
  // Without a price for the currency the cost is unknown: the normal return is the safe side.
  if (labelMinor === undefined) return check('returnless', false, t.returnless.noCost({ currency }), 'note');

  const goodsMinor = items.reduce((sum, item) => sum + item.goodsMinor, 0);
  const params = {
    label: ctx.money(labelMinor),
    goods: ctx.money(goodsMinor),
    share: new Intl.NumberFormat(ctx.language, { style: 'percent', maximumFractionDigits: 2 }).format(
      rule.maxLabelShare,
    ),
    units: items.reduce((sum, item) => sum + item.quantity, 0),
  };
  return labelCostsTooMuch(labelMinor, goodsMinor, rule.maxLabelShare)
    ? check('returnless', true, t.returnless.keep(params), 'note')
    : check('returnless', false, t.returnless.sendBack(params), 'note');
}

/** labelMinor > maxLabelShare × goodsMinor, exactly (the share read to 0.01 %). */
export function labelCostsTooMuch(labelMinor: number, goodsMinor: number, maxLabelShare: number): boolean {
  const share = BigInt(Math.round(maxLabelShare * BASIS_POINTS));
  return BigInt(labelMinor) * BigInt(BASIS_POINTS) > share * BigInt(goodsMinor);
}
