import { categoryChartSvg, reasonChartSvg, trendChartSvg } from './report-charts.js';
import {
  nameOrNone,
  REPORT_LABELS,
  type ReportFormat,
  type ReportLabels,
  reasonLabel,
  reportFormat,
} from './report-labels.js';
import { HEADLINE_MEASURES, type HeatMap, type WeeklyQualityReport } from './weekly-report.js';

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
  const anyReturns = (report.headline.units_returned.value ?? 0) > 0 || report.topReasons.length > 0;
  const title = `${L.title} ${report.period.from} – ${lastDay(report.period.to)}`;
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(report.tenantName ? `${report.tenantName}: ${title}` : title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(L.title)}${report.tenantName ? ` — ${e(report.tenantName)}` : ''}</h1>`,
    `<p class="meta">${e(L.period)}: ${e(report.period.from)} – ${e(lastDay(report.period.to))} · ${e(L.previousPeriod)} ${e(report.previousPeriod.from)} – ${e(lastDay(report.previousPeriod.to))} · ${e(L.currencyNote)} ${e(report.currency)} · ${e(L.generated)} ${e(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>`,
    section(L.headline, headlineTable(report, f, L)),
    section(L.trend, trendChartSvg(report, L)),
    section(L.returnRateByCategory, anyReturns ? categoryHtml(report, f, L) : empty(L.noReturns)),
    section(L.topReasons, report.topReasons.length ? reasonsHtml(report, f, L) : empty(L.noReturns)),
    section(L.heatMap, anyReturns ? heatMapHtml(report.heatMap, L.category, f, L) : empty(L.noReturns)),
    section(
      L.countryHeatMap,
      anyReturns ? heatMapHtml(report.countryHeatMap, L.country, f, L) : empty(L.noReturns),
    ),
    section(L.alerts, report.alerts.length ? alertsHtml(report, f, L) : empty(L.noAlerts)),
    section(L.topSkus, report.topSkus.length ? skusHtml(report, f, L) : empty(L.noReturns)),
    section(L.reviews, report.reviews ? reviewsHtml(report, f, L) : empty(L.noReviews)),
    `<p class="meta">${e(L.appendix)}</p></body></html>`,
  ];
  return parts.join('\n');
}

/** The last day of a period whose `to` is exclusive. */
export function lastDay(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const section = (heading: string, body: string) => `<section><h2>${e(heading)}</h2>\n${body}</section>`;
const empty = (text: string) => `<p class="empty">${e(text)}</p>`;
const th = (text: string, numeric = false) => `<th${numeric ? ' class="n"' : ''}>${e(text)}</th>`;
const td = (text: string, numeric = false) => `<td${numeric ? ' class="n"' : ''}>${e(text)}</td>`;

// Figures are right-aligned: by default every column after the first.
function table(head: string[], rows: string[][], numeric = (column: number) => column >= 1): string {
  const header = head.map((h, i) => th(h, numeric(i))).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => td(c, numeric(i))).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${header}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function headlineTable(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels) {
  return table(
    [L.measure, L.value, L.previous, L.change],
    HEADLINE_MEASURES.map((m) => {
      const { value, previous } = report.headline[m];
      return [
        L.headlineMeasures[m],
        f.measure(m, value),
        f.measure(m, previous),
        f.change(m, value, previous),
      ];
    }),
  );
}

function categoryHtml(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels) {
  const chart = categoryChartSvg(report, L) ?? '';
  const rows = report.returnRateByCategory
    .slice(0, 20)
    .map((c) => [
      nameOrNone(c.category, L),
      f.integer(c.unitsDelivered),
      f.integer(c.unitsReturned),
      f.percent(c.returnRate),
      f.money(c.refunded),
    ]);
  return `${chart}\n${table([L.category, L.unitsDelivered, L.unitsReturned, L.returnRate, L.refunded], rows)}`;
}

function reasonsHtml(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels) {
  const rows = report.topReasons.map((r) => [
    reasonLabel(r.reason, L),
    f.integer(r.unitsReturned),
    f.percent(r.share),
  ]);
  return `${reasonChartSvg(report, L) ?? ''}\n${table([L.reason, L.unitsReturned, L.share], rows)}`;
}

function heatMapHtml(map: HeatMap, rowTitle: string, f: ReportFormat, L: ReportLabels) {
  if (map.cells.length === 0) return empty(L.noReturns);
  const max = Math.max(...map.cells.map((c) => c.returnRate ?? 0), 0);
  const cell = new Map(map.cells.map((c) => [`${c.row}\u0000${c.reason}`, c]));
  const head = `<tr>${th(rowTitle)}${map.reasons.map((r) => th(reasonLabel(r, L), true)).join('')}</tr>`;
  const body = map.rows.map((row) => {
    const cells = map.reasons.map((reason) => {
      const c = cell.get(`${row}\u0000${reason}`);
      if (!c) return '<td class="n"></td>';
      const alpha = max > 0 ? 0.08 + 0.62 * ((c.returnRate ?? 0) / max) : 0.08;
      return `<td class="n" style="background: rgba(192, 80, 77, ${alpha.toFixed(2)})">${e(f.percent(c.returnRate))}<br><small>${e(f.integer(c.unitsReturned))}</small></td>`;
    });
    return `<tr>${td(nameOrNone(row, L))}${cells.join('')}</tr>`;
  });
  return `<p class="meta">${e(L.heatMapNote)}</p><table class="heat"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function alertsHtml(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels) {
  return report.alerts
    .map((a) => {
      const reasons = a.topReasons.map((r) => reasonLabel(r, L)).join(', ');
      const comments = a.comments.map((c) => `<blockquote>“${e(c)}”</blockquote>`).join('');
      return `<div class="alert"><strong>${e(L.alertKinds[a.kind] ?? a.kind)}: ${e(L.subjectKinds[a.subjectKind] ?? a.subjectKind)} ${e(a.subject)}</strong><br>${e(L.rate)} ${e(f.percent(a.rate))} (${e(f.integer(a.unitsReturned))} / ${e(f.integer(a.unitsDelivered))}) · ${e(L.baseline)} ${e(f.percent(a.baselineRate))}${reasons ? `<br>${e(L.topReasons)}: ${e(reasons)}` : ''}${comments}</div>`;
    })
    .join('\n');
}

function skusHtml(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels) {
  const rows = report.topSkus.map((s) => [
    s.sku,
    nameOrNone(s.category, L),
    f.integer(s.unitsDelivered),
    f.integer(s.unitsReturned),
    f.percent(s.returnRate),
    s.topReasons.map((r) => `${reasonLabel(r.reason, L)} (${f.integer(r.unitsReturned)})`).join(', '),
  ]);
  const figures = (column: number) => column >= 2 && column <= 4;
  return table(
    [L.sku, L.category, L.unitsDelivered, L.unitsReturned, L.returnRate, L.topReasons],
    rows,
    figures,
  );
}

function reviewsHtml(report: WeeklyQualityReport, f: ReportFormat, L: ReportLabels) {
  const r = report.reviews;
  if (!r) return empty(L.noReviews);
  const summary = `<p>${e(L.reviewCount)}: ${e(f.integer(r.reviews))} · ${e(L.negativeReviews)}: ${e(f.integer(r.negative))} · ${e(L.averageScore)}: ${e(f.decimal(r.averageScore))}</p>`;
  const byCategory = table(
    [L.category, L.reviewCount, L.negativeReviews, L.averageScore],
    r.byCategory
      .slice(0, 15)
      .map((c) => [
        nameOrNone(c.category, L),
        f.integer(c.reviews),
        f.integer(c.negative),
        f.decimal(c.averageScore),
      ]),
  );
  const samples = r.samples.length
    ? `<h3>${e(L.sampleComments)}</h3>${r.samples
        .map(
          (s) =>
            `<blockquote><strong>${e(nameOrNone(s.category, L))}</strong>, ${e(L.score)} ${s.score}: “${e(s.comment)}”</blockquote>`,
        )
        .join('\n')}`
    : '';
  return `${summary}\n${byCategory}\n${samples}`;
}
