import { type Static, Type } from '@sinclair/typebox';
import { AmountMinor, CurrencyCode, IsoDateTime, LanguageTag, Uuid } from './common.js';
import { PickupRequest } from './return-shipments.js';

export const ReturnKindSchema = Type.Union([
  Type.Literal('return'),
  Type.Literal('exchange'),
  Type.Literal('refund_only'),
  Type.Literal('repair'),
]);
export const ChannelSchema = Type.Union(
  [
    Type.Literal('web'),
    Type.Literal('email'),
    Type.Literal('chat'),
    Type.Literal('phone'),
    Type.Literal('social'),
    Type.Literal('api'),
  ],
  { description: 'Where the request came from; defaults to api for API keys, web otherwise' },
);
export const ConditionSchema = Type.Union(
  ['unused', 'unwashed', 'unworn', 'unopened', 'original_packaging', 'accessories_complete', 'resalable'].map(
    (c) => Type.Literal(c),
  ),
);

export const CaseItemInput = Type.Object(
  {
    orderLineId: Uuid,
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    reasonCode: Type.String({
      minLength: 1,
      maxLength: 50,
      description: "A code from the tenant's reason catalogue",
    }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    conditions: Type.Optional(
      Type.Array(ConditionSchema, {
        maxItems: 10,
        uniqueItems: true,
        description: 'What the customer declares of the item',
      }),
    ),
    evidenceIds: Type.Optional(
      Type.Array(Uuid, { maxItems: 20, uniqueItems: true, description: 'Uploaded evidence files' }),
    ),
    replacement: Type.Optional(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 100 }),
          unitPriceMinor: AmountMinor,
          attributes: Type.Optional(
            Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 200 })),
          ),
        },
        { additionalProperties: false, description: 'For exchanges: the variant wanted instead' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CaseInput = Type.Object(
  {
    kind: ReturnKindSchema,
    orderId: Uuid,
    items: Type.Array(CaseItemInput, { minItems: 1, maxItems: 100 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    channel: Type.Optional(ChannelSchema),
    language: Type.Optional(LanguageTag),
  },
  { additionalProperties: false },
);
export type CaseInput = Static<typeof CaseInput>;

const TraceEntry = Type.Object({ rule: Type.String(), passed: Type.Boolean(), message: Type.String() });
export const DecisionSchema = Type.Object(
  {
    outcome: Type.Union([Type.Literal('approve'), Type.Literal('review'), Type.Literal('reject')]),
    policyVersion: Type.Integer(),
    reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
    items: Type.Array(
      Type.Object({
        lineId: Type.String(),
        quantity: Type.Integer(),
        goodsMinor: Type.Integer(),
        shippingRefundMinor: Type.Integer(),
        refundableMinor: Type.Integer(),
      }),
    ),
    refundableTotalMinor: Type.Integer(),
    currency: Type.String(),
    fees: Type.Array(
      Type.Object({
        code: Type.String(),
        amountMinor: Type.Integer(),
        payer: Type.String(),
        deductedFromRefund: Type.Boolean(),
      }),
    ),
    compensation: Type.Array(
      Type.Object({ reasonCode: Type.String(), rule: Type.String(), message: Type.String() }),
    ),
    deadlines: Type.Object({
      requestBy: Type.Union([Type.String(), Type.Null()]),
      shipBackBy: Type.Union([Type.String(), Type.Null()]),
    }),
    returnless: Type.Optional(
      Type.Boolean({ description: '"Keep it": refunded without sending the goods back; absent means false' }),
    ),
    trace: Type.Array(TraceEntry),
  },
  { $id: 'Decision', additionalProperties: true },
);

export const CaseItemView = Type.Object({
  id: Uuid,
  orderLineId: Uuid,
  sku: Type.String(),
  quantity: Type.Integer(),
  reasonCode: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  conditions: Type.Array(Type.String()),
  replacement: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  refundableMinor: Type.Integer(),
});

export const TimelineEntry = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  at: IsoDateTime,
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  data: Type.Object({}, { additionalProperties: true }),
});

export const CaseSummary = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  kind: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  orderId: Type.Union([Uuid, Type.Null()]),
  customerId: Uuid,
  language: Type.String(),
  channel: Type.String(),
  priority: Type.String(),
  returnCode: Type.Union([Type.String(), Type.Null()]),
  refundableMinor: Type.Union([Type.Integer(), Type.Null()]),
  currency: Type.Union([CurrencyCode, Type.Null()]),
  category: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  assigneeId: Type.Union([Uuid, Type.Null()]),
  teamId: Type.Union([Uuid, Type.Null()]),
  slaDueAt: Type.Union([IsoDateTime, Type.Null()], {
    description: 'The earliest due time of the service-level clocks still owed (overdue ones included)',
  }),
  intent: Type.Union([Type.String(), Type.Null()], {
    description: 'What the customer wants, as triage read their latest message or an agent confirmed',
  }),
  intentConfirmed: Type.Boolean({ description: 'True when an agent set or confirmed the intent' }),
  sentiment: Type.Union([Type.Number({ minimum: -1, maximum: 1 }), Type.Null()], {
    description: "The customer's mood in their latest message, -1 (very negative) to 1 (very positive)",
  }),
  emotions: Type.Array(Type.String(), {
    description: 'anger, anxiety, urgency: what their latest message showed',
  }),
  selfService: Type.Union([Type.Literal('answered'), Type.Literal('handed_off'), Type.Null()], {
    description: 'answered: the knowledge base answered the customer; handed_off: it then went to an agent',
  }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

/** The customer's satisfaction rating of a case, from the portal or the e-mailed survey. */
export const CaseRating = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Union([Type.String(), Type.Null()]),
  answeredAt: IsoDateTime,
});
export type CaseRating = Static<typeof CaseRating>;
export const CaseRatingInput = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5, description: '1 (very unhappy) to 5 (very happy)' }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CaseRatingInput = Static<typeof CaseRatingInput>;

