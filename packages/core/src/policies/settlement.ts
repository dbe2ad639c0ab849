import { allocateShipping, refundableGoodsMinor, refundableShippingMinor } from '../money/index.js';
import type { DecisionItem, Fee } from './decision.js';
import { type Check, check, type EvaluationContext } from './evaluation-context.js';
import type { EvaluatedItem } from './item-rules.js';
import type { ShippingRule } from './policy.schema.js';
import { checkReturnless } from './returnless.js';

export interface Settlement {
  items: DecisionItem[];
  fees: Fee[];
  refundableTotalMinor: number;
  /** The customer keeps the goods: no parcel, so no return shipping fee. */
  returnless: boolean;
  checks: Check[];
}

/**
 * Values the items, decides "keep it" when `mayKeep`, and sets the fees.
 * Items that cannot be valued (unknown line, invalid quantity) are listed with zeros.
 */
export function settle(
  ctx: EvaluationContext,
  evaluated: EvaluatedItem[],
  { mayKeep }: { mayKeep: boolean },
): Settlement {
  const { input } = ctx;
  const { kind } = input;
  const lineShipping = allocateShipping(input.order.shippingMinor, input.order.lines);
  const items = evaluated.map((item): DecisionItem => {
    const { line, fromUnit } = item;
    const quantity = item.request.quantity;
    const zero = {
      lineId: item.request.lineId,
      quantity,
      goodsMinor: 0,
      shippingRefundMinor: 0,
      refundableMinor: 0,
    };
    if (!line || fromUnit === null || kind === 'repair') return zero;
    const goods = refundableGoodsMinor(line, quantity, fromUnit);
    if (kind === 'exchange') {
      // A cheaper replacement refunds the difference, never more than was paid for the units.
      const goodsMinor = Math.min(goods, Math.max(0, -item.priceDifferenceMinor));
      return { ...zero, goodsMinor, refundableMinor: goodsMinor };
    }
    const shippingRefundMinor = ruleFor(ctx, item).refundOriginalShipping
      ? refundableShippingMinor(lineShipping[item.lineIndex] ?? 0, line, quantity, fromUnit)
      : 0;
    return { ...zero, goodsMinor: goods, shippingRefundMinor, refundableMinor: goods + shippingRefundMinor };
  });

  const keep = mayKeep ? checkReturnless(ctx, items) : null;
  const returnless = keep?.passed === true;
  const { fees, checks } = shippingFees(ctx, evaluated, returnless);
  if (keep) checks.unshift(keep);
  const higherPrices = evaluated
    .filter((item) => item.fromUnit !== null && item.priceDifferenceMinor > 0)
    .reduce((sum, item) => sum + item.priceDifferenceMinor, 0);
  if (higherPrices > 0 && input.policy.exchange.allowHigherPrice) {
    fees.push({
      code: 'price_difference',
      amountMinor: higherPrices,
      payer: 'customer',
      deductedFromRefund: false,
    });
  }

  // A customer fee is taken out of the refund only when the refund covers all of it, so a
  // fee is never split between "deducted" and "to pay".
  let refundableTotalMinor = items.reduce((sum, item) => sum + item.refundableMinor, 0);
  for (const fee of fees) {
    if (fee.code === 'price_difference' || fee.payer !== 'customer') continue;
    if (input.policy.shipping.deductFromRefund && fee.amountMinor <= refundableTotalMinor) {
      fee.deductedFromRefund = true;
      refundableTotalMinor -= fee.amountMinor;
    }
  }
  return { items, fees, refundableTotalMinor, returnless, checks };
}

function ruleFor(ctx: EvaluationContext, item: EvaluatedItem): ShippingRule {
  return ctx.input.policy.shipping.byFault[item.fault];
}

// One parcel each way: if any item's rule has the merchant pay a leg, the merchant pays it
// for the whole parcel, since the customer would have sent the faulty item anyway. A kept
// parcel travels no way at all.
function shippingFees(
  ctx: EvaluationContext,
  evaluated: EvaluatedItem[],
  returnless: boolean,
): { fees: Fee[]; checks: Check[] } {
  const { input, t } = ctx;
  const known = evaluated.filter((item) => item.line !== undefined);
  if (known.length === 0 || input.kind === 'refund_only') return { fees: [], checks: [] };
  const legs: { code: 'return_shipping' | 'reshipping'; leg: 'returnShipping' | 'reshipping' }[] = [];
  if (!returnless) legs.push({ code: 'return_shipping', leg: 'returnShipping' });
  if (input.kind === 'exchange' || input.kind === 'repair')
    legs.push({ code: 'reshipping', leg: 'reshipping' });

  const fees: Fee[] = [];
  let missingCurrency = false;
  let customerPays = false;
  for (const { code, leg } of legs) {
    const merchantPays = known.some((item) => ruleFor(ctx, item)[leg] === 'merchant');
    if (merchantPays) {
      fees.push({ code, amountMinor: 0, payer: 'merchant', deductedFromRefund: false });
      continue;
    }
    customerPays = true;
    const prices =
      code === 'return_shipping'
        ? input.policy.shipping.customerReturnShippingMinor
        : input.policy.shipping.customerReshippingMinor;
    const amountMinor = prices[input.order.currency];
    if (amountMinor === undefined) missingCurrency = true;
    else fees.push({ code, amountMinor, payer: 'customer', deductedFromRefund: false });
  }
  if (!customerPays) return { fees, checks: [] };
  const currency = input.order.currency;
  const checks = [
    missingCurrency
      ? check('shipping_fee_known', false, t.shipping_fee_known.fail({ currency }), 'review')
      : check('shipping_fee_known', true, t.shipping_fee_known.ok({ currency }), 'review'),
  ];
  return { fees, checks };
}
