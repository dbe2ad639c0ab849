import type { ReturnKind } from '../cases/kinds.js';
import type { CompensationRule, Condition, PolicyDocument } from './policy.schema.js';

/** An order line as the policy sees it; `discountMinor` is the discount on the whole line. */
export interface PolicyOrderLine {
  id: string;
  sku: string;
  category: string | null;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
}

/** One line (and quantity) the customer asks about, with their reason and declarations. */
export interface RequestedItem {
  lineId: string;
  quantity: number;
  reasonCode: string;
  /** What the customer declares about the item's state. */
  conditions: Condition[];
  evidenceCount: number;
  /** Exchanges only; absent means the same SKU at the same price (e.g. another size). */
  replacement?: { sku: string; unitPriceMinor: number };
}

/** Everything a decision depends on. Time comes in as `now`; nothing is read from outside. */
export interface PolicyInput {
  policy: PolicyDocument;
  policyVersion: number;
  kind: ReturnKind;
  /** ISO instant of the request (or of the re-evaluation). */
  now: string;
  /** BCP 47 tag of the customer; see `resolveLanguage`. */
  language: string;
  store: { timeZone: string; currency: string };
  order: {
    id: string;
    /** All amounts of the order and of the decision are in this currency's minor units. */
    currency: string;
    /** 'cancelled' (or 'canceled') rejects; any other value is not interpreted. */
    status: string;
    placedAt: string;
    deliveredAt: string | null;
    shippingMinor: number;
    totalMinor: number;
    lines: PolicyOrderLine[];
  };
  customer: { blocked: boolean };
  items: RequestedItem[];
  /** lineId → units already in other open or closed cases; they are taken before this request's. */
  alreadyClaimed: Record<string, number>;
}

/** Stable ids of the rules, as they appear in `Decision.trace` and `Decision.reasons`. */
export const RULE_IDS = [
  'order_not_cancelled',
  'order_delivered',
  'customer_not_blocked',
  'items_present',
  'line_known',
  'quantity_available',
  'category_returnable',
  'reason_known',
  'reason_allowed_for_kind',
  'within_window',
  'conditions_met',
  'evidence_provided',
  'exchange_price',
  'returnless',
  'shipping_fee_known',
  'auto_approval_enabled',
  'auto_approval_kind',
  'auto_approval_reason',
  'auto_approval_conditions',
  'auto_approval_evidence',
  'order_value_limit',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * One evaluated rule; `lineId` is set for rules about one requested item. For
 * `returnless`, `passed` means the customer keeps the goods; it never changes the outcome.
 */
export interface TraceEntry {
  rule: RuleId;
  passed: boolean;
  message: string;
  lineId?: string;
}

/** Money per requested item, in the order currency, computed whatever the outcome. */
export interface DecisionItem {
  lineId: string;
  quantity: number;
  /** Goods value refunded: the units' net price, or for an exchange a lower replacement's difference. */
  goodsMinor: number;
  /** The units' share of the order shipping, when the fault rule refunds it. */
  shippingRefundMinor: number;
  /** goodsMinor + shippingRefundMinor, before fees. */
  refundableMinor: number;
}

export interface Fee {
  code: 'return_shipping' | 'reshipping' | 'price_difference';
  /** 0 when the merchant pays shipping: its cost is the carrier's, known when the label is bought. */
  amountMinor: number;
  payer: 'merchant' | 'customer';
  deductedFromRefund: boolean;
}

/** The result of `evaluatePolicy`; store it with the case, it is what the customer was told. */
export interface Decision {
  outcome: 'approve' | 'review' | 'reject';
  /** The failed rules behind the outcome, in the customer's language; empty when approved. */
  reasons: { code: RuleId; message: string }[];
  items: DecisionItem[];
  /** Σ items.refundableMinor − the fees deducted from the refund. */
  refundableTotalMinor: number;
  currency: string;
  fees: Fee[];
  /**
   * "Keep it": the return label would cost more than the policy's share of the goods'
   * value, so nothing is sent back — no label, no return shipping fee — and approval leads
   * straight to the refund. Only for returns that are not rejected. Decisions stored
   * before the rule existed lack the field: read it as false.
   */
  returnless: boolean;
  /** Notes for the agent; amounts are an agent's decision. Empty when rejected. */
  compensation: { reasonCode: string; rule: CompensationRule; message: string }[];
  deadlines: {
    /** Earliest return deadline of the requested lines; null before delivery. */
    requestBy: string | null;
    /** Only on approval and when a parcel is sent back (not refund_only, not returnless); see `shipBackDeadline`. */
    shipBackBy: string | null;
  };
  /** Every rule evaluated, in order, in the customer's language. */
  trace: TraceEntry[];
  policyVersion: number;
}
