import { type Static, Type } from '@sinclair/typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.js';

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local time' });

/** A pick-up the customer asks for: a day and a time window at the sender's address. */
export const PickupRequest = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
    from: Time,
    to: Time,
  },
  { additionalProperties: false },
);
export type PickupRequest = Static<typeof PickupRequest>;

const CarrierCode = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]{0,39}$',
  description: "Lower-case letters, digits, '-' and '_'; 'self_ship' is the built-in carrier",
});
const JsonPointer = Type.String({
  pattern: '^(/([^~/]|~[01])*)+$',
  maxLength: 200,
  description: "RFC 6901 JSON pointer into the carrier's answer, e.g. /data/waybill",
});

/** A carrier connection: typed in by the merchant (manual) or asked over HTTP (generic). */
export const ReturnCarrierInput = Type.Object(
  {
    code: CarrierCode,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    adapter: Type.Union([Type.Literal('manual'), Type.Literal('generic')]),
    url: Type.Optional(
      Type.String({ pattern: '^https?://\\S+$', maxLength: 2000, description: 'generic: where requests go' }),
    ),
    secret: Type.Optional(
      Type.String({
        minLength: 16,
        maxLength: 200,
        description: 'generic: the signing secret; generated (and shown once) when left out',
      }),
    ),
    waybillPointer: Type.Optional(JsonPointer),
    pickupPointer: Type.Optional(JsonPointer),
    isDefault: Type.Optional(
      Type.Boolean({ description: 'Used for every return unless a warehouse names another' }),
    ),
  },
  { additionalProperties: false },
);
export type ReturnCarrierInput = Static<typeof ReturnCarrierInput>;

export const ReturnCarrierView = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  adapter: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  waybillPointer: Type.Union([Type.String(), Type.Null()]),
  pickupPointer: Type.Union([Type.String(), Type.Null()]),
  isDefault: Type.Boolean(),
  createdAt: IsoDateTime,
});
export type ReturnCarrierView = Static<typeof ReturnCarrierView>;

/** The answer to a create: the only time a generic carrier's signing secret is shown. */
export const CreatedReturnCarrier = Type.Object({
  ...ReturnCarrierView.properties,
  secret: Type.Union([Type.String(), Type.Null()], { description: 'generic: shown only now, store it' }),
});
export type CreatedReturnCarrier = Static<typeof CreatedReturnCarrier>;

/** A warehouse returns go to. */
export const WarehouseInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    addressLines: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 4 }),
    postalCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    country: CountryCode,
    servesCountries: Type.Optional(
      Type.Array(CountryCode, {
        maxItems: 250,
        uniqueItems: true,
        description: 'Customer countries it takes returns from',
      }),
    ),
    consolidation: Type.Optional(
      Type.Boolean({ description: 'Gathers cross-border returns locally before they travel on in bulk' }),
    ),
    isDefault: Type.Optional(Type.Boolean({ description: 'For customers no other warehouse serves' })),
    carrierId: Type.Optional(
      Type.Union([Uuid, Type.Null()], { description: 'The carrier for returns to it' }),
    ),
  },
  { additionalProperties: false },
);
export type WarehouseInput = Static<typeof WarehouseInput>;

export const WarehouseView = Type.Object({
  id: Uuid,
  name: Type.String(),
  addressLines: Type.Array(Type.String()),
  postalCode: Type.Union([Type.String(), Type.Null()]),
  city: Type.String(),
  country: Type.String(),
  servesCountries: Type.Array(Type.String()),
  consolidation: Type.Boolean(),
  isDefault: Type.Boolean(),
  carrierId: Type.Union([Uuid, Type.Null()]),
  createdAt: IsoDateTime,
});
export type WarehouseView = Static<typeof WarehouseView>;

/** The merchant types the waybill of a manual carrier (or replaces the carrier by hand). */
export const ReturnShipmentInput = Type.Object(
  {
    carrier: Type.Optional(CarrierCode),
    waybillNumber: Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9-]+$' }),
    pickupReference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type ReturnShipmentInput = Static<typeof ReturnShipmentInput>;

/** A return shipment as agents and its customer see it. */
export const ReturnShipmentView = Type.Object({
  caseId: Uuid,
  carrier: Type.String(),
  state: Type.Union([
    Type.Literal('issued'),
    Type.Literal('requested'),
    Type.Literal('awaiting_waybill'),
    Type.Literal('failed'),
  ]),
  waybillNumber: Type.Union([Type.String(), Type.Null()]),
  postagePaidBy: Type.Union([Type.Literal('merchant'), Type.Literal('customer')]),
  warehouse: Type.Union([
    Type.Object({
      id: Type.Union([Uuid, Type.Null()]),
      name: Type.String(),
      addressLines: Type.Array(Type.String()),
      postalCode: Type.Union([Type.String(), Type.Null()]),
      city: Type.String(),
      country: Type.String(),
      consolidation: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  pickup: Type.Union([PickupRequest, Type.Null()]),
  pickupReference: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type ReturnShipmentView = Static<typeof ReturnShipmentView>;
