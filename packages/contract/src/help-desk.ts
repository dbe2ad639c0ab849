import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ChannelSchema } from './cases.js';
import { IsoDateTime, LanguageTag, Uuid } from './common.js';

// The help desk's set-up: service levels, wording rules, calendars, teams, agents' routing
// profiles, macros and inboxes. Inputs refuse unknown fields, so a misspelt one is an error
// rather than silently ignored.

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});
const Name = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const LANGUAGE_OR_ANY = '^(\\*|[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*)$';
const LANGUAGE_KEY = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$';

// --- settings ---

const SlaPolicyDocument = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'An SLA policy: { warnShare (0–1, e.g. 0.8), rules: [{ name, when: { kinds?, categories?, priorities? }, targets: { first_response?, next_response?, resolution? } }], escalation: { warning: [actions], breach: [actions] } }. A target is { minutes, clock: "business" | "calendar" } or { businessDays }. Checked by the server; each problem is reported by its path.',
  },
);
export const SlaPolicyInput = Type.Object({ policy: SlaPolicyDocument }, strict);
export const SlaPolicyView = Type.Object({
  policy: SlaPolicyDocument,
  isDefault: Type.Boolean({ description: 'True while the tenant has stored no policy of its own' }),
});

export const ForbiddenPhraseSchema = Type.Object(
  {
    phrase: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words agents must not write; matched as whole words, ignoring case',
    }),
    language: Type.String({
      maxLength: 35,
      pattern: LANGUAGE_OR_ANY,
      description:
        "The language it applies to (BCP 47, matched on its primary subtag) or '*' for every language",
    }),
    severity: Type.Union([Type.Literal('block'), Type.Literal('warn')], {
      description: 'block: the reply cannot be sent with it; warn: the agent is asked to look again',
    }),
    suggestion: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'What to write instead' }),
    ),
  },
  strict,
);
export type ForbiddenPhraseInput = Static<typeof ForbiddenPhraseSchema>;
export const ForbiddenPhrasesInput = Type.Object(
  {
    phrases: Type.Array(ForbiddenPhraseSchema, {
      maxItems: 2000,
      description: 'The whole list; replaces the stored one',
    }),
  },
  strict,
);
export const ForbiddenPhrasesView = Type.Object({
  phrases: Type.Array(ForbiddenPhraseSchema),
  isDefault: Type.Boolean({ description: 'True while the tenant uses the built-in list' }),
});

export const VipRuleSchema = Type.Object(
  {
    yearlySpendMinor: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'A customer whose spend over the last year is above this (minor units) is a VIP',
    }),
    orders: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      description: '…or who placed at least this many orders',
    }),
  },
  strict,
);
const helpDeskSettingFields = {
  reopenDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description:
      "A customer's reply within this many days of a case being solved reopens it; a later one opens a new, linked case",
  }),
  surveyOnSolve: Type.Boolean({ description: 'Send a satisfaction survey when a case is solved' }),
  vipRule: VipRuleSchema,
  autoAcknowledge: Type.Boolean({
    description: 'Tell a customer who writes in that the message arrived and when to expect an answer',
  }),
  publicBaseUrl: Nullable(
    Type.String({ maxLength: 500, pattern: '^https?://[^\\s/?#]+[^\\s]*$' }),
    "The address customers reach the portal at, for links in mails; null: the server's own",
  ),
  selfService: Type.Object(
    {
      enabled: Type.Boolean({
        description:
          'Answer "where is my parcel", "what is your return policy", "where is my refund" and questions a knowledge-base article answers at once, from live data',
      }),
      minConfidence: Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'Below this confidence in the intent, the message goes to an agent instead',
      }),
    },
    strict,
  ),
  refundBusinessDays: Type.Integer({
    minimum: 0,
    maximum: 60,
    description:
      "Business days a refund takes to reach the customer: the expected date customers are told, and the limit agents' promises are checked against",
  }),
};
export const HelpDeskSettingsView = Type.Object(helpDeskSettingFields);
export type HelpDeskSettingsView = Static<typeof HelpDeskSettingsView>;
export const HelpDeskSettingsPatch = Type.Partial(Type.Object(helpDeskSettingFields), {
  ...strict,
  minProperties: 1,
  description: 'The settings to change; the others stay',
});
export type HelpDeskSettingsPatch = Static<typeof HelpDeskSettingsPatch>;

// --- business calendars ---

