import type { HeadlineMeasure } from './weekly-report.js';

// Every word the report prints, in one place, so a translation is one more object of this
// shape. English for now; numbers and amounts are formatted with Intl in `locale`.

export const REPORT_LABELS = {
  locale: 'en-GB',
  title: 'Weekly quality report',
  period: 'Period',
  previousPeriod: 'compared with',
  generated: 'Generated',
  currencyNote: 'Amounts in',
  headline: 'Headline',
  measure: 'Measure',
  value: 'This period',
  previous: 'Previous period',
  change: 'Change',
  returnRateByCategory: 'Return rate by category',
  category: 'Category',
  country: 'Country',
  unitsDelivered: 'Units delivered',
  unitsReturned: 'Units returned',
  returnRate: 'Return rate',
  refunded: 'Refunded',
  topReasons: 'Top return reasons',
  reason: 'Reason',
  share: 'Share',
  heatMap: 'Return rate by category and reason',
  countryHeatMap: 'Return rate by country and reason',
  heatMapNote: 'Each cell: return rate (units returned for the reason ÷ units delivered) and units returned.',
  trend: 'Weekly trend (last 12 weeks)',
  week: 'Week (Monday)',
  orders: 'Orders',
  alerts: 'Return-rate spikes and complaint clusters',
  alertSubject: 'Subject',
  alertKind: 'Alert',
  rate: 'Rate',
  baseline: 'Baseline',
  comments: 'Customer comments',
  topSkus: 'SKUs with most units returned',
  sku: 'SKU',
  reviews: 'Customer reviews',
  reviewCount: 'Reviews',
  negativeReviews: 'Negative (score ≤ 2)',
  averageScore: 'Average score',
  sampleComments: 'Sample comments from negative reviews',
  score: 'Score',
  comment: 'Comment',
  date: 'Date',
  noReturns: 'No returns recorded in this period.',
  noAlerts: 'No return-rate spikes or complaint clusters were detected in this period.',
  noReviews: 'No customer reviews in this period.',
  noOrders: 'No orders in this period.',
  noReason: '(no reason given)',
  none: '(none)',
  notAvailable: '–',
  appendix: 'The tables of this report are attached as a workbook (XLSX) and as CSV files.',
  headlineMeasures: {
    orders: 'Orders',
    units_delivered: 'Units delivered',
    units_returned: 'Units returned',
    return_rate: 'Return rate (units)',
    refunded: 'Refunded',
    cases: 'After-sales cases',
    auto_approval_share: 'Decided automatically (target 80 %)',
    sla_attainment: 'SLA attainment',
    csat: 'Customer satisfaction (CSAT)',
    first_response_minutes: 'First response time',
    resolution_minutes: 'Resolution time',
  } satisfies Record<HeadlineMeasure, string>,
  alertKinds: {
    spike: 'Return-rate spike',
    recall: 'Recall check',
    improvement: 'Improvement needed',
    complaint_cluster: 'Complaint cluster',
  } as Record<string, string>,
  subjectKinds: { sku: 'SKU', batch: 'Batch', supplier: 'Supplier', category: 'Category' } as Record<
    string,
    string
  >,
  reasons: {
    quality_defect: 'Quality defect',
    not_as_described: 'Not as described',
    damaged_in_transit: 'Damaged in transit',
    wrong_item: 'Wrong item',
    size_not_fit: 'Size does not fit',
    style_not_expected: 'Style not as expected',
    no_reason: 'Changed mind',
    safety_legal: 'Safety or legal',
    other: 'Other',
  } as Record<string, string>,
  emailSubject: (tenant: string, from: string, to: string) =>
    `${tenant ? `${tenant}: ` : ''}weekly quality report ${from} – ${to}`,
  emailIntro: 'The weekly quality report is attached as PDF, with its tables as a workbook (XLSX).',
};

export type ReportLabels = typeof REPORT_LABELS;

/** A reason code as people read it; unknown codes lose their underscores. */
export function reasonLabel(code: string, labels: ReportLabels = REPORT_LABELS): string {
  if (code === '') return labels.noReason;
  return Object.hasOwn(labels.reasons, code) ? (labels.reasons[code] as string) : code.replaceAll('_', ' ');
}

/** A dimension value that may be empty (no category, no country). */
export function nameOrNone(name: string, labels: ReportLabels = REPORT_LABELS): string {
  return name === '' ? labels.none : name;
}

/** Formatters of one report: amounts in its currency, rates as percent, durations in hours and minutes. */
export function reportFormat(currency: string, labels: ReportLabels = REPORT_LABELS) {
  const integer = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(labels.locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const money = new Intl.NumberFormat(labels.locale, { style: 'currency', currency });
  const missing = (v: number | null | undefined): v is null | undefined => v == null || !Number.isFinite(v);
  const f = {
    integer: (v: number | null | undefined) => (missing(v) ? labels.notAvailable : integer.format(v)),
    decimal: (v: number | null | undefined) => (missing(v) ? labels.notAvailable : decimal.format(v)),
    percent: (v: number | null | undefined) => (missing(v) ? labels.notAvailable : percent.format(v)),
    money: (v: number | null | undefined) => (missing(v) ? labels.notAvailable : money.format(v)),
    minutes: (v: number | null | undefined) => {
      if (missing(v)) return labels.notAvailable;
      const total = Math.round(v);
      if (total < 60) return `${total} min`;
      const hours = Math.floor(total / 60);
      if (hours >= 48) return `${decimal.format(Math.round((total / 1440) * 10) / 10)} d`;
      return total % 60 === 0 ? `${hours} h` : `${hours} h ${total % 60} min`;
    },
  };
  return {
    ...f,
    /** A headline measure in its own unit. */
    measure(measure: HeadlineMeasure, v: number | null | undefined): string {
      switch (measure) {
        case 'return_rate':
        case 'auto_approval_share':
        case 'sla_attainment':
          return f.percent(v);
        case 'refunded':
          return f.money(v);
        case 'csat':
          return f.decimal(v);
        case 'first_response_minutes':
        case 'resolution_minutes':
          return f.minutes(v);
        default:
          return f.integer(v);
      }
    },
    /** The change from `previous` to `value`: points for rates, percent for counts and amounts. */
    change(measure: HeadlineMeasure, value: number | null, previous: number | null): string {
      if (missing(value) || missing(previous)) return labels.notAvailable;
      if (measure === 'return_rate' || measure === 'auto_approval_share' || measure === 'sla_attainment') {
        const points = (value - previous) * 100;
        return `${points >= 0 ? '+' : '−'}${decimal.format(Math.abs(Math.round(points * 10) / 10))} pt`;
      }
      if (measure === 'csat')
        return `${value >= previous ? '+' : '−'}${decimal.format(Math.abs(value - previous))}`;
      if (previous === 0) return labels.notAvailable;
      const ratio = (value - previous) / Math.abs(previous);
      return `${ratio >= 0 ? '+' : '−'}${percent.format(Math.abs(ratio))}`;
    },
  };
}
export type ReportFormat = ReturnType<typeof reportFormat>;
