import { type Static, type TOptional, Type } from '@sinclair/typebox';

/** A store-local calendar day. */
const day = (description = 'A day, YYYY-MM-DD') =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
export const CalendarDay = day();

/** A list in a query string: repeated (`?sku=a&sku=b`) or comma-separated (`?sku=a,b`). */
const list = (description: string) =>
  Type.Union(
    [Type.String({ maxLength: 4000 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500 })],
    {
      description,
    },
  );

/** What measures can be filtered and grouped by (docs/metrics.md). */
export const MEASURE_DIMENSIONS = [
  'store',
  'country',
  'channel',
  'category',
  'sku',
  'supplier',
  'batch',
  'reason',
  'kind',
  'team',
  'agent',
] as const;

const filterFields = Object.fromEntries(
  MEASURE_DIMENSIONS.map((d) => [
    d,
    Type.Optional(list(`Only these ${d} values ('' = none); repeat or comma-separate.`)),
  ]),
) as Record<(typeof MEASURE_DIMENSIONS)[number], TOptional<ReturnType<typeof list>>>;

const Period = {
  from: day('First day (inclusive), in each store’s time zone'),
  to: day('Day after the last (exclusive)'),
};

export const MeasuresQuery = Type.Object(
  {
    ...Period,
    measures: list('Measure names, see docs/metrics.md'),
    groupBy: Type.Optional(list('Dimensions and at most one of day, week, month')),
    currency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$', description: 'Reporting currency' })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')])),
    ...filterFields,
  },
  { additionalProperties: false },
);
export type MeasuresQuery = Static<typeof MeasuresQuery>;

export const MeasuresView = Type.Object({
  from: CalendarDay,
  to: CalendarDay,
  currency: Type.String(),
  rows: Type.Array(
    Type.Object({
      key: Type.Record(Type.String(), Type.String()),
      values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
    }),
  ),
  notes: Type.Array(Type.String()),
  sources: Type.Array(Type.String(), { description: 'The rollup tables read' }),
});
export type MeasuresView = Static<typeof MeasuresView>;

export const HeatMapQuery = Type.Object(
  {
    ...Period,
    rows: Type.Optional(
      Type.Union([Type.Literal('category'), Type.Literal('country')], { default: 'category' }),
    ),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')])),
    ...filterFields,
  },
  { additionalProperties: false },
);
export type HeatMapQuery = Static<typeof HeatMapQuery>;

const Rate = Type.Union([Type.Number(), Type.Null()]);
export const HeatMapView = Type.Object({
  from: CalendarDay,
  to: CalendarDay,
  rows: Type.Union([Type.Literal('category'), Type.Literal('country')]),
  columns: Type.Array(Type.String(), { description: 'Return reasons, most returned first' }),
  cells: Type.Array(
    Type.Object({
      row: Type.String(),
      reason: Type.String(),
      unitsReturned: Type.Integer(),
      unitsDelivered: Type.Integer(),
      returnRate: Rate,
    }),
  ),
  totals: Type.Array(
    Type.Object({
      row: Type.String(),
      unitsReturned: Type.Integer(),
      unitsDelivered: Type.Integer(),
      returnRate: Rate,
    }),
  ),
});
export type HeatMapView = Static<typeof HeatMapView>;

export const CasesBehindQuery = Type.Object(
  {
    ...Period,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')])),
    ...filterFields,
  },
  { additionalProperties: false },
);
export type CasesBehindQuery = Static<typeof CasesBehindQuery>;

export const CaseBehind = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  kind: Type.String(),
  status: Type.String(),
  channel: Type.String(),
  store: Type.String(),
  country: Type.String(),
  team: Type.String(),
  agent: Type.String(),
  createdAt: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(
    Type.Object({
      sku: Type.String(),
      category: Type.String(),
      supplier: Type.String(),
      batch: Type.String(),
      reason: Type.String(),
      quantity: Type.Integer(),
    }),
  ),
});
export const CasesBehindView = Type.Object({
  items: Type.Array(CaseBehind),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type CasesBehindView = Static<typeof CasesBehindView>;

export const ExchangeRateInput = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    // Stored with ten decimals (numeric(20, 10)): a smaller rate would be kept as 0.
    rate: Type.Number({
      minimum: 1e-10,
      maximum: 1e9,
      description: 'Units of the reporting currency per unit of `currency`, kept to ten decimals',
    }),
    validFrom: CalendarDay,
  },
  { additionalProperties: false },
);
export const ExchangeRatesInput = Type.Object(
  {
    reportingCurrency: Type.String({ pattern: '^[A-Z]{3}$', description: 'Becomes the tenant’s default' }),
    rates: Type.Array(ExchangeRateInput, { maxItems: 5000 }),
  },
  { additionalProperties: false },
);
export type ExchangeRatesInput = Static<typeof ExchangeRatesInput>;
export const ExchangeRatesView = Type.Object({
  reportingCurrency: Type.String(),
  rates: Type.Array(Type.Object({ currency: Type.String(), rate: Type.Number(), validFrom: CalendarDay })),
});
export type ExchangeRatesView = Static<typeof ExchangeRatesView>;
