import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escapeHtml } from '../app/reports/render-report-html.js';
import { main } from './main.js';

// The real test bed: the Olist orders (Brazil, 2017–2018) imported with the olist mapping
// and the category translations, then `afterdesk report weekly` for the busiest week of 2018.
// The expected figures are counted here from the CSV itself, independently of the import.
const DATA = new URL('../../../../../shared/data/', import.meta.url).pathname;
const ORDERS = join(DATA, 'olist-classified-reviews/olist_classified_reviews_dev.csv');
const CATEGORIES = join(DATA, 'olist-catalog/product_category_name_translation.csv');
const ZONE = 'America/Sao_Paulo';

interface Row {
  id: string;
  order_items_qty: string;
  order_delivered_customer_date: string;
  product_category_name: string;
  review_score: string;
  review_comment_message: string;
  review_creation_date: string;
}

const mondayOf = (sql: string) =>
  DateTime.fromSQL(sql.slice(0, 19), { zone: ZONE }).startOf('week').toISODate() as string;

describe('afterdesk report weekly on the Olist orders', () => {
  let dir: string;
  let tenantId: string;
  let printed: string[];
  let week: { from: string; to: string };
  let rows: Row[];
  let english: Map<string, string>;

  async function cli(...args: string[]) {
    printed = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((line: unknown) => void printed.push(String(line)));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const database = process.env.AFTERDESK_TEST_DATABASE_URL;
    try {
      await main([
        'node',
        'afterdesk',
        '--data-dir',
        dir,
        ...(database ? ['--database-url', database] : []),
        ...args,
      ]);
    } finally {
      log.mockRestore();
      write.mockRestore();
    }
    return printed.join('\n');
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'afterdesk-report-'));
    rows = parse(await readFile(ORDERS), { columns: true, skip_empty_lines: true }) as Row[];
    english = new Map(
      (parse(await readFile(CATEGORIES), { columns: true, bom: true }) as Array<Record<string, string>>).map(
        (r) => [r.product_category_name as string, r.product_category_name_english as string],
      ),
    );
    // The 2018 week with most deliveries.
    const deliveries = new Map<string, number>();
    for (const r of rows)
      if (r.order_delivered_customer_date.startsWith('2018')) {
        const monday = mondayOf(r.order_delivered_customer_date);
        deliveries.set(monday, (deliveries.get(monday) ?? 0) + 1);
      }
    const busiest = [...deliveries].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] as string;
    week = { from: busiest, to: DateTime.fromISO(busiest).plus({ weeks: 1 }).toISODate() as string };

    const created = await cli(
      'tenant',
      'create',
      'Olist',
      '--store',
      'olist',
      '--country',
      'BR',
      '--currency',
      'BRL',
      '--time-zone',
      ZONE,
      '--languages',
      'pt-BR',
    );
    tenantId = /Tenant id: (\S+)/.exec(created)?.[1] as string;
    await cli(
      'import',
      'orders',
      ORDERS,
      '--mapping',
      'olist',
      '--categories',
      CATEGORIES,
      '--tenant',
      tenantId,
      '--no-progress',
    );
  }, 600_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the HTML, PDF, XLSX and one CSV per table, and prints the headline', async () => {
    const out = join(dir, 'out');
    const text = await cli(
      'report',
      'weekly',
      '--from',
      week.from,
      '--to',
      week.to,
      '--tenant',
      tenantId,
      '--out',
      out,
    );
    const base = `weekly-report-${week.from}-${week.to}`;
    const files = (await readdir(out)).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        `${base}.html`,
        `${base}.pdf`,
        `${base}.xlsx`,
        `${base}-headline.csv`,
        `${base}-reviews-by-category.csv`,
      ]),
    );

    // Counted from the file: units delivered in the week (São Paulo days), and its reviews.
    const inWeek = (sql: string) => sql !== '' && mondayOf(sql) === week.from;
    const delivered = rows.filter((r) => inWeek(r.order_delivered_customer_date));
    const units = delivered.reduce((sum, r) => sum + Number(r.order_items_qty), 0);
    const reviews = rows.filter((r) => inWeek(r.review_creation_date));
    const negative = reviews.filter((r) => Number(r.review_score) <= 2);
    expect(units).toBeGreaterThan(0);
    expect(negative.length).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`Units delivered\\s+${units.toLocaleString('en-GB')}\\n`));
    expect(text).toMatch(new RegExp(`Reviews \\(negative\\)\\s+${reviews.length} \\(${negative.length}\\)`));

    const html = await readFile(join(out, `${base}.html`), 'utf8');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    // Olist has no returns: the report says so instead of showing empty tables.
    expect(html).toContain('No returns recorded in this period.');
    // The category with most negative reviews, by its English name, with one of its real comments.
    const byCategory = new Map<string, Row[]>();
    for (const r of negative) {
      const name = english.get(r.product_category_name) ?? r.product_category_name;
      byCategory.set(name, [...(byCategory.get(name) ?? []), r]);
    }
    const [worst, worstRows] = [...byCategory].sort(
      (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
    )[0] as [string, Row[]];
    expect(html).toContain(`<td>${escapeHtml(worst)}</td>`);
    const comments = worstRows.map((r) => r.review_comment_message.trim()).filter(Boolean);
    if (comments.length > 0) expect(comments.some((c) => html.includes(escapeHtml(c)))).toBe(true);

    const pdf = await readFile(join(out, `${base}.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const headline = await readFile(join(out, `${base}-headline.csv`), 'utf8');
    expect(headline).toContain(`Units delivered,units_delivered,${units},`);
  }, 300_000);

  it('refuses a period that is not one with a readable message', async () => {
    await expect(
      cli('report', 'weekly', '--from', '2018-02-30', '--to', '2018-03-05', '--tenant', tenantId),
    ).rejects.toThrow(/Must be a date as YYYY-MM-DD/);
    await expect(
      cli('report', 'weekly', '--from', '2018-03-05', '--to', '2018-03-05', '--tenant', tenantId),
    ).rejects.toThrow(/Must be after from/);
  });
});
