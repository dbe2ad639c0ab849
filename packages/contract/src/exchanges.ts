import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

/** Money a customer owes on an exchange, paid at the shop's checkout. */
export const PaymentLink = Type.Object({
  id: Uuid,
  caseId: Uuid,
  amountMinor: Type.Integer(),
  currency: Type.String(),
  lines: Type.Array(
    Type.Object({
      code: Type.String({ description: 'price_difference or reshipping' }),
      amountMinor: Type.Integer(),
    }),
  ),
  url: Type.String({ description: 'Where the customer pays; the shop’s checkout confirms it' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('paid'), Type.Literal('cancelled')]),
  reference: Type.Union([Type.String(), Type.Null()]),
  paidAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});
export type PaymentLink = Static<typeof PaymentLink>;

/** The replacement going out: reserved in the shop's stock, then shipped, or failed. */
export const ReplacementShipment = Type.Object({
  id: Uuid,
  caseId: Uuid,
  lines: Type.Array(
    Type.Object({
      caseItemId: Uuid,
      sku: Type.String(),
      quantity: Type.Integer(),
      attributes: Type.Record(Type.String(), Type.String()),
    }),
  ),
  status: Type.Union([Type.Literal('reserved'), Type.Literal('shipped'), Type.Literal('failed')]),
  carrier: Type.Union([Type.String(), Type.Null()]),
  trackingNumber: Type.Union([Type.String(), Type.Null()]),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  reservedAt: IsoDateTime,
  shippedAt: Type.Union([IsoDateTime, Type.Null()]),
  failedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type ReplacementShipment = Static<typeof ReplacementShipment>;

/** An exchange's money and shipments, oldest first. */
export const ExchangeView = Type.Object({
  caseId: Uuid,
  paymentLinks: Type.Array(PaymentLink),
  replacementShipments: Type.Array(ReplacementShipment),
});
export type ExchangeView = Static<typeof ExchangeView>;

export const PaymentLinkPaidInput = Type.Object(
  {
    reference: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The shop’s payment reference: proof the customer paid',
    }),
  },
  { additionalProperties: false },
);
export type PaymentLinkPaidInput = Static<typeof PaymentLinkPaidInput>;

export const ReplacementFailedInput = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the replacement did not ship' }),
  },
  { additionalProperties: false },
);
export type ReplacementFailedInput = Static<typeof ReplacementFailedInput>;
