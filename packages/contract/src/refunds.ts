import { type Static, Type } from '@sinclair/typebox';
import { AmountMinor, CurrencyCode, IsoDateTime, Uuid } from './common.js';

const RefundStatus = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('processing'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
    Type.Literal('held'),
    Type.Literal('awaiting_transfer'),
    Type.Literal('cancelled'),
  ],
  {
    description:
      'pending: the refund job pays it next; processing: the provider accepted it and finishes it; held: an amount anomaly waits for an agent (R-6.3); awaiting_transfer: an agent pays it by hand; failed: the job gave up and an agent decides',
  },
);

/** A refund: money owed back to a customer and how far paying it has come. */
export const Refund = Type.Object({
  id: Uuid,
  caseId: Type.Union([Uuid, Type.Null()]),
  orderId: Type.Union([Uuid, Type.Null()]),
  amountMinor: Type.Integer(),
  currency: Type.String(),
  method: Type.String({ description: 'original_payment, store_credit or manual' }),
  provider: Type.String({ description: 'who pays it: stripe, store_credit or manual' }),
  purpose: Type.String({ description: 'refund (the goods) or compensation' }),
  status: RefundStatus,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  providerRefundId: Type.Union([Type.String(), Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
  settledAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type Refund = Static<typeof Refund>;

export const RefundList = Type.Object({ items: Type.Array(Refund) });

export const RefundListQuery = Type.Object({
  status: Type.Optional(
    Type.String({
      pattern: '^[a-z_]+(,[a-z_]+)*$',
      description:
        'comma-separated statuses; default the ones an agent must act on: held,failed,awaiting_transfer',
    }),
  ),
  caseId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const RefundTransferInput = Type.Object(
  {
    reference: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'the bank transfer or payment-system reference that proves the money went out',
    }),
  },
  { additionalProperties: false },
);

export const RefundReleaseInput = Type.Object(
  {
    amountMinor: Type.Integer({
      minimum: 1,
      maximum: 9_007_199_254_740_991,
      description: 'the verified amount to refund (R-6.3: verify and refund the actual amount)',
    }),
  },
  { additionalProperties: false },
);

export const StripeConnectionInput = Type.Object(
  {
    secretKey: Type.String({
      pattern: '^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$',
      maxLength: 255,
      description:
        'a Stripe secret or restricted key allowed to create and read refunds; stored, never returned',
    }),
  },
  { additionalProperties: false },
);

export const StripeConnection = Type.Object({
  provider: Type.Literal('stripe'),
  mode: Type.Union([Type.Literal('test'), Type.Literal('live')]),
  updatedAt: IsoDateTime,
});

export const StoreCreditBalance = Type.Object({
  customerId: Uuid,
  balances: Type.Array(Type.Object({ currency: CurrencyCode, amountMinor: AmountMinor })),
});
