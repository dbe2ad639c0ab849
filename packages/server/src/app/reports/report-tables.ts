import type { ExportTable } from '../../exports/index.js';
import { nameOrNone, REPORT_LABELS, type ReportLabels, reasonLabel } from './report-labels.js';
import { HEADLINE_MEASURES, type HeatMap, type WeeklyQualityReport } from './weekly-report.js';

/** A table of the appendix with the slug its CSV file and API path are named by. */
export interface ReportTable extends ExportTable {
  slug: string;
}

/**
 * Every table of the report, as the appendix (XLSX sheets, CSV files) carries it: raw
 * numbers (rates as fractions, amounts in major units of the reporting currency), so a
 * spreadsheet can compute on them.
 */
export function reportTables(
  report: WeeklyQualityReport,
  labels: ReportLabels = REPORT_LABELS,
): ReportTable[] {
  const L = labels;
  const money = `${L.refunded} (${report.currency})`;
  const tables: ReportTable[] = [
    {
      slug: 'headline',
      name: L.headline,
      columns: [
        { key: 'measure', title: L.measure },
        { key: 'code', title: 'Code' },
        { key: 'value', title: L.value, type: 'number' },
        { key: 'previous', title: L.previous, type: 'number' },
      ],
      rows: HEADLINE_MEASURES.map((m) => ({
        measure: m === 'refunded' ? money : L.headlineMeasures[m],
        code: m,
        value: report.headline[m].value,
        previous: report.headline[m].previous,
      })),
    },
    {
      slug: 'return-rate-by-category',
      name: L.returnRateByCategory,
      columns: [
        { key: 'category', title: L.category },
        { key: 'unitsDelivered', title: L.unitsDelivered, type: 'number' },
        { key: 'unitsReturned', title: L.unitsReturned, type: 'number' },
        { key: 'returnRate', title: L.returnRate, type: 'percent' },
        { key: 'refunded', title: money, type: 'money' },
      ],
      rows: report.returnRateByCategory.map((c) => ({ ...c, category: nameOrNone(c.category, L) })),
    },
    {
      slug: 'top-reasons',
      name: L.topReasons,
      columns: [
        { key: 'reason', title: L.reason },
        { key: 'code', title: 'Code' },
        { key: 'unitsReturned', title: L.unitsReturned, type: 'number' },
        { key: 'share', title: L.share, type: 'percent' },
      ],
      rows: report.topReasons.map((r) => ({ ...r, reason: reasonLabel(r.reason, L), code: r.reason })),
    },
    heatMapTable('heat-map-category-reason', L.heatMap, L.category, report.heatMap, L),
    heatMapTable('heat-map-country-reason', L.countryHeatMap, L.country, report.countryHeatMap, L),
    {
      slug: 'weekly-trend',
      name: L.trend,
      columns: [
        { key: 'week', title: L.week, type: 'date' },
        { key: 'orders', title: L.orders, type: 'number' },
        { key: 'unitsDelivered', title: L.unitsDelivered, type: 'number' },
        { key: 'unitsReturned', title: L.unitsReturned, type: 'number' },
        { key: 'returnRate', title: L.returnRate, type: 'percent' },
        { key: 'refunded', title: money, type: 'money' },
      ],
      rows: report.trend.map((w) => ({ ...w })),
    },
    {
      slug: 'alerts',
      name: L.alerts,
      columns: [
        { key: 'kind', title: L.alertKind },
        { key: 'subjectKind', title: 'Subject kind' },
        { key: 'subject', title: L.alertSubject },
        { key: 'unitsReturned', title: L.unitsReturned, type: 'number' },
        { key: 'unitsDelivered', title: L.unitsDelivered, type: 'number' },
        { key: 'rate', title: L.rate, type: 'percent' },
        { key: 'baselineRate', title: L.baseline, type: 'percent' },
        { key: 'topReasons', title: L.topReasons },
        { key: 'comments', title: L.comments },
      ],
      rows: report.alerts.map((a) => ({
        ...a,
        kind: L.alertKinds[a.kind] ?? a.kind,
        topReasons: a.topReasons.map((r) => reasonLabel(r, L)).join('; '),
        comments: a.comments.join(' | '),
      })),
    },
    {
      slug: 'top-skus',
      name: L.topSkus,
      columns: [
        { key: 'sku', title: L.sku },
        { key: 'category', title: L.category },
        { key: 'unitsDelivered', title: L.unitsDelivered, type: 'number' },
        { key: 'unitsReturned', title: L.unitsReturned, type: 'number' },
        { key: 'returnRate', title: L.returnRate, type: 'percent' },
        { key: 'topReasons', title: L.topReasons },
      ],
      rows: report.topSkus.map((s) => ({
        ...s,
        category: nameOrNone(s.category, L),
        topReasons: s.topReasons.map((r) => `${reasonLabel(r.reason, L)} (${r.unitsReturned})`).join('; '),
      })),
    },
  ];
  if (report.reviews) {
    tables.push(
      {
        slug: 'reviews-by-category',
        name: L.reviews,
        columns: [
          { key: 'category', title: L.category },
          { key: 'reviews', title: L.reviewCount, type: 'number' },
          { key: 'negative', title: L.negativeReviews, type: 'number' },
          { key: 'averageScore', title: L.averageScore, type: 'number' },
        ],
        rows: report.reviews.byCategory.map((c) => ({ ...c, category: nameOrNone(c.category, L) })),
      },
      {
        slug: 'negative-review-comments',
        name: L.sampleComments,
        columns: [
          { key: 'category', title: L.category },
          { key: 'score', title: L.score, type: 'number' },
          { key: 'reviewedAt', title: L.date, type: 'date' },
          { key: 'comment', title: L.comment },
        ],
        rows: report.reviews.samples.map((s) => ({
          ...s,
          category: nameOrNone(s.category, L),
          reviewedAt: s.reviewedAt.slice(0, 10),
        })),
      },
    );
  }
  return tables;
}

function heatMapTable(
  slug: string,
  name: string,
  rowTitle: string,
  map: HeatMap,
  L: ReportLabels,
): ReportTable {
  return {
    slug,
    name,
    columns: [
      { key: 'row', title: rowTitle },
      { key: 'reason', title: L.reason },
      { key: 'unitsReturned', title: L.unitsReturned, type: 'number' },
      { key: 'returnRate', title: L.returnRate, type: 'percent' },
    ],
    rows: map.cells.map((c) => ({ ...c, row: nameOrNone(c.row, L), reason: reasonLabel(c.reason, L) })),
  };
}
