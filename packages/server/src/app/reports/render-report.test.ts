import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tablesToXlsx, tableToCsv } from '../../exports/index.js';
import { pdfTexts } from '../../testing/label.test-helpers.js';
import { renderReportHtml } from './render-report-html.js';
import { renderReportPdf } from './render-report-pdf.js';
import { fixtureReport, quietReport } from './report.fixture.test-helpers.js';
import { reportFormat } from './report-labels.js';
import { reportTables } from './report-tables.js';

describe('renderReportHtml', () => {
  const html = renderReportHtml(fixtureReport());

  it('is one self-contained page: no script, no external resource, charts as inline SVG', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!www\.w3\.org)/i);
    // Trend, return rate by category and reasons.
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it('escapes every text that came from data', () => {
    expect(html).toContain('Acme &lt;Outdoor&gt; &amp; Co');
    expect(html).toContain('Tents &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Leaks &lt;b&gt;badly&lt;/b&gt; — 帐篷漏水');
    expect(html).toContain('the &quot;first&quot; night &amp; the seam leaks');
    expect(html).not.toContain('<b>badly');
  });

  it('shows the headline against the previous period, in the reporting currency', () => {
    expect(html).toContain(
      '<td>Refunded</td><td class="n">€1,234.50</td><td class="n">€178.50</td><td class="n">+591.6%</td>',
    );
    // 18/210 = 8.6 % against 7/200 = 3.5 %: 5.1 points up.
    expect(html).toContain('<td class="n">8.6%</td><td class="n">3.5%</td><td class="n">+5.1 pt</td>');
    expect(html).toContain('<td class="n">1 h 35 min</td><td class="n">40 min</td>');
    expect(html).toContain('<td class="n">90.0%</td><td class="n">–</td><td class="n">–</td>');
  });

  it('names reasons as people read them and shows the heat map with rates and counts', () => {
    expect(html).toContain('Quality defect');
    expect(html).toContain('custom reason');
    expect(html).toMatch(/rgba\(192, 80, 77, 0\.70\)">16\.7%<br><small>10<\/small>/);
    expect(html).toContain('(none)');
  });

  it('lists alerts with rate against baseline, reasons and comments, and sample review comments', () => {
    expect(html).toContain('Return-rate spike: SKU TENT-2P');
    expect(html).toContain('Rate 20.0% (12 / 60) · Baseline 3.0%');
    expect(html).toContain('Sample comments from negative reviews');
  });

  it('says so where a quiet week has nothing to show, and never prints NaN or undefined', () => {
    const quiet = renderReportHtml(quietReport());
    expect(quiet.match(/No returns recorded in this period\./g)?.length).toBeGreaterThanOrEqual(4);
    expect(quiet).toContain('No return-rate spikes or complaint clusters were detected in this period.');
    expect(quiet).toContain('No customer reviews in this period.');
    for (const page of [html, quiet]) expect(page).not.toMatch(/NaN|undefined|null|Infinity/);
  });
});

describe('renderReportPdf', () => {
  it('writes an A4 PDF with the same sections and figures, unprintable characters as ?', async () => {
    const pdf = await renderReportPdf(fixtureReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfTexts(pdf).join('');
    // The built-in fonts' encoding (Windows-1252) puts € at 0x80 and — at 0x97.
    for (const expected of [
      'Weekly quality report',
      'Headline',
      '€1,234.50',
      '+5.1 pt',
      'Return rate by category and reason',
      'TENT-2P',
      'Sample comments from negative reviews',
      'Leaks <b>badly</b> — ????',
    ])
      expect(text.replaceAll('\u0080', '€').replaceAll('\u0097', '—')).toContain(expected);
    expect(text).not.toMatch(/NaN|undefined/);
  });

  it('states the empty sections of a quiet week', async () => {
    const text = pdfTexts(await renderReportPdf(quietReport())).join('');
    expect(text).toContain('No returns recorded in this period.');
    expect(text).toContain('No customer reviews in this period.');
  });
});

describe('reportTables', () => {
  it('gives every section of the report as a table of raw figures, named for its CSV and sheet', async () => {
    const tables = reportTables(fixtureReport());
    expect(tables.map((t) => t.slug)).toEqual([
      'headline',
      'return-rate-by-category',
      'top-reasons',
      'heat-map-category-reason',
      'heat-map-country-reason',
      'weekly-trend',
      'alerts',
      'top-skus',
      'reviews-by-category',
      'negative-review-comments',
    ]);
    expect(tableToCsv(tables[1] as (typeof tables)[number])).toBe(
      'Category,Units delivered,Units returned,Return rate,Refunded (EUR)\r\n' +
        'Tents <script>alert(1)</script>,60,12,0.2,900\r\n' +
        'Boots,150,6,0.04,334.5\r\n' +
        '(none),10,0,0,\r\n',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tablesToXlsx(tables)) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(10);
    expect(workbook.getWorksheet('Weekly trend (last 12 weeks)')?.rowCount).toBe(13);
  });

  it('leaves the review tables out when the tenant has no reviews', () => {
    expect(reportTables(quietReport()).map((t) => t.slug)).not.toContain('reviews-by-category');
  });
});

describe('reportFormat', () => {
  it('formats durations in minutes, hours and days, and changes in points or percent', () => {
    const f = reportFormat('BRL');
    expect([f.minutes(12.4), f.minutes(60), f.minutes(125), f.minutes(4320), f.minutes(null)]).toEqual([
      '12 min',
      '1 h',
      '2 h 5 min',
      '3 d',
      '–',
    ]);
    expect(f.money(1234.5)).toBe('R$1,234.50');
    expect(f.change('orders', 50, 0)).toBe('–');
    expect(f.change('orders', 45, 50)).toBe('−10.0%');
    expect(f.change('sla_attainment', 0.85, 0.9)).toBe('−5 pt');
  });
});
