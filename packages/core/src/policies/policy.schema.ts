import { type Static, Type } from '@sinclair/typebox';
import { RETURN_KINDS } from '../cases/kinds.js';

/** What a customer can declare about an item's state. */
export const CONDITIONS = [
  'unused',
  'unwashed',
  'unworn',
  'unopened',
  'original_packaging',
  'accessories_complete',
  'resalable',
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** How a merchant compensates beyond the refund; the amount is an agent's call. */
export const COMPENSATION_RULES = ['actual_loss', 'merchant_liable'] as const;
export type CompensationRule = (typeof COMPENSATION_RULES)[number];

const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

const ReasonCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'snake_case reason code' });
const Days = Type.Integer({ minimum: 0, maximum: 3650 });
const AmountMinor = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Payer = oneOf(['merchant', 'customer'] as const);
const ReturnKindSchema = oneOf(RETURN_KINDS);
const ConditionSchema = oneOf(CONDITIONS);

/** ISO 4217 code → amount in that currency's minor units. A missing currency means "not set". */
const CurrencyAmounts = Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), AmountMinor, {
  additionalProperties: false,
});

/** One entry of the reason catalogue the customer picks from. */
export const ReasonDefinition = Type.Object(
  {
    code: ReasonCode,
    labels: Type.Object(
      { en: Type.String({ minLength: 1 }), 'zh-CN': Type.String({ minLength: 1 }) },
      { additionalProperties: false },
    ),
    fault: oneOf(['merchant', 'customer'] as const),
    requiredConditions: Type.Array(ConditionSchema, { uniqueItems: true }),
    evidenceRequired: Type.Boolean(),
    kinds: Type.Array(ReturnKindSchema, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type ReasonDefinition = Static<typeof ReasonDefinition>;

/** Who pays which shipping for one kind of fault. */
export const ShippingRule = Type.Object(
  {
    returnShipping: Payer,
    reshipping: Payer,
    refundOriginalShipping: Type.Boolean({ description: "refund the line's share of the order shipping" }),
  },
  { additionalProperties: false },
);
export type ShippingRule = Static<typeof ShippingRule>;

/**
 * "Keep it": a return is refunded without the parcel when the label would cost the
 * merchant more than a share of what the goods are worth.
 */
export const ReturnlessRule = Type.Object(
  {
    enabled: Type.Boolean(),
    labelCostMinor: Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), AmountMinor, {
      additionalProperties: false,
      description: 'what one return label costs the merchant, per currency; a missing currency never keeps',
    }),
    maxLabelShare: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'keep the goods when the label costs more than this share of their value (0.5 = half)',
    }),
  },
  { additionalProperties: false },
);
export type ReturnlessRule = Static<typeof ReturnlessRule>;

/**
 * Refund a return on the carrier's first scan, before the warehouse has the goods, for
 * customers the shop trusts (issue 5: "policy may allow refund on the carrier's first scan
 * for trusted customers"). Trust is earned by orders and lost by one failed inspection.
 */
export const FirstScanRefundRule = Type.Object(
  {
    enabled: Type.Boolean(),
    minOrders: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      description: 'orders the customer placed with the shop, at least',
    }),
    maxRefundMinor: Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), AmountMinor, {
      additionalProperties: false,
      description:
        'the largest refund paid before the goods arrive, per currency; a missing currency never refunds early',
    }),
  },
  { additionalProperties: false },
);
export type FirstScanRefundRule = Static<typeof FirstScanRefundRule>;

/** A tenant's after-sales rules. Stored with a version number; every decision records it. */
export const PolicyDocument = Type.Object(
  {
    schemaVersion: Type.Literal(1, { description: 'format of this document, not the tenant policy version' }),
    returnWindowDays: Type.Integer({
      minimum: 0,
      maximum: 3650,
      description: 'calendar days after the delivery day, in the store time zone',
    }),
    categoryWindows: Type.Record(Type.String({ minLength: 1 }), Days, {
      description: 'category → window in days, overriding returnWindowDays',
    }),
    nonReturnableCategories: Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true }),
    reasons: Type.Array(ReasonDefinition, { minItems: 1 }),
    shipping: Type.Object(
      {
        byFault: Type.Object(
          { merchant: ShippingRule, customer: ShippingRule },
          { additionalProperties: false },
        ),
        customerReturnShippingMinor: CurrencyAmounts,
        customerReshippingMinor: CurrencyAmounts,
        deductFromRefund: Type.Boolean({ description: 'take customer-paid shipping out of the refund' }),
      },
      { additionalProperties: false },
    ),
    exchange: Type.Object(
      { allowHigherPrice: Type.Boolean({ description: 'R-3.5: if true the customer pays the difference' }) },
      { additionalProperties: false },
    ),
    autoApproval: Type.Object(
      {
        enabled: Type.Boolean(),
        reasons: Type.Array(ReasonCode, { uniqueItems: true }),
        kinds: Type.Array(ReturnKindSchema, { uniqueItems: true }),
        requiredConditions: Type.Array(ConditionSchema, { uniqueItems: true }),
        maxOrderValueMinor: CurrencyAmounts,
      },
      { additionalProperties: false },
    ),
    compensation: Type.Record(ReasonCode, oneOf(COMPENSATION_RULES), { additionalProperties: false }),
    shipBackDays: Type.Integer({
      minimum: 1,
      maximum: 365,
      description: 'days after approval to send the parcel',
    }),
    // Optional: documents published before the rule existed have no such section and
    // mean "never keep".
    returnless: Type.Optional(ReturnlessRule),
    firstScanRefund: Type.Optional(FirstScanRefundRule),
  },
  { additionalProperties: false },
);
export type PolicyDocument = Static<typeof PolicyDocument>;
