import PDFDocument from 'pdfkit';
import { CHART_COLOURS } from './report-charts.js';
import { nameOrNone, REPORT_LABELS, type ReportLabels, reasonLabel, reportFormat } from './report-labels.js';
import {
  alertLines,
  anyReturns,
  categoryTable,
  headlineTable,
  heatCells,
  lastDay,
  type PrintedTable,
  periodLine,
  reasonsTable,
  reviewsSummary,
  reviewsTable,
  skusTable,
} from './report-printed.js';
import type { HeatMap, WeeklyQualityReport } from './weekly-report.js';

const MARGIN = 48;
const PAGE = { width: 595.28, height: 841.89 }; // A4
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;
const ROW = 15;

type Doc = PDFKit.PDFDocument;

/**
 * The report as an A4 PDF: the same sections and figures as the HTML, its charts drawn
 * with PDF primitives from the same series. The built-in PDF fonts cover Windows-1252 only,
 * so other characters print as '?' (the HTML and the appendix keep them).
 */
export async function renderReportPdf(
  report: WeeklyQualityReport,
  labels: ReportLabels = REPORT_LABELS,
): Promise<Buffer> {
  const L = labels;
  const f = reportFormat(report.currency, L);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `${L.title} ${report.period.from} – ${lastDay(report.period.to)}`,
      Author: 'Afterdesk',
      CreationDate: new Date(report.generatedAt),
    },
  });
  const done = collect(doc);
  const returns = anyReturns(report);

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(printable(`${L.title}${report.tenantName ? ` — ${report.tenantName}` : ''}`));
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555555')
    .text(printable(periodLine(report, L)))
    .fillColor('black');

  heading(doc, L.headline);
  table(doc, headlineTable(report, f, L));

  heading(doc, L.trend);
  trendChart(doc, report, L);

  heading(doc, L.returnRateByCategory);
  if (!returns) note(doc, L.noReturns);
  else {
    const rows = report.returnRateByCategory.filter((c) => c.unitsReturned > 0).slice(0, 12);
    barChart(
      doc,
      rows.map((c) => ({
        label: nameOrNone(c.category, L),
        value: c.returnRate ?? 0,
        text: f.percent(c.returnRate),
      })),
      CHART_COLOURS.returned,
    );
    table(doc, categoryTable(report, f, L));
  }

  heading(doc, L.topReasons);
  if (report.topReasons.length === 0) note(doc, L.noReturns);
  else {
    barChart(
      doc,
      report.topReasons.slice(0, 10).map((r) => ({
        label: reasonLabel(r.reason, L),
        value: r.unitsReturned,
        text: f.integer(r.unitsReturned),
      })),
      CHART_COLOURS.rate,
    );
    table(doc, reasonsTable(report, f, L));
  }

  for (const [title, rowTitle, map] of [
    [L.heatMap, L.category, report.heatMap],
    [L.countryHeatMap, L.country, report.countryHeatMap],
  ] as const) {
    heading(doc, title);
    if (!returns || map.cells.length === 0) note(doc, L.noReturns);
    else heatMap(doc, map, rowTitle, f, L);
  }

  heading(doc, L.alerts);
  if (report.alerts.length === 0) note(doc, L.noAlerts);
  for (const a of report.alerts) {
    const { title, figures, reasons } = alertLines(a, f, L);
    paragraph(doc, title, 'Helvetica-Bold');
    paragraph(doc, figures);
    if (reasons) paragraph(doc, reasons);
    for (const c of a.comments) paragraph(doc, `“${c}”`, 'Helvetica-Oblique', 12);
  }

  heading(doc, L.topSkus);
  if (report.topSkus.length === 0) note(doc, L.noReturns);
  else table(doc, skusTable(report, f, L));

  heading(doc, L.reviews);
  const reviews = report.reviews;
  if (!reviews) note(doc, L.noReviews);
  else {
    paragraph(doc, reviewsSummary(reviews, f, L));
    table(doc, reviewsTable(reviews, f, L));
    if (reviews.samples.length) paragraph(doc, L.sampleComments, 'Helvetica-Bold');
    for (const s of reviews.samples)
      paragraph(
        doc,
        `${nameOrNone(s.category, L)}, ${L.score} ${s.score}: “${s.comment}”`,
        'Helvetica-Oblique',
        12,
      );
  }

  doc.moveDown();
  note(doc, L.appendix);
  doc.end();
  return done;
}

