import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

// Policy preview: a draft replayed against the requests of the last days, before it is
// published.

export const PolicyDocumentSchema = Type.Object(
  {},
  { additionalProperties: true, description: 'A policy document as POST /policy/versions takes it' },
);
export const PolicyPreviewInput = Type.Object(
  {
    document: PolicyDocumentSchema,
    days: Type.Integer({
      minimum: 1,
      maximum: 365,
      default: 90,
      description: 'Replay the requests filed in this many past days',
    }),
  },
  { additionalProperties: false },
);
export type PolicyPreviewInput = Static<typeof PolicyPreviewInput>;

const Outcome = Type.String({ description: 'approve, review or reject' });
const PolicyFigures = Type.Object({
  outcomes: Type.Record(Type.String(), Type.Integer(), {
    description: 'Cases per outcome: { approve, review, reject } (every key present)',
  }),
  automatedShare: Type.Number({
    minimum: 0,
    maximum: 1,
    description:
      'Share of the cases the policy decided alone (approve or reject, no review); 0 with no cases',
  }),
  refundMinor: Type.Array(Type.Object({ currency: Type.String(), amountMinor: Type.Integer() }), {
    description: 'Refundable totals of the approved cases, per currency',
  }),
});
export const PolicyPreview = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  cases: Type.Integer({ description: 'Requests replayed: those filed since from with a stored decision' }),
  current: PolicyFigures,
  draft: PolicyFigures,
  changed: Type.Array(
    Type.Object({
      caseId: Uuid,
      number: Type.Integer(),
      currentOutcome: Outcome,
      draftOutcome: Outcome,
      currentRefundMinor: Type.Integer({ description: 'Refundable total if approved, else 0' }),
      draftRefundMinor: Type.Integer(),
      currency: Type.String(),
    }),
    { description: 'At most 200, the biggest refund differences first' },
  ),
  changedCount: Type.Integer({ description: 'All cases whose outcome or refund would change' }),
});
export type PolicyPreview = Static<typeof PolicyPreview>;

/** One reason a customer may pick, labelled in the asked language (GET /return-reasons). */
export const ReturnReasonView = Type.Object({
  code: Type.String(),
  label: Type.String({ description: 'In the asked language where the shop wrote one, English otherwise' }),
  fault: Type.String({ description: 'merchant or customer: who pays the shipping' }),
  kinds: Type.Array(Type.String()),
  requiredConditions: Type.Array(Type.String()),
  evidenceRequired: Type.Boolean(),
});
export const ReturnReasonList = Type.Object({ items: Type.Array(ReturnReasonView) });
