import { nameOrNone, type ReportFormat, type ReportLabels, reasonLabel } from './report-labels.js';
import {
  HEADLINE_MEASURES,
  type HeatMap,
  type ReportAlert,
  type ReviewSection,
  type WeeklyQualityReport,
} from './weekly-report.js';

/**
 * What the two printed forms of the report (the HTML page and the PDF) show, as formatted
 * text; each only lays it out. The appendix (XLSX, CSV) carries raw numbers instead: see
 * `reportTables`.
 */
export interface PrintedColumn {
  title: string;
  /** A figure: right-aligned. */
  figure?: boolean;
  /** Width on the PDF page, in points; the last column takes what is left. */
  width?: number;
}

export interface PrintedTable {
  columns: PrintedColumn[];
  rows: string[][];
}

/** The last day of a period whose `to` is exclusive. */
export function lastDay(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The line under the title: period, the one compared with, currency, when generated. */
export function periodLine(report: WeeklyQualityReport, L: ReportLabels): string {
  const { period, previousPeriod } = report;
  return `${L.period}: ${period.from} – ${lastDay(period.to)} · ${L.previousPeriod} ${previousPeriod.from} – ${lastDay(previousPeriod.to)} · ${L.currencyNote} ${report.currency} · ${L.generated} ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
}

/** True when the period had any return: otherwise the return sections say so instead. */
export function anyReturns(report: WeeklyQualityReport): boolean {
  return (report.headline.units_returned.value ?? 0) > 0 || report.topReasons.length > 0;
}

export function headlineTable(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels): PrintedTable {
  return {
    columns: [
      { title: L.measure, width: 220 },
      { title: L.value, figure: true, width: 90 },
      { title: L.previous, figure: true, width: 100 },
      { title: L.change, figure: true },
    ],
    rows: HEADLINE_MEASURES.map((m) => {
      const { value, previous } = report.headline[m];
      return [
        L.headlineMeasures[m],
        f.measure(m, value),
        f.measure(m, previous),
        f.change(m, value, previous),
      ];
    }),
  };
}

export function categoryTable(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels): PrintedTable {
  return {
    columns: [
      { title: L.category, width: 180 },
      { title: L.unitsDelivered, figure: true, width: 80 },
      { title: L.unitsReturned, figure: true, width: 80 },
      { title: L.returnRate, figure: true, width: 70 },
      { title: L.refunded, figure: true },
    ],
    rows: report.returnRateByCategory
      .slice(0, 20)
      .map((c) => [
        nameOrNone(c.category, L),
        f.integer(c.unitsDelivered),
        f.integer(c.unitsReturned),
        f.percent(c.returnRate),
        f.money(c.refunded),
      ]),
  };
}

export function reasonsTable(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels): PrintedTable {
  return {
    columns: [
      { title: L.reason, width: 260 },
      { title: L.unitsReturned, figure: true, width: 110 },
      { title: L.share, figure: true },
    ],
    rows: report.topReasons.map((r) => [
      reasonLabel(r.reason, L),
      f.integer(r.unitsReturned),
      f.percent(r.share),
    ]),
  };
}

export function skusTable(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels): PrintedTable {
  return {
    columns: [
      { title: L.sku, width: 75 },
      { title: L.category, width: 100 },
      { title: L.unitsDelivered, figure: true, width: 72 },
      { title: L.unitsReturned, figure: true, width: 72 },
      { title: L.returnRate, figure: true, width: 62 },
      { title: L.topReasons },
    ],
    rows: report.topSkus.map((s) => [
      s.sku,
      nameOrNone(s.category, L),
      f.integer(s.unitsDelivered),
      f.integer(s.unitsReturned),
      f.percent(s.returnRate),
      s.topReasons.map((r) => `${reasonLabel(r.reason, L)} (${f.integer(r.unitsReturned)})`).join(', '),
    ]),
  };
}

export function reviewsTable(reviews: ReviewSection, f: ReportFormat, L: ReportLabels): PrintedTable {
  return {
    columns: [
      { title: L.category, width: 220 },
      { title: L.reviewCount, figure: true, width: 80 },
      { title: L.negativeReviews, figure: true, width: 110 },
      { title: L.averageScore, figure: true },
    ],
    rows: reviews.byCategory
      .slice(0, 15)
      .map((c) => [
        nameOrNone(c.category, L),
        f.integer(c.reviews),
        f.integer(c.negative),
        f.decimal(c.averageScore),
      ]),
  };
}

export function reviewsSummary(reviews: ReviewSection, f: ReportFormat, L: ReportLabels): string {
  return `${L.reviewCount}: ${f.integer(reviews.reviews)} · ${L.negativeReviews}: ${f.integer(reviews.negative)} · ${L.averageScore}: ${f.decimal(reviews.averageScore)}`;
}

/** An alert as printed: what and whom it is about, its figures, the reasons (if any). */
export function alertLines(a: ReportAlert, f: ReportFormat, L: ReportLabels) {
  const reasons = a.topReasons.map((r) => reasonLabel(r, L)).join(', ');
  return {
    title: `${L.alertKinds[a.kind] ?? a.kind}: ${L.subjectKinds[a.subjectKind] ?? a.subjectKind} ${a.subject}`,
    figures: `${L.rate} ${f.percent(a.rate)} (${f.integer(a.unitsReturned)} / ${f.integer(a.unitsDelivered)}) · ${L.baseline} ${f.percent(a.baselineRate)}`,
    reasons: reasons ? `${L.topReasons}: ${reasons}` : null,
  };
}

/**
 * A heat map's cell of a row and reason, with its shade: an opacity from 0.08 to 0.7 by its
 * return rate against the map's highest. Null where the pair had no return.
 */
export function heatCells(map: HeatMap) {
  const max = Math.max(...map.cells.map((c) => c.returnRate ?? 0), 0);
  const cells = new Map(map.cells.map((c) => [`${c.row}\u0000${c.reason}`, c]));
  return (row: string, reason: string) => {
    const cell = cells.get(`${row}\u0000${reason}`);
    if (!cell) return null;
    return { cell, shade: max > 0 ? 0.08 + 0.62 * ((cell.returnRate ?? 0) / max) : 0.08 };
  };
}
