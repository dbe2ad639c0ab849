import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUpMeasures } from '../../jobs/roll-up-measures.job.js';
import { noReasonReturn, qualityReturn, sampleOrder } from '../../testing/fixtures.test-helpers.js';
import { importOrder, startTestApp, type TestApp } from '../../testing/harness.test-helpers.js';

// The last days of one shop, worked out by hand: 4 orders of 2 trail shoes (fashion_shoes)
// and 1 pack of socks (fashion_accessories) in the EU store, placed 5 days ago and delivered
// yesterday; today three customers send back one shoe each (no reason) and one a pack of
// socks (quality defect). Units delivered 12 (8 shoes, 4 socks), returned 4: return rate
// 4/12 = 33.3 %, shoes 3/8 = 37.5 %, socks 1/4 = 25 %. Cases are dated by the database's
// clock, so the period is the 11 days up to today (Berlin), and the 11 before it are empty.
let app: TestApp;
const berlinDay = (daysFromToday: number) =>
  DateTime.now().setZone('Europe/Berlin').plus({ days: daysFromToday }).toISODate() as string;
const period = { from: berlinDay(-10), to: berlinDay(1) };
const base = `weekly-report-${period.from}-${period.to}`;

beforeAll(async () => {
  app = await startTestApp();
  const now = new Date();
  const orders = [];
  for (let i = 0; i < 4; i++)
    orders.push(await importOrder(app.api, sampleOrder(now, { deliveredDaysAgo: 1 })));
  for (const order of orders.slice(0, 3)) {
    const created = await app.api('POST', '/api/v1/cases', noReasonReturn(order));
    expect(created.status).toBe(201);
  }
  const quality = await app.api('POST', '/api/v1/cases', qualityReturn(orders[3], 'The seam came apart'));
  expect(quality.status).toBe(201);
  await catchUpMeasures(app.services, { now: new Date(Date.now() + 60_000) });
});
afterAll(() => app?.close());

describe('POST /api/v1/reports/weekly', () => {
  let report: any;

  it('makes and stores the report of the week, with the headline computed by hand', async () => {
    const made = await app.api('POST', '/api/v1/reports/weekly', period);
    expect(made.status).toBe(201);
    report = made.body;
    // The reporting currency is the first store's by code (docs/metrics.md): the CN store's.
    expect(report).toMatchObject({ kind: 'weekly', ...period, currency: 'CNY', mailedAt: null });
    const h = report.summary.headline;
    expect(h.orders).toEqual({ value: 4, previous: 0 });
    expect(h.units_delivered.value).toBe(12);
    expect(h.units_returned.value).toBe(4);
    expect(h.return_rate.value).toBeCloseTo(4 / 12, 10);
    expect(h.return_rate.previous).toBeNull();
    expect(h.cases.value).toBe(4);
    expect(report.files.csv.map((c: { table: string }) => c.table)).toContain('return-rate-by-category');
  });

  it('serves the HTML inline under a policy that lets it run and load nothing', async () => {
    const html = await app.api('GET', `/api/v1/reports/${report.id}/html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.body).toContain('Test Shop');
    expect(html.body).toMatch(
      /<td>fashion_shoes<\/td><td class="n">8<\/td><td class="n">3<\/td><td class="n">37\.5%<\/td>/,
    );
    expect(html.body).toMatch(
      /<td>fashion_accessories<\/td><td class="n">4<\/td><td class="n">1<\/td><td class="n">25\.0%<\/td>/,
    );
    expect(html.body).toContain('Changed mind');
    expect(html.body).toContain('Quality defect');
    expect(html.body).toContain('SHOE-42-BLK');
    expect(html.body).not.toMatch(/NaN|undefined/);
  });

  it('serves the PDF, the workbook and each table as CSV as downloads', async () => {
    const pdf = await fetch(`${app.server.url}/api/v1/reports/${report.id}/pdf`, {
      headers: { authorization: `Bearer ${app.tenant.apiKey}` },
    });
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${base}.pdf"`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const xlsx = await fetch(`${app.server.url}/api/v1/reports/${report.id}/xlsx`, {
      headers: { authorization: `Bearer ${app.tenant.apiKey}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Return rate by category');
    expect(sheet?.getRow(2).values).toEqual([undefined, 'fashion_shoes', 8, 3, 0.375, 0]);

    const csv = await app.api('GET', `/api/v1/reports/${report.id}/csv/top-reasons`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // (The file starts with a byte order mark for spreadsheets; decoding the response drops it.)
    expect(csv.body).toBe(
      'Reason,Code,Units returned,Share\r\nChanged mind,no_reason,3,0.75\r\nQuality defect,quality_defect,1,0.25\r\n',
    );
    expect((await app.api('GET', `/api/v1/reports/${report.id}/csv/nothing-here`)).status).toBe(404);
  });

  it('replaces the stored report when the period is generated again, and lists it once', async () => {
    const again = await app.api('POST', '/api/v1/reports/weekly', period);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(report.id);
    const list = await app.api('GET', '/api/v1/reports');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
  });

  it('refuses a period that is not one, and answers 404 for a report it does not have', async () => {
    const backwards = await app.api('POST', '/api/v1/reports/weekly', {
      from: '2026-03-30',
      to: '2026-03-23',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: '/to', message: 'Must be after from.' }]);
    const impossible = await app.api('POST', '/api/v1/reports/weekly', {
      from: '2026-02-30',
      to: '2026-03-02',
    });
    expect(impossible.status).toBe(400);
    const missing = await app.api('GET', '/api/v1/reports/00000000-0000-4000-8000-000000000000/pdf');
    expect(missing.status).toBe(404);
  });
});

describe('/api/v1/report-subscriptions', () => {
  it('adds, lists and removes the addresses the weekly report goes to', async () => {
    const added = await app.api('POST', '/api/v1/report-subscriptions', { email: 'Quality@Shop.example' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email: 'quality@shop.example', active: true });
    const again = await app.api('POST', '/api/v1/report-subscriptions', { email: 'quality@shop.example' });
    expect(again.body.id).toBe(added.body.id);
    expect((await app.api('GET', '/api/v1/report-subscriptions')).body.items).toHaveLength(1);
    expect((await app.api('DELETE', `/api/v1/report-subscriptions/${added.body.id}`)).status).toBe(204);
    expect((await app.api('GET', '/api/v1/report-subscriptions')).body.items).toEqual([]);
    expect((await app.api('DELETE', `/api/v1/report-subscriptions/${added.body.id}`)).status).toBe(404);
    expect((await app.api('POST', '/api/v1/report-subscriptions', { email: 'not an address' })).status).toBe(
      400,
    );
  });
});
