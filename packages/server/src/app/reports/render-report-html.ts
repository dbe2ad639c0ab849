import { categoryChartSvg, reasonChartSvg, trendChartSvg } from './report-charts.js';
import {
  nameOrNone,
  REPORT_LABELS,
  type ReportFormat,
  type ReportLabels,
  reasonLabel,
  reportFormat,
} from './report-labels.js';
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
import type { HeatMap, ReviewSection, WeeklyQualityReport } from './weekly-report.js';

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const e = escapeHtml;

const STYLE = `
  body { font: 14px/1.45 Helvetica, Arial, sans-serif; color: #1d1d1f; max-width: 780px; margin: 24px auto; padding: 0 16px; }
  h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ccd; padding-bottom: 4px; }
  .meta { color: #555; margin: 0 0 16px; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
  th, td { border: 1px solid #d5d8de; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f1f3f6; } td.n, th.n { text-align: right; white-space: nowrap; }
  .heat td.n { min-width: 56px; } .heat small { color: #333; }
  .empty { color: #555; font-style: italic; }
  .alert { border-left: 4px solid #c0504d; padding: 4px 10px; margin: 10px 0; background: #fbf3f3; }
  blockquote { margin: 4px 0 4px 12px; color: #333; }
  svg { max-width: 100%; height: auto; }
  section { break-inside: avoid; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

/** The report as one self-contained HTML page: inline CSS and SVG charts, no script, no external resource. */
export function renderReportHtml(report: WeeklyQualityReport, labels: ReportLabels = REPORT_LABELS): string {
  const L = labels;
  const f = reportFormat(report.currency, L);
  const returns = anyReturns(report);
  const title = `${L.title} ${report.period.from} – ${lastDay(report.period.to)}`;
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(report.tenantName ? `${report.tenantName}: ${title}` : title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(L.title)}${report.tenantName ? ` — ${e(report.tenantName)}` : ''}</h1>`,
    `<p class="meta">${e(periodLine(report, L))}</p>`,
    section(L.headline, table(headlineTable(report, f, L))),
    section(L.trend, trendChartSvg(report, L)),
    section(
      L.returnRateByCategory,
      returns
        ? `${categoryChartSvg(report, L) ?? ''}\n${table(categoryTable(report, f, L))}`
        : empty(L.noReturns),
    ),
    section(
      L.topReasons,
      report.topReasons.length
        ? `${reasonChartSvg(report, L) ?? ''}\n${table(reasonsTable(report, f, L))}`
        : empty(L.noReturns),
    ),
    section(L.heatMap, returns ? heatMapHtml(report.heatMap, L.category, f, L) : empty(L.noReturns)),
    section(
      L.countryHeatMap,
      returns ? heatMapHtml(report.countryHeatMap, L.country, f, L) : empty(L.noReturns),
    ),
    section(L.alerts, report.alerts.length ? alertsHtml(report, f, L) : empty(L.noAlerts)),
    section(L.topSkus, report.topSkus.length ? table(skusTable(report, f, L)) : empty(L.noReturns)),
    section(L.reviews, report.reviews ? reviewsHtml(report.reviews, f, L) : empty(L.noReviews)),
    `<p class="meta">${e(L.appendix)}</p></body></html>`,
  ];
  return parts.join('\n');
}

const section = (heading: string, body: string) => `<section><h2>${e(heading)}</h2>\n${body}</section>`;
const empty = (text: string) => `<p class="empty">${e(text)}</p>`;
const th = (text: string, figure = false) => `<th${figure ? ' class="n"' : ''}>${e(text)}</th>`;
const td = (text: string, figure = false) => `<td${figure ? ' class="n"' : ''}>${e(text)}</td>`;

function table({ columns, rows }: PrintedTable): string {
  const header = columns.map((c) => th(c.title, c.figure)).join('');
  const body = rows
    .map((r) => `<tr>${r.map((text, i) => td(text, columns[i]?.figure)).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${header}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function heatMapHtml(map: HeatMap, rowTitle: string, f: ReportFormat, L: ReportLabels) {
  if (map.cells.length === 0) return empty(L.noReturns);
  const cellOf = heatCells(map);
  const head = `<tr>${th(rowTitle)}${map.reasons.map((r) => th(reasonLabel(r, L), true)).join('')}</tr>`;
  const body = map.rows.map((row) => {
    const cells = map.reasons.map((reason) => {
      const shaded = cellOf(row, reason);
      if (!shaded) return '<td class="n"></td>';
      const { cell: c, shade } = shaded;
      return `<td class="n" style="background: rgba(192, 80, 77, ${shade.toFixed(2)})">${e(f.percent(c.returnRate))}<br><small>${e(f.integer(c.unitsReturned))}</small></td>`;
    });
    return `<tr>${td(nameOrNone(row, L))}${cells.join('')}</tr>`;
  });
  return `<p class="meta">${e(L.heatMapNote)}</p><table class="heat"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function alertsHtml(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels) {
  return report.alerts
    .map((a) => {
      const { title, figures, reasons } = alertLines(a, f, L);
      const comments = a.comments.map((c) => `<blockquote>“${e(c)}”</blockquote>`).join('');
      return `<div class="alert"><strong>${e(title)}</strong><br>${e(figures)}${reasons ? `<br>${e(reasons)}` : ''}${comments}</div>`;
    })
    .join('\n');
}

function reviewsHtml(reviews: ReviewSection, f: ReportFormat, L: ReportLabels) {
  const samples = reviews.samples.length
    ? `<h3>${e(L.sampleComments)}</h3>${reviews.samples
        .map(
          (s) =>
            `<blockquote><strong>${e(nameOrNone(s.category, L))}</strong>, ${e(L.score)} ${s.score}: “${e(s.comment)}”</blockquote>`,
        )
        .join('\n')}`
    : '';
  return `<p>${e(reviewsSummary(reviews, f, L))}</p>\n${table(reviewsTable(reviews, f, L))}\n${samples}`;
}
