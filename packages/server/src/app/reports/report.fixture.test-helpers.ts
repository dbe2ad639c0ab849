import type { WeeklyQualityReport } from './weekly-report.js';

/** A small, hand-written report with every section filled and text that must be escaped. */
export function fixtureReport(overrides: Partial<WeeklyQualityReport> = {}): WeeklyQualityReport {
  const trend = Array.from({ length: 12 }, (_, i) => {
    const week = new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10);
    const unitsDelivered = 100 + i * 10;
    const unitsReturned = i === 11 ? 18 : 5 + (i % 3);
    return {
      week,
      orders: 80 + i,
      unitsDelivered,
      unitsReturned,
      returnRate: unitsReturned / unitsDelivered,
      refunded: unitsReturned * 25.5,
    };
  });
  return {
    tenantName: 'Acme <Outdoor> & Co',
    period: { from: '2026-03-23', to: '2026-03-30' },
    previousPeriod: { from: '2026-03-16', to: '2026-03-23' },
    currency: 'EUR',
    generatedAt: '2026-03-30T06:05:00.000Z',
    headline: {
      orders: { value: 91, previous: 90 },
      units_delivered: { value: 210, previous: 200 },
      units_returned: { value: 18, previous: 7 },
      return_rate: { value: 18 / 210, previous: 7 / 200 },
      refunded: { value: 1234.5, previous: 178.5 },
      cases: { value: 15, previous: 6 },
      auto_approval_share: { value: 0.8, previous: 0.75 },
      sla_attainment: { value: 0.9, previous: null },
      csat: { value: 4.2, previous: 4.5 },
      first_response_minutes: { value: 95, previous: 40 },
      resolution_minutes: { value: 3000, previous: null },
    },
    returnRateByCategory: [
      {
        category: 'Tents <script>alert(1)</script>',
        unitsDelivered: 60,
        unitsReturned: 12,
        returnRate: 0.2,
        refunded: 900,
      },
      { category: 'Boots', unitsDelivered: 150, unitsReturned: 6, returnRate: 0.04, refunded: 334.5 },
      { category: '', unitsDelivered: 10, unitsReturned: 0, returnRate: 0, refunded: null },
    ],
    topReasons: [
      { reason: 'quality_defect', unitsReturned: 10, share: 10 / 18 },
      { reason: 'size_not_fit', unitsReturned: 6, share: 6 / 18 },
      { reason: 'custom_reason', unitsReturned: 2, share: 2 / 18 },
    ],
    heatMap: {
      rows: ['Tents <script>alert(1)</script>', 'Boots'],
      reasons: ['quality_defect', 'size_not_fit', 'custom_reason'],
      cells: [
        {
          row: 'Tents <script>alert(1)</script>',
          reason: 'quality_defect',
          unitsReturned: 10,
          returnRate: 10 / 60,
        },
        {
          row: 'Tents <script>alert(1)</script>',
          reason: 'custom_reason',
          unitsReturned: 2,
          returnRate: 2 / 60,
        },
        { row: 'Boots', reason: 'size_not_fit', unitsReturned: 6, returnRate: 0.04 },
      ],
    },
    countryHeatMap: {
      rows: ['DE', 'FR'],
      reasons: ['quality_defect', 'size_not_fit'],
      cells: [
        { row: 'DE', reason: 'quality_defect', unitsReturned: 10, returnRate: 0.1 },
        { row: 'FR', reason: 'size_not_fit', unitsReturned: 6, returnRate: 0.06 },
      ],
    },
    trend,
    alerts: [
      {
        subjectKind: 'sku',
        subject: 'TENT-2P',
        kind: 'spike',
        rate: 0.2,
        baselineRate: 0.03,
        unitsReturned: 12,
        unitsDelivered: 60,
        topReasons: ['quality_defect'],
        comments: ['The pole snapped on the "first" night & the seam leaks'],
      },
    ],
    topSkus: [
      {
        sku: 'TENT-2P',
        category: 'Tents <script>alert(1)</script>',
        unitsDelivered: 60,
        unitsReturned: 12,
        returnRate: 0.2,
        topReasons: [
          { reason: 'quality_defect', unitsReturned: 10 },
          { reason: 'custom_reason', unitsReturned: 2 },
        ],
      },
    ],
    reviews: {
      reviews: 40,
      negative: 5,
      averageScore: 4.1,
      byCategory: [
        { category: 'Tents <script>alert(1)</script>', reviews: 20, negative: 4, averageScore: 3.2 },
      ],
      samples: [
        {
          category: 'Tents <script>alert(1)</script>',
          score: 1,
          comment: 'Leaks <b>badly</b> — 帐篷漏水',
          reviewedAt: '2026-03-25T10:00:00.000Z',
        },
      ],
    },
    ...overrides,
  };
}

/** The same report for a quiet week: no returns, no alerts, no reviews. */
export function quietReport(): WeeklyQualityReport {
  const base = fixtureReport();
  const zero = { value: 0, previous: 0 };
  return fixtureReport({
    headline: { ...base.headline, units_returned: zero, return_rate: zero, refunded: zero, cases: zero },
    returnRateByCategory: [
      { category: 'Boots', unitsDelivered: 150, unitsReturned: 0, returnRate: 0, refunded: null },
    ],
    topReasons: [],
    heatMap: { rows: [], reasons: [], cells: [] },
    countryHeatMap: { rows: [], reasons: [], cells: [] },
    trend: base.trend.map((w) => ({ ...w, unitsReturned: 0, returnRate: 0, refunded: 0 })),
    alerts: [],
    topSkus: [],
    reviews: null,
  });
}
