import { type Static, Type } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.js';

const ReportDay = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar day, YYYY-MM-DD',
});

/** The period of a report: days in each store's own time zone, `to` exclusive (a week: Monday to Monday). */
export const ReportPeriodInput = Type.Object(
  {
    from: ReportDay,
    to: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Exclusive: the day after the last one, YYYY-MM-DD',
    }),
  },
  { additionalProperties: false },
);
export type ReportPeriodInput = Static<typeof ReportPeriodInput>;

const NumberOrNull = Type.Union([Type.Number(), Type.Null()]);
const Figure = Type.Object({ value: NumberOrNull, previous: NumberOrNull });

export const ReportView = Type.Object({
  id: Uuid,
  kind: Type.String({ enum: ['weekly'] }),
  from: ReportDay,
  to: ReportDay,
  currency: Type.String({ description: 'The reporting currency of every amount' }),
  summary: Type.Object(
    {
      tenantName: Type.String(),
      currency: Type.String(),
      headline: Type.Record(Type.String(), Figure, {
        description: 'Headline measures (docs/metrics.md): this period and the one before',
      }),
      alerts: Type.Integer(),
      reviews: Type.Union([Type.Object({ reviews: Type.Integer(), negative: Type.Integer() }), Type.Null()]),
    },
    { additionalProperties: true },
  ),
  generatedAt: IsoDateTime,
  mailedAt: Type.Union([IsoDateTime, Type.Null()]),
  mailedTo: Type.Integer({ description: 'Subscribers the report was mailed to' }),
  files: Type.Object({
    html: Type.String(),
    pdf: Type.String(),
    xlsx: Type.String(),
    csv: Type.Array(Type.Object({ table: Type.String(), title: Type.String(), url: Type.String() })),
  }),
});
export type ReportView = Static<typeof ReportView>;

export const ReportListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);

export const ReportSubscriptionInput = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254, format: 'email' }) },
  { additionalProperties: false },
);
export type ReportSubscriptionInput = Static<typeof ReportSubscriptionInput>;

export const ReportSubscriptionView = Type.Object({
  id: Uuid,
  email: Type.String(),
  active: Type.Boolean(),
  createdAt: IsoDateTime,
});
export type ReportSubscriptionView = Static<typeof ReportSubscriptionView>;
