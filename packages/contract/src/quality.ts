import { type Static, Type } from '@sinclair/typebox';
import { CurrencyCode, IsoDateTime, Uuid } from './common.js';

const strict = { additionalProperties: false } as const;
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar day, YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

// --- forecasts ---

export const ForecastQuery = Type.Object(
  {
    category: Type.Optional(Type.String({ maxLength: 200, description: 'One category; all when absent' })),
    weeks: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 26, default: 8, description: 'Weeks to forecast' }),
    ),
    history: Type.Optional(
      Type.Integer({
        minimum: 8,
        maximum: 260,
        default: 104,
        description: 'Complete weeks of history to fit on',
      }),
    ),
  },
  strict,
);
export type ForecastQuery = Static<typeof ForecastQuery>;

const ForecastPointView = Type.Object({
  week: Day,
  mean: Type.Number(),
  lower80: Type.Number(),
  upper80: Type.Number(),
  lower95: Type.Number(),
  upper95: Type.Number(),
});
export const ForecastSeriesView = Type.Object({
  category: Type.String(),
  measure: Type.Union([Type.Literal('units_returned'), Type.Literal('return_rate'), Type.Literal('orders')]),
  model: Type.Object({
    seasonal: Type.Boolean(),
    alpha: Type.Number(),
    beta: Type.Number(),
    gamma: Type.Number(),
    phi: Type.Number(),
    sigma: Type.Number(),
  }),
  history: Type.Array(Type.Object({ week: Day, value: Nullable(Type.Number()) })),
  forecast: Type.Array(ForecastPointView),
});
export const ForecastView = Type.Object({
  from: Day,
  to: Day,
  weeks: Type.Integer(),
  method: Type.String(),
  series: Type.Array(ForecastSeriesView),
});

// --- early-warning alerts ---

const AlertKind = Type.Union([Type.Literal('spike'), Type.Literal('complaint_cluster')]);
const AlertStatus = Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('closed')]);
const SubjectType = Type.Union([
  Type.Literal('sku'),
  Type.Literal('batch'),
  Type.Literal('supplier'),
  Type.Literal('category'),
]);

export const AlertsQuery = Type.Object(
  {
    status: Type.Optional(AlertStatus),
    kind: Type.Optional(AlertKind),
    week: Type.Optional(Day),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);
export type AlertsQuery = Static<typeof AlertsQuery>;

export const AlertView = Type.Object({
  id: Uuid,
  kind: AlertKind,
  subjectType: SubjectType,
  subject: Type.String(),
  week: Day,
  events: Type.Integer({ description: 'Returned units (spike) or product complaints (cluster) in the week' }),
  units: Type.Integer({ description: 'Units delivered in the week' }),
  baselineEvents: Type.Integer(),
  baselineUnits: Type.Integer(),
  rate: Type.Number(),
  baselineRate: Type.Number({ description: 'The shrunk baseline the week was tested against' }),
  ratio: Type.Number({ description: 'rate ÷ baselineRate' }),
  pValue: Type.Number(),
  qValue: Type.Number({ description: 'Benjamini–Hochberg adjusted over all subjects tested that week' }),
  plan: Nullable(Type.Union([Type.Literal('recall'), Type.Literal('improvement')])),
  topReasons: Type.Array(Type.Object({ reason: Type.String(), count: Type.Number() })),
  comments: Type.Array(
    Type.Object({
      source: Type.Union([Type.Literal('case'), Type.Literal('message'), Type.Literal('review')]),
      text: Type.String(),
      at: Type.String(),
    }),
  ),
  status: AlertStatus,
  acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type AlertView = Static<typeof AlertView>;

// --- risk ---

export const RiskOrdersQuery = Type.Object(
  {
    from: Day,
    to: Type.Optional(Day),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);
export type RiskOrdersQuery = Static<typeof RiskOrdersQuery>;

export const RiskOrderView = Type.Object({
  orderId: Uuid,
  number: Type.String(),
  placedAt: IsoDateTime,
  totalMinor: Type.Integer(),
  currency: CurrencyCode,
  customerId: Uuid,
  pastComplaints: Type.Integer(),
  reasons: Type.Array(
    Type.Object(
      {
        code: Type.Union([Type.Literal('high_value_order'), Type.Literal('repeat_complainant')]),
        totalMinor: Type.Optional(Type.Integer()),
        currency: Type.Optional(Type.String()),
        thresholdMinor: Type.Optional(Type.Integer()),
        pastComplaints: Type.Optional(Type.Integer()),
        threshold: Type.Optional(Type.Integer()),
      },
      { additionalProperties: false },
    ),
  ),
});

export const RiskCustomersQuery = Type.Object(
  {
    from: Day,
    to: Type.Optional(Day),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 20, description: 'Top N by score' }),
    ),
    flaggedOnly: Type.Optional(Type.Boolean({ default: false })),
  },
  strict,
);
export type RiskCustomersQuery = Static<typeof RiskCustomersQuery>;

export const CustomerRiskView = Type.Object({
  customerId: Uuid,
  name: Nullable(Type.String()),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  flagged: Type.Boolean(),
  reasons: Type.Array(
    Type.Object({ signal: Type.String(), value: Type.Number(), points: Type.Number(), text: Type.String() }),
  ),
  facts: Type.Object({
    unitsBought: Type.Integer(),
    unitsReturned: Type.Integer(),
    valueReturned: Type.Number(),
    contradictedClaims: Type.Integer(),
    inspectedClaims: Type.Integer(),
    sharedAccounts: Type.Integer(),
    pastComplaints: Type.Integer(),
  }),
});

const Signal = Type.Object(
  {
    from: Type.Number({ minimum: 0 }),
    full: Type.Number({ minimum: 0 }),
    weight: Type.Number({ minimum: 0, maximum: 100 }),
  },
  strict,
);
export const RiskSettings = Type.Object(
  {
    orderValue: Type.Number({ exclusiveMinimum: 0, description: 'Major units of the order’s currency' }),
    orderValueByCurrency: Type.Record(
      Type.String({ pattern: '^[A-Z]{3}$' }),
      Type.Number({ exclusiveMinimum: 0 }),
    ),
    pastComplaints: Type.Integer({ minimum: 1, maximum: 100 }),
    abuseScore: Type.Number({ minimum: 1, maximum: 100 }),
    minUnitsForShare: Type.Integer({ minimum: 1, maximum: 10_000 }),
    signals: Type.Object(
      {
        return_share: Signal,
        value_returned: Signal,
        contradicted_claims: Signal,
        shared_identity: Signal,
      },
      strict,
    ),
  },
  strict,
);
export type RiskSettings = Static<typeof RiskSettings>;
export const RiskSettingsInput = Type.Partial(RiskSettings, {
  ...strict,
  description: 'The thresholds to store; a field left out takes its default',
});
export type RiskSettingsInput = Static<typeof RiskSettingsInput>;
