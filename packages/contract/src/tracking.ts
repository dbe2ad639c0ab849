import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime } from './common.js';

const STATUSES = ['shipped', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;

// One enum rather than a union of literals, so a wrong status is one error, not five.
export const ShipmentStatusSchema = Type.String({
  enum: [...STATUSES],
  description: 'Normalised carrier status',
});

/** One carrier scan in Afterdesk's normalised format. */
export const TrackingEventInput = Type.Object(
  {
    carrier: Type.String({ minLength: 1, maxLength: 100, description: 'As named on the order, e.g. DHL' }),
    trackingNumber: Type.String({ minLength: 1, maxLength: 100 }),
    status: ShipmentStatusSchema,
    occurredAt: IsoDateTime,
    location: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    reason: Type.Optional(
      Type.String({
        enum: ['lost', 'damaged', 'delayed', 'returned_to_sender', 'other'],
        description: 'With status exception: what went wrong (default other)',
      }),
    ),
    trackingUrl: Type.Optional(
      Type.String({
        pattern: '^https?://\\S+$',
        maxLength: 2000,
        description: "The carrier's tracking page",
      }),
    ),
  },
  { additionalProperties: false },
);
export type TrackingEventInput = Static<typeof TrackingEventInput>;

export const TrackingEventBatch = Type.Object(
  { events: Type.Array(TrackingEventInput, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type TrackingEventBatch = Static<typeof TrackingEventBatch>;

export const TrackingEventOutcome = Type.Union(
  [
    Type.Literal('applied'),
    Type.Literal('duplicate'),
    Type.Literal('unknown_shipment'),
    Type.Literal('stale'),
  ],
  {
    description:
      'applied: moved the shipment on; duplicate: seen before; unknown_shipment: no order names this parcel (kept for later); stale: older than what the shipment already shows',
  },
);

export const TrackingEventBatchResult = Type.Object({
  results: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'Position of the event in the request' }),
      outcome: TrackingEventOutcome,
    }),
  ),
  noticesQueued: Type.Integer(),
});
export type TrackingEventBatchResult = Static<typeof TrackingEventBatchResult>;
