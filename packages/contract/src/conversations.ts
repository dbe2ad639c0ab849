import { type Static, Type } from '@sinclair/typebox';
import { ChannelSchema } from './cases.js';
import { IsoDateTime, LanguageTag, Uuid } from './common.js';

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );

export const ConversationKindSchema = literals(
  ['inquiry', 'complaint', 'logistics', 'dispute'],
  'What the customer wants: a question, a complaint, a delivery problem, a dispute',
);
export const CategorySchema = literals(
  ['consultation', 'complaint', 'after_sales', 'logistics', 'quality', 'other'],
  'How the question is classified to route it (R-8.2); defaults from the kind',
);
export const ComplaintTypeSchema = literals(
  ['quality', 'not_as_described', 'logistics', 'policy', 'service'],
  'What a complaint is about (R-10.1)',
);
const Body = Type.String({ minLength: 1, maxLength: 50_000 });
const ClientMessageId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: "The client's own id for the message: sending it again returns the first copy",
});
const AttachmentIds = Type.Array(Uuid, {
  maxItems: 10,
  uniqueItems: true,
  description: 'Files uploaded with POST /evidence, attached to the message',
});

/** Someone writing in who may not be a known customer yet. */
export const ContactInput = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    language: Type.Optional(LanguageTag),
  },
  { additionalProperties: false },
);

export const ConversationInput = Type.Object(
  {
    kind: ConversationKindSchema,
    category: Type.Optional(CategorySchema),
    complaintType: Type.Optional(ComplaintTypeSchema),
    subject: Type.Optional(Type.String({ maxLength: 300 })),
    body: Body,
    channel: Type.Optional(ChannelSchema),
    language: Type.Optional(LanguageTag),
    customerId: Type.Optional(Uuid),
    customer: Type.Optional(ContactInput),
    orderId: Type.Optional(Uuid),
    relatedCaseId: Type.Optional(
      Type.Union([Uuid], { description: 'The return this complaint or dispute is about' }),
    ),
    storeId: Type.Optional(Uuid),
    clientMessageId: Type.Optional(ClientMessageId),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type ConversationInput = Static<typeof ConversationInput>;

export const MessageInput = Type.Object(
  {
    direction: Type.Optional(
      literals(
        ['outbound', 'note', 'inbound'],
        'outbound: a reply to the customer (default for staff); note: internal, never sent; inbound: a contact the agent logs (phone, social). Customers always write inbound.',
      ),
    ),
    channel: Type.Optional(ChannelSchema),
    subject: Type.Optional(Type.String({ maxLength: 300 })),
    body: Type.Optional(Body),
    macroId: Type.Optional(Type.Union([Uuid], { description: 'Render this macro as the body' })),
    clientMessageId: Type.Optional(ClientMessageId),
    attachmentIds: Type.Optional(AttachmentIds),
    acknowledgeWarnings: Type.Optional(
      Type.Boolean({ description: 'Send although the reply check warned (blocked phrases never pass)' }),
    ),
  },
  { additionalProperties: false },
);
export type MessageInput = Static<typeof MessageInput>;

export const AttachmentView = Type.Object({
  id: Uuid,
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
});

export const MessageTriageView = Type.Object({
  intent: Type.String(),
  intentConfidence: Type.Number({ description: 'Calibrated probability of the intent, 0..1' }),
  intentModel: Type.Union([Type.Literal('shipped'), Type.Literal('tenant')], {
    description: "Which model named the intent: the one Afterdesk ships, or the shop's own (blended with it)",
  }),
  intents: Type.Array(Type.Object({ label: Type.String(), confidence: Type.Number() }), {
    description: 'The three likeliest intents',
  }),
  sentiment: Type.Number({ minimum: -1, maximum: 1 }),
  emotions: Type.Array(Type.String()),
  language: Type.Object({ language: Type.String(), confidence: Type.Number() }),
  category: Type.String({ description: 'The case category the intent suggests' }),
  cues: Type.Array(Type.String(), { description: 'The words that moved the sentiment' }),
  label: Type.Optional(
    Type.Object(
      { intent: Type.Optional(Type.String()), sentiment: Type.Optional(Type.String()) },
      {
        description: "The agent's correction, when given",
      },
    ),
  ),
});

export const MessageView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  seq: Type.Integer({ description: 'Position in the case conversation, from 1' }),
  direction: Type.String(),
  channel: Type.String(),
  authorType: Type.String(),
  authorId: Type.Union([Type.String(), Type.Null()]),
  authorName: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  language: Type.Union([Type.String(), Type.Null()]),
  automated: Type.Union([Type.String(), Type.Null()]),
  deliveryState: Type.Union([Type.String(), Type.Null()]),
  clientMessageId: Type.Union([Type.String(), Type.Null()]),
  attachments: Type.Array(AttachmentView),
  triage: Type.Union([MessageTriageView, Type.Null()], {
    description: 'What triage read in an inbound message; null for others',
  }),
  createdAt: IsoDateTime,
});
export type MessageView = Static<typeof MessageView>;