const CalendarSpecDocument = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'A business calendar: { timeZone (IANA), week: { mon: [["09:00", "18:00"]], … }, holidays?: { country, region? } | null, closures?: [{ from, to, name? }], workingDates?: [{ date, asWeekday? }] }. Checked by the server; each problem is reported by its path.',
  },
);
export const CalendarInput = Type.Object(
  { name: Name('Unique within the tenant, e.g. "EU office hours"'), spec: CalendarSpecDocument },
  strict,
);
export type CalendarInput = Static<typeof CalendarInput>;
export const CalendarView = Type.Object({
  id: Uuid,
  name: Type.String(),
  spec: CalendarSpecDocument,
  storeIds: Type.Array(Uuid, { description: 'The stores whose service levels run on this calendar' }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export const StoreCalendarInput = Type.Object(
  {
    calendarId: Nullable(
      Uuid,
      "The calendar the store's service levels run on; null: Mon–Fri 09–18 in the store's zone with its country's holidays",
    ),
  },
  strict,
);
export const StoreCalendarView = Type.Object({ storeId: Uuid, calendarId: Nullable(Uuid) });
export const StoreView = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  country: Type.String(),
  currency: Type.String(),
  timeZone: Type.String(),
  languages: Type.Array(Type.String()),
  calendarId: Nullable(Uuid, 'The calendar its service levels run on; null: its country’s default hours'),
});
export const StoreList = Type.Object({ items: Type.Array(StoreView) });

// --- teams and agents ---

export const TeamInput = Type.Object({ name: Name('Unique within the tenant') }, strict);
export const TeamView = Type.Object({
  id: Uuid,
  name: Type.String(),
  memberCount: Type.Integer({ description: 'Agents in the team' }),
  createdAt: IsoDateTime,
});

export const PresenceSchema = Type.Union(
  [Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')],
  { description: 'Only online agents get new cases' },
);
export type Presence = Static<typeof PresenceSchema>;
const routingFields = {
  teamId: Nullable(Uuid, 'The team whose queue the agent works'),
  isLead: Type.Boolean({ description: "Leads take upset customers first and their team's escalations" }),
  languages: Type.Array(LanguageTag, {
    maxItems: 20,
    uniqueItems: true,
    description: 'Languages the agent answers in (matched on the primary subtag: zh serves zh-CN)',
  }),
  skills: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
    maxItems: 30,
    uniqueItems: true,
    description: 'Case kinds and categories the agent handles; empty: all',
  }),
  channels: Type.Array(ChannelSchema, {
    maxItems: 6,
    uniqueItems: true,
    description: 'Channels worked; empty: all',
  }),
  capacity: Type.Integer({ minimum: 0, maximum: 1000, description: 'Open cases the agent holds at most' }),
  presence: PresenceSchema,
};
export const AgentView = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
  ...routingFields,
  openCases: Type.Integer({ description: 'Cases assigned to the agent and not closed' }),
});
export type AgentView = Static<typeof AgentView>;
export const AgentInput = Type.Object(
  {
    email: Type.String({
      format: 'email',
      maxLength: 320,
      description: 'The login; unique across all shops',
    }),
    name: Name('Shown to colleagues and, on replies, to customers'),
    role: Type.Union(
      ['agent', 'logistics', 'quality', 'manager', 'admin'].map((r) => Type.Literal(r)),
      { description: 'What they may do (see GET /auth/me permissions)' },
    ),
    password: Type.String({ minLength: 12, maxLength: 1000 }),
    teamId: Type.Optional(routingFields.teamId),
    languages: Type.Optional(routingFields.languages),
    skills: Type.Optional(routingFields.skills),
  },
  strict,
);
export type AgentInput = Static<typeof AgentInput>;
export const AgentProfilePatch = Type.Partial(Type.Object(routingFields), {
  ...strict,
  minProperties: 1,
  description: 'The routing fields to change; the others stay',
});
export type AgentProfilePatch = Static<typeof AgentProfilePatch>;
export const PresenceInput = Type.Object({ presence: PresenceSchema }, strict);

// --- macros ---

export const MacroVariantSchema = Type.Object(
  {
    subject: Type.Optional(Type.String({ maxLength: 500, description: 'For e-mail replies' })),
    body: Type.String({
      minLength: 1,
      maxLength: 20_000,
      description: 'The reply; {{customer.name}}, {{order.number}}, {{case.number}} … are filled in',
    }),
  },
  strict,
);
export const MacroInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Unique within the tenant' }),
    category: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 100 }), 'For grouping in the console'),
    ),
    variants: Type.Record(Type.String({ pattern: LANGUAGE_KEY }), MacroVariantSchema, {
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 50,
      description: 'The text per language tag, e.g. { "en": {…}, "zh-CN": {…} }; at least one',
    }),
  },
  strict,
);
export type MacroInput = Static<typeof MacroInput>;
export const MacroView = Type.Object({
  id: Uuid,
  name: Type.String(),
  category: Nullable(Type.String()),
  variants: Type.Record(Type.String(), MacroVariantSchema),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

// --- inboxes ---

export const InboxChannelSchema = Type.Union(
  [Type.Literal('email'), Type.Literal('chat'), Type.Literal('web')],
  {
    description: 'email inboxes receive mail at their address; chat and web inboxes have none',
  },
);
const inboxFields = {
  name: Name('Shown to agents'),
  address: Nullable(
    Type.String({ format: 'email', maxLength: 320 }),
    'The e-mail address (email inboxes only); unique across all tenants',
  ),
  storeId: Nullable(Uuid, 'The store its conversations belong to'),
  teamId: Nullable(Uuid, 'The team its conversations are routed to'),
};
export const InboxInput = Type.Object(
  {
    channel: InboxChannelSchema,
    name: inboxFields.name,
    address: Type.Optional(inboxFields.address),
    storeId: Type.Optional(inboxFields.storeId),
    teamId: Type.Optional(inboxFields.teamId),
  },
  strict,
);
export type InboxInput = Static<typeof InboxInput>;
export const InboxPatch = Type.Partial(Type.Object(inboxFields), {
  ...strict,
  minProperties: 1,
  description: 'The fields to change; the channel cannot change',
});
export type InboxPatch = Static<typeof InboxPatch>;
export const InboxView = Type.Object({
  id: Uuid,
  channel: InboxChannelSchema,
  ...inboxFields,
  name: Type.String(),
  createdAt: IsoDateTime,
});
export type InboxView = Static<typeof InboxView>;
