import { type Static, Type } from '@sinclair/typebox';
import { CaseView } from './cases.js';
import { Uuid } from './common.js';

/** A parcel scanned at the warehouse: its return code or its waybill number. */
export const WarehouseReceiptInput = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 100, description: 'Return code or waybill number' }) },
  { additionalProperties: false },
);
export type WarehouseReceiptInput = Static<typeof WarehouseReceiptInput>;

/** The warehouse's finding on one returned item. */
export const InspectionItemInput = Type.Object(
  {
    caseItemId: Uuid,
    result: Type.String({ enum: ['passed', 'failed'] }),
    grade: Type.Optional(Type.String({ enum: ['A', 'B', 'C', 'D'] })),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    evidenceIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    disposition: Type.String({ enum: ['restock', 'refurbish', 'dispose'] }),
    receivedQuantity: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100000,
        description: 'Units found; fewer than asked fails the item',
      }),
    ),
    receivedSku: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'SKU found; another SKU fails the item' }),
    ),
  },
  { additionalProperties: false },
);
export type InspectionItemInput = Static<typeof InspectionItemInput>;

/** One inspection of a received parcel: every item of the case, once. */
export const InspectionInput = Type.Object(
  {
    items: Type.Array(InspectionItemInput, { minItems: 1, maxItems: 200 }),
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The version you saw; a stale one gets 409' }),
    ),
  },
  { additionalProperties: false },
);
export type InspectionInput = Static<typeof InspectionInput>;

export const WarehouseReceiptResult = Type.Object({
  alreadyReceived: Type.Boolean({ description: 'The parcel was scanned before; nothing changed' }),
  case: CaseView,
});
export type WarehouseReceiptResult = Static<typeof WarehouseReceiptResult>;

export const InspectionResult = Type.Object({
  passed: Type.Boolean(),
  reasons: Type.Array(Type.String(), { description: 'Why the parcel failed, one per failed item' }),
  nextStep: Type.Union([Type.String(), Type.Null()], {
    description:
      'What ran automatically after a pass: refund, or the step now due (ship_replacement, complete_repair)',
  }),
  case: CaseView,
});
export type InspectionResult = Static<typeof InspectionResult>;