export const CaseView = Type.Composite([
  CaseSummary,
  Type.Object({
    description: Type.Union([Type.String(), Type.Null()]),
    allowedActions: Type.Array(Type.String()),
    items: Type.Array(CaseItemView),
    decision: Type.Union([DecisionSchema, Type.Null()]),
    returnShipment: Type.Union([
      Type.Object({
        carrier: Type.String(),
        waybillNumber: Type.Union([Type.String(), Type.Null()], {
          description: 'Null until the carrier answers or the merchant types it',
        }),
        shippedAt: Type.Union([IsoDateTime, Type.Null()]),
        receivedAt: Type.Union([IsoDateTime, Type.Null()]),
      }),
      Type.Null(),
    ]),
    refunds: Type.Array(
      Type.Object({
        id: Uuid,
        amountMinor: Type.Integer(),
        currency: Type.String(),
        method: Type.String(),
        provider: Type.String({ description: 'who pays it: stripe, store_credit or manual' }),
        status: Type.String({ description: 'see GET /refunds for the statuses' }),
        lastError: Type.Union([Type.String(), Type.Null()]),
        createdAt: IsoDateTime,
      }),
    ),
    evidence: Type.Array(
      Type.Object({
        id: Uuid,
        contentType: Type.String(),
        sizeBytes: Type.Integer(),
        caseItemId: Type.Union([Uuid, Type.Null()]),
      }),
    ),
    timeline: Type.Array(TimelineEntry),
    complaintType: Type.Union([Type.String(), Type.Null()]),
    arbitrationGroup: Type.Union([Type.String(), Type.Null()]),
    mergedIntoId: Type.Union([Uuid, Type.Null()]),
    links: Type.Array(Type.Object({ caseId: Uuid, relation: Type.String() })),
    clocks: Type.Array(
      Type.Object({
        metric: Type.String(),
        cycle: Type.Integer(),
        state: Type.String({ description: 'active, paused, hit or missed' }),
        rule: Type.String(),
        startedAt: IsoDateTime,
        dueAt: Type.Union([IsoDateTime, Type.Null()]),
        warnAt: Type.Union([IsoDateTime, Type.Null()]),
        remainingMinutes: Type.Union([Type.Number(), Type.Null()], {
          description: 'Open minutes left while paused, to the second',
        }),
        completedAt: Type.Union([IsoDateTime, Type.Null()]),
      }),
    ),
    messageCount: Type.Integer(),
    rating: Type.Union([CaseRating, Type.Null()], {
      description: "The customer's rating (portal or survey); null until they rated the case",
    }),
  }),
]);
export type CaseView = Static<typeof CaseView>;

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({
        maxLength: 400,
        pattern: '^[a-z_]+(,[a-z_]+)*$',
        description: 'One status or several, comma-separated (submitted,under_review)',
      }),
    ),
    kind: Type.Optional(Type.String({ maxLength: 20 })),
    channel: Type.Optional(ChannelSchema),
    assignee: Type.Optional(
      Type.Union([Type.Literal('me'), Type.Literal('none'), Uuid], {
        description: 'me: the signed-in agent; none: unassigned; or an agent id',
      }),
    ),
    priority: Type.Optional(Type.Union(['low', 'normal', 'high', 'urgent'].map((p) => Type.Literal(p)))),
    open: Type.Optional(
      Type.Boolean({ description: 'true: not closed, cancelled or merged; false: only those' }),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 320,
        description: "A case number, a return code or the customer's e-mail (exact match)",
      }),
    ),
    sort: Type.Optional(
      Type.Union([Type.Literal('newest'), Type.Literal('sla')], {
        description:
          'newest (default): newest first; sla: earliest slaDueAt first, cases with no due clock last, then newest',
      }),
    ),
    reason: Type.Optional(Type.String({ maxLength: 50 })),
    sku: Type.Optional(Type.String({ maxLength: 100 })),
    customerId: Type.Optional(Uuid),
    orderId: Type.Optional(Uuid),
    createdFrom: Type.Optional(IsoDateTime),
    createdTo: Type.Optional(IsoDateTime),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

/** The body of every transition endpoint. `version` enables optimistic concurrency. */
export const CaseActionInput = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The version you saw; a stale one gets 409' }),
    ),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
    alternatives: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })),
    carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    trackingNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    notes: Type.Optional(Type.String({ maxLength: 5000 })),
    amountMinor: Type.Optional(AmountMinor),
    compensationMinor: Type.Optional(
      Type.Union([AmountMinor], { description: 'decide: compensation paid to the customer, if any' }),
    ),
    group: Type.Optional(
      Type.Union([Type.Literal('legal'), Type.Literal('service'), Type.Literal('product')], {
        description: 'refer-to-arbitration: the arbitration group',
      }),
    ),
    mediator: Type.Optional(
      Type.String({ minLength: 1, maxLength: 300, description: 'record-mediation: the third party' }),
    ),
    method: Type.Optional(
      Type.Union([Type.Literal('original_payment'), Type.Literal('store_credit'), Type.Literal('manual')]),
    ),
    pickup: Type.Optional(
      Type.Union([PickupRequest], {
        description: 'approve, issue-label: book a pick-up with the return label',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CaseActionInput = Static<typeof CaseActionInput>;

export const EligibilityInput = Type.Omit(CaseInput, ['channel']);
export const LanguageQuery = Type.Object({ language: Type.Optional(LanguageTag) });
export { LanguageTag };
