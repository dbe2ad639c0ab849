import { type Static, Type } from '@sinclair/typebox';
import {
  AmountMinor,
  CountryCode,
  CurrencyCode,
  ExternalId,
  IsoDateTime,
  LanguageTag,
  Uuid,
} from './common.js';
import { Refund } from './refunds.js';

export const CustomerInput = Type.Object(
  {
    externalId: Type.Optional(ExternalId),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    language: Type.Optional(LanguageTag),
    country: Type.Optional(CountryCode),
  },
  { additionalProperties: false },
);

export const OrderLineInput = Type.Object(
  {
    externalId: ExternalId,
    sku: Type.String({ minLength: 1, maxLength: 100 }),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    category: Type.Optional(Type.String({ maxLength: 100 })),
    attributes: Type.Optional(
      Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 200 }), {
        description: 'Variant attributes such as size and colour',
      }),
    ),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    unitPriceMinor: AmountMinor,
    discountMinor: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: "The line's share of discounts, in minor units, for all units",
      }),
    ),
  },
  { additionalProperties: false },
);

export const PaymentInput = Type.Object(
  {
    method: Type.String({
      minLength: 1,
      maxLength: 50,
      description: 'card, paypal, boleto, bank_transfer, …',
    }),
    reference: Type.Optional(Type.String({ maxLength: 200 })),
    capturedMinor: AmountMinor,
  },
  { additionalProperties: false },
);

export const ShipmentInput = Type.Object(
  {
    carrier: Type.String({ minLength: 1, maxLength: 100 }),
    trackingNumber: Type.Optional(Type.String({ maxLength: 100 })),
    shippedAt: Type.Optional(IsoDateTime),
    deliveredAt: Type.Optional(IsoDateTime),
    estimatedAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);

/**
 * The customer's review of an order, e.g. the review column of an Olist export.
 * Upserted by (order, externalId); the server reads the comment's language, intent and mood.
 */
export const OrderReviewInput = Type.Object(
  {
    externalId: ExternalId,
    score: Type.Integer({ minimum: 1, maximum: 5, description: '1 (very bad) to 5 (very good)' }),
    comment: Type.Optional(Type.String({ maxLength: 5000, description: "The customer's own words" })),
    reviewedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type OrderReviewInput = Static<typeof OrderReviewInput>;

/** One order as the shop sends it; upserted by (store, externalId). */
export const OrderInput = Type.Object(
  {
    externalId: ExternalId,
    storeCode: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: "Defaults to the tenant's first store" }),
    ),
    number: Type.String({ minLength: 1, maxLength: 100, description: 'The number the customer sees' }),
    status: Type.Optional(
      Type.Union([
        Type.Literal('placed'),
        Type.Literal('paid'),
        Type.Literal('shipped'),
        Type.Literal('delivered'),
        Type.Literal('cancelled'),
      ]),
    ),
    placedAt: IsoDateTime,
    currency: CurrencyCode,
    shippingMinor: Type.Optional(AmountMinor),
    customer: CustomerInput,
    lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: 1000 }),
    payments: Type.Optional(Type.Array(PaymentInput, { maxItems: 50 })),
    shipments: Type.Optional(Type.Array(ShipmentInput, { maxItems: 50 })),
    creditNote: Type.Optional(
      Type.Boolean({
        description:
          'A credit note the shop issued (e.g. a UCI "C…" invoice), sent with positive quantities and status cancelled: analytics counts its units as returned',
      }),
    ),
    review: Type.Optional(OrderReviewInput),
  },
  { additionalProperties: false },
);
export type OrderInput = Static<typeof OrderInput>;
export type OrderLineInput = Static<typeof OrderLineInput>;

