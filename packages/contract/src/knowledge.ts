import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

// The knowledge base: help articles a merchant writes per language, read by agents and
// customers and searched by the self-service answers. Inputs refuse unknown fields.

const strict = { additionalProperties: false } as const;
const LANGUAGE_KEY = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$';

// The contract does not depend on the core, so the intents are named in the description;
// the server checks them against the core's list.
const Intent = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-z_]+$',
  description:
    'A triage intent: track_order, shipping_info, delivery_late, delivery_problem, cancel_order, change_order, return_request, exchange_request, refund_request, refund_status, return_policy, product_defect, not_as_described, wrong_item, payment, invoice, account, complaint, contact_human, feedback, other',
});
const Language = (description: string) =>
  Type.String({ minLength: 2, maxLength: 35, pattern: LANGUAGE_KEY, description });

export const KnowledgeArticleInput = Type.Object(
  {
    language: Language('BCP 47 tag of the language the article is written in, e.g. en, zh-CN, pt-BR'),
    title: Type.String({ minLength: 1, maxLength: 200, description: 'What the article answers, in a line' }),
    body: Type.String({ minLength: 1, maxLength: 20_000, description: 'The answer, as plain text' }),
    intents: Type.Optional(
      Type.Array(Intent, {
        maxItems: 10,
        uniqueItems: true,
        description: 'The triage intents the article answers; a message with one of them ranks it higher',
      }),
    ),
    published: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'Customers and the self-service answers see published articles only; false: a draft',
      }),
    ),
  },
  strict,
);
export type KnowledgeArticleInput = Static<typeof KnowledgeArticleInput>;

export const KnowledgeArticleView = Type.Object({
  id: Uuid,
  language: Type.String(),
  title: Type.String(),
  body: Type.String(),
  intents: Type.Array(Type.String()),
  published: Type.Boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type KnowledgeArticleView = Static<typeof KnowledgeArticleView>;

export const KnowledgeArticleListQuery = Type.Object(
  {
    language: Type.Optional(
      Language('Only articles in this language (matched on the primary subtag: zh finds zh-CN)'),
    ),
    intent: Type.Optional(Intent),
    published: Type.Optional(
      Type.Boolean({ description: 'Staff only: true for published articles, false for drafts' }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);
export type KnowledgeArticleListQuery = Static<typeof KnowledgeArticleListQuery>;

export const KnowledgeSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 1000, description: "The customer's question, as written" }),
    language: Language(
      'The language the question is written in; articles in other languages are searched only when none in it matches',
    ),
    intent: Type.Optional(Intent),
    limit: Type.Integer({ minimum: 1, maximum: 10, default: 5 }),
  },
  strict,
);
export type KnowledgeSearchQuery = Static<typeof KnowledgeSearchQuery>;

export const KnowledgeHitView = Type.Object({
  article: KnowledgeArticleView,
  score: Type.Number({
    minimum: 0,
    maximum: 1,
    description:
      'How much of the question the article covers: about 0.5 and above answers it, 0.2 to 0.5 is worth suggesting, below 0.2 is noise',
  }),
  matched: Type.Array(Type.String(), { description: 'The words of the question found in the article' }),
});
export const KnowledgeSearchResult = Type.Object({
  hits: Type.Array(KnowledgeHitView, { description: 'Best first; published articles only' }),
});
export type KnowledgeSearchResult = Static<typeof KnowledgeSearchResult>;