// The built-in fonts print Windows-1252; a few common signs get a readable stand-in and
// anything else becomes '?', never a wrong glyph.
export function printable(text: string): string {
  return text
    .replaceAll('≤', '<=')
    .replaceAll('≥', '>=')
    .replaceAll('−', '-')
    .replace(
      /[^\u0020-\u007e\u00a0-\u00ff\u20ac\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u00b7]/g,
      '?',
    );
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function heading(doc: Doc, text: string) {
  ensureRoom(doc, 60);
  doc
    .moveDown(0.8)
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor('black')
    .text(printable(text), MARGIN, doc.y);
  doc
    .moveTo(MARGIN, doc.y + 1)
    .lineTo(MARGIN + WIDTH, doc.y + 1)
    .lineWidth(0.5)
    .strokeColor('#ccccdd')
    .stroke();
  doc.moveDown(0.4);
}

function note(doc: Doc, text: string) {
  doc
    .font('Helvetica-Oblique')
    .fontSize(9.5)
    .fillColor('#555555')
    .text(printable(text), MARGIN, doc.y, { width: WIDTH })
    .fillColor('black');
}

function paragraph(doc: Doc, text: string, font = 'Helvetica', indent = 0) {
  doc.font(font).fontSize(9.5);
  const t = printable(text);
  ensureRoom(doc, doc.heightOfString(t, { width: WIDTH - indent }) + 2);
  doc.text(t, MARGIN + indent, doc.y, { width: WIDTH - indent });
}

function fit(doc: Doc, text: string, width: number): string {
  let t = printable(text);
  if (doc.widthOfString(t) <= width) return t;
  while (t.length > 1 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t}…`;
}

function table(doc: Doc, printed: PrintedTable) {
  const set = printed.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const columns = printed.columns.map((c) => ({
    title: c.title,
    width: c.width ?? WIDTH - set,
    align: c.figure ? ('right' as const) : ('left' as const),
  }));
  const drawHeader = () => {
    const y = doc.y;
    doc.rect(MARGIN, y, WIDTH, ROW).fill('#f1f3f6').fillColor('black');
    row(
      columns.map((c) => c.title),
      'Helvetica-Bold',
      y,
    );
  };
  const row = (cells: string[], font: string, y: number) => {
    doc.font(font).fontSize(8.5);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const c = columns[i] as (typeof columns)[number];
      doc.text(fit(doc, cell, c.width - 8), x + 4, y + 4, {
        width: c.width - 8,
        align: c.align,
        lineBreak: false,
      });
      x += c.width;
    });
    doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(MARGIN + WIDTH, y + ROW)
      .lineWidth(0.3)
      .strokeColor('#d5d8de')
      .stroke();
    doc.y = y + ROW;
  };
  ensureRoom(doc, ROW * 3);
  drawHeader();
  for (const cells of printed.rows) {
    if (doc.y + ROW > BOTTOM) {
      doc.addPage();
      drawHeader();
    }
    row(cells, 'Helvetica', doc.y);
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

function barChart(doc: Doc, bars: Array<{ label: string; value: number; text: string }>, colour: string) {
  const labelWidth = 150;
  const height = bars.length * 14 + 6;
  ensureRoom(doc, height);
  const top = doc.y;
  const max = Math.max(...bars.map((b) => b.value), 0);
  const room = WIDTH - labelWidth - 60;
  doc.font('Helvetica').fontSize(8);
  bars.forEach((b, i) => {
    const y = top + i * 14;
    doc.fillColor('black').text(fit(doc, b.label, labelWidth - 6), MARGIN, y + 2, {
      width: labelWidth - 6,
      align: 'right',
      lineBreak: false,
    });
    const w = max > 0 ? (b.value / max) * room : 0;
    doc.rect(MARGIN + labelWidth, y + 1, Math.max(w, 0.5), 10).fill(colour);
    doc.fillColor('black').text(printable(b.text), MARGIN + labelWidth + w + 4, y + 2, { lineBreak: false });
  });
  doc.y = top + height;
  doc.x = MARGIN;
}

function trendChart(doc: Doc, report: WeeklyQualityReport, L: ReportLabels) {
  const height = 150;
  ensureRoom(doc, height + 30);
  const top = doc.y + 14;
  const left = MARGIN + 30;
  const right = MARGIN + WIDTH - 40;
  const bottom = top + height - 20;
  const weeks = report.trend;
  const maxUnits = Math.max(...weeks.map((w) => w.unitsReturned), 1);
  const maxRate = Math.max(...weeks.map((w) => w.returnRate ?? 0), 0.0001);
  const step = (right - left) / Math.max(weeks.length, 1);
  doc.font('Helvetica').fontSize(8);
  // Legend.
  doc.rect(left, top - 13, 8, 8).fill(CHART_COLOURS.returned);
  doc.fillColor('black').text(printable(L.unitsReturned), left + 12, top - 13, { lineBreak: false });
  doc.rect(left + 120, top - 10, 10, 2).fill(CHART_COLOURS.rate);
  doc.fillColor('black').text(printable(L.returnRate), left + 134, top - 13, { lineBreak: false });
  // Axes and their top values.
  doc.moveTo(left, bottom).lineTo(right, bottom).lineWidth(0.5).strokeColor('#888888').stroke();
  doc
    .fillColor('#555555')
    .text(String(maxUnits), MARGIN, top, { width: 26, align: 'right', lineBreak: false });
  doc.text(`${Math.round(maxRate * 1000) / 10} %`, right + 4, top, { lineBreak: false });
  const points: Array<[number, number]> = [];
  weeks.forEach((w, i) => {
    const x = left + i * step;
    const h = (w.unitsReturned / maxUnits) * (bottom - top);
    if (h > 0) doc.rect(x + step * 0.2, bottom - h, step * 0.6, h).fill(CHART_COLOURS.returned);
    if (w.returnRate !== null)
      points.push([x + step / 2, bottom - (w.returnRate / maxRate) * (bottom - top)]);
    doc
      .fillColor('#555555')
      .text(w.week.slice(5), x, bottom + 4, { width: step, align: 'center', lineBreak: false });
  });
  if (points.length > 1) {
    const [first, ...rest] = points as [[number, number], ...Array<[number, number]>];
    doc.moveTo(first[0], first[1]);
    for (const [x, y] of rest) doc.lineTo(x, y);
    doc.lineWidth(1.5).strokeColor(CHART_COLOURS.rate).stroke();
  }
  for (const [x, y] of points) doc.circle(x, y, 2).fill(CHART_COLOURS.rate);
  doc.fillColor('black');
  doc.y = bottom + 18;
  doc.x = MARGIN;
}

function heatMap(
  doc: Doc,
  map: HeatMap,
  rowTitle: string,
  f: ReturnType<typeof reportFormat>,
  L: ReportLabels,
) {
  const first = 130;
  const width = Math.min(70, (WIDTH - first) / Math.max(map.reasons.length, 1));
  const height = 22;
  const cellOf = heatCells(map);
  ensureRoom(doc, height * 3);
  let y = doc.y;
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor('black');
  doc.text(fit(doc, rowTitle, first - 6), MARGIN + 2, y + 4, { lineBreak: false });
  map.reasons.forEach((r, i) => {
    doc.text(fit(doc, reasonLabel(r, L), width - 4), MARGIN + first + i * width + 2, y + 4, {
      width: width - 4,
      align: 'center',
      lineBreak: false,
    });
  });
  y += height;
  for (const row of map.rows) {
    if (y + height > BOTTOM) {
      doc.addPage();
      y = doc.y;
    }
    doc.font('Helvetica').fontSize(7.5).fillColor('black');
    doc.text(fit(doc, nameOrNone(row, L), first - 6), MARGIN + 2, y + 7, { lineBreak: false });
    map.reasons.forEach((reason, i) => {
      const shaded = cellOf(row, reason);
      const x = MARGIN + first + i * width;
      doc.rect(x, y, width, height).lineWidth(0.3).strokeColor('#d5d8de').stroke();
      if (!shaded) return;
      const { cell: c, shade } = shaded;
      doc.rect(x, y, width, height).fillOpacity(shade).fill(CHART_COLOURS.returned).fillOpacity(1);
      doc
        .fillColor('black')
        .text(`${f.percent(c.returnRate)} (${f.integer(c.unitsReturned)})`, x + 1, y + 7, {
          width: width - 2,
          align: 'center',
          lineBreak: false,
        });
    });
    y += height;
  }
  doc.y = y + 6;
  doc.x = MARGIN;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