export const OrderBatch = Type.Object(
  { orders: Type.Array(OrderInput, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type OrderBatch = Static<typeof OrderBatch>;

export const OrderBatchResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  reviews: Type.Integer({ description: 'Reviews stored or updated with the batch' }),
  orders: Type.Array(Type.Object({ externalId: Type.String(), id: Uuid })),
});

// Printed on a label: at least one visible character, never only spaces.
const LabelText = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** Where an order goes. */
export const ShippingAddress = Type.Object(
  {
    name: LabelText(200),
    line1: LabelText(200),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: LabelText(100),
    postalCode: Type.String({
      minLength: 2,
      maxLength: 16,
      pattern: '^\\s*[A-Za-z0-9][A-Za-z0-9 -]*[A-Za-z0-9]\\s*$',
      description: 'Letters, digits, spaces and hyphens, as the country writes it',
    }),
    region: Type.Optional(Type.String({ maxLength: 100, description: 'State, province or county' })),
    country: CountryCode,
    phone: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 40,
        pattern: '^\\+?[0-9 ()./-]+$',
        description: 'For the carrier',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ShippingAddress = Static<typeof ShippingAddress>;

export const AddressChangeInput = Type.Object({ address: ShippingAddress }, { additionalProperties: false });
export type AddressChangeInput = Static<typeof AddressChangeInput>;

export const CancellationInput = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 2000, description: "The customer's own words" })) },
  { additionalProperties: false },
);
export type CancellationInput = Static<typeof CancellationInput>;

/** One change asked of an order, applied or not. */
export const OrderChangeView = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('address'), Type.Literal('cancel')]),
  status: Type.Union([Type.Literal('applied'), Type.Literal('refused'), Type.Literal('became_return')]),
  block: Type.Union([Type.String(), Type.Null()], {
    description: 'Why refused or turned into a return: shipped, delivered, cancelled, nothing_to_return',
  }),
  reason: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([ShippingAddress, Type.Null()]),
  caseId: Type.Union([Uuid, Type.Null()]),
  refundIds: Type.Array(Uuid),
  requestedBy: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
  createdAt: IsoDateTime,
});
export type OrderChangeView = Static<typeof OrderChangeView>;

export const AddressChangeResult = Type.Object({
  change: OrderChangeView,
  shippingAddress: ShippingAddress,
});

export const CancellationResult = Type.Object({
  change: OrderChangeView,
  orderStatus: Type.String(),
  refunds: Type.Array(Refund),
  case: Type.Union([Type.Object({ id: Uuid, status: Type.String() }), Type.Null()], {
    description: 'The return case a cancellation after shipment became',
  }),
  repeated: Type.Boolean({
    description: 'True when this answers an earlier cancellation; nothing was done again',
  }),
});

export const OrderView = Type.Object({
  id: Uuid,
  externalId: Type.String(),
  number: Type.String(),
  status: Type.String(),
  storeCode: Type.String(),
  customerId: Uuid,
  placedAt: IsoDateTime,
  deliveredAt: Type.Union([IsoDateTime, Type.Null()]),
  currency: Type.String(),
  shippingMinor: Type.Integer(),
  totalMinor: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      id: Uuid,
      externalId: Type.String(),
      sku: Type.String(),
      title: Type.String(),
      category: Type.Union([Type.String(), Type.Null()]),
      attributes: Type.Record(Type.String(), Type.String()),
      quantity: Type.Integer(),
      unitPriceMinor: Type.Integer(),
      discountMinor: Type.Integer(),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      method: Type.String(),
      reference: Type.Union([Type.String(), Type.Null()]),
      capturedMinor: Type.Integer(),
    }),
  ),
  shipments: Type.Array(
    Type.Object({
      carrier: Type.String(),
      trackingNumber: Type.Union([Type.String(), Type.Null()]),
      shippedAt: Type.Union([IsoDateTime, Type.Null()]),
      deliveredAt: Type.Union([IsoDateTime, Type.Null()]),
      estimatedAt: Type.Union([IsoDateTime, Type.Null()]),
    }),
  ),
  shippingAddress: Type.Union([ShippingAddress, Type.Null()]),
  changes: Type.Array(OrderChangeView, { description: 'Address changes and cancellations, oldest first' }),
});

export const OrderSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: Type.String(),
  placedAt: IsoDateTime,
  deliveredAt: Type.Union([IsoDateTime, Type.Null()]),
  currency: Type.String(),
  totalMinor: Type.Integer(),
  customerId: Uuid,
  customerEmail: Type.Union([Type.String(), Type.Null()]),
  customerName: Type.Union([Type.String(), Type.Null()]),
});