export const ReplyFindingView = Type.Object({
  kind: Type.String({
    description:
      'forbidden_phrase, missing_greeting, missing_closing, language_mismatch, promise_contradicts_policy or promise_contradicts_case',
  }),
  severity: Type.String({ description: 'block: cannot be sent; warn: look again' }),
  messageKey: Type.String({ description: 'reply.<kind>, for the console to translate' }),
  message: Type.String({ description: 'What is wrong, in English' }),
  phrase: Type.Optional(
    Type.String({ description: 'The forbidden phrase as listed, or the promise as written' }),
  ),
  index: Type.Optional(Type.Integer({ description: 'UTF-16 offset in the reply, for highlighting' })),
  length: Type.Optional(Type.Integer()),
  suggestion: Type.Optional(Type.String()),
});

/** What POST /cases/:id/messages returns: the message, and any warnings the check raised. */
export const PostedMessage = Type.Object({
  message: MessageView,
  warnings: Type.Array(ReplyFindingView),
  duplicate: Type.Boolean({ description: 'True when the clientMessageId was already stored' }),
});

export const MessageListQuery = Type.Object(
  {
    after: Type.Integer({ minimum: 0, default: 0, description: 'Only messages with a higher seq' }),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);

export const ReplyCheckInput = Type.Object(
  {
    body: Body,
    language: Type.Optional(LanguageTag),
    caseId: Type.Optional(
      Type.Union([Uuid], {
        description:
          "The case the reply is for: adds the greeting, closing, language and promise checks against the customer's language, the policy and the case",
      }),
    ),
  },
  { additionalProperties: false },
);
export const ReplyCheckResult = Type.Object({
  blocked: Type.Boolean(),
  language: Type.String(),
  findings: Type.Array(ReplyFindingView),
  promises: Type.Array(
    Type.Object({
      thing: Type.String({ description: 'refund, replacement, shipment, pickup or response' }),
      within: Type.Object({ amount: Type.Number(), unit: Type.String() }),
      index: Type.Integer(),
      length: Type.Integer(),
    }),
    { description: 'Timed promises found; recorded when the reply is sent, and checked when they fall due' },
  ),
});

export const CustomerTimelineItem = Type.Object({
  kind: Type.Union([Type.Literal('message'), Type.Literal('event')]),
  caseId: Uuid,
  caseNumber: Type.Integer(),
  at: IsoDateTime,
  message: Type.Optional(MessageView),
  event: Type.Optional(
    Type.Object({
      id: Type.Integer(),
      type: Type.String(),
      actorType: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
      data: Type.Object({}, { additionalProperties: true }),
    }),
  ),
});

export const MergeInput = Type.Object(
  { intoCaseId: Uuid, reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const LinkInput = Type.Object(
  {
    caseId: Uuid,
    relation: Type.Optional(literals(['related', 'duplicate_of'])),
  },
  { additionalProperties: false },
);
export const AssignInput = Type.Object(
  {
    assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    auto: Type.Optional(Type.Boolean({ description: 'Let routing choose (skills, language, load)' })),
  },
  { additionalProperties: false },
);

/** The public contact form of a shop's web site. */
export const WebFormInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 320 }),
    subject: Type.Optional(Type.String({ maxLength: 300 })),
    message: Body,
    orderNumber: Type.Optional(Type.String({ maxLength: 100 })),
    language: Type.Optional(LanguageTag),
    kind: Type.Optional(ConversationKindSchema),
  },
  { additionalProperties: false },
);
