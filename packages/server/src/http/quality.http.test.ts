import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../app/analytics/refresh-rollups.js';
import { inTenant, type Tx } from '../db/scope.js';
import { detectQualityAlertsForAll } from '../jobs/detect-quality-alerts.job.js';
import { startTestApp, type TestApp, testDatabaseKind } from '../testing/harness.test-helpers.js';

// Wednesday 2026-03-18: the last complete week is the one of Monday 2026-03-09.
const NOW = new Date('2026-03-18T10:00:00Z');
const WEEK = '2026-03-09';
const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe(`forecasts, early warnings and risk over HTTP (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  let tenantId: string;
  let storeId: string;
  const ids = {
    serialReturner: '',
    twin: '',
    complainer: '',
    bigOrder: '',
    complainerOrder: '',
    plainOrder: '',
  };

  async function customer(tx: Tx, name: string, phone: string | null = null) {
    const id = randomUUID();
    await sql`insert into customers (id, tenant_id, external_id, email, phone, name, language, country)
              values (${id}, ${tenantId}, ${`c-${id}`}, ${`${id}@example.com`}, ${phone}, ${name}, 'en', 'DE')`.execute(
      tx,
    );
    return id;
  }

  /** An order of `quantity` units of one SKU, placed three days before it was delivered. */
  async function order(
    tx: Tx,
    customerId: string,
    deliveredDay: string,
    line: {
      sku: string;
      category: string;
      supplier?: string;
      batch?: string;
      quantity: number;
      unitMinor?: number;
    },
  ) {
    const id = randomUUID();
    const lineId = randomUUID();
    const total = line.quantity * (line.unitMinor ?? 2000);
    await sql`insert into orders (id, tenant_id, store_id, customer_id, external_id, number, status, placed_at, currency, total_minor, delivered_at)
              values (${id}, ${tenantId}, ${storeId}, ${customerId}, ${id}, ${`#${id.slice(0, 8)}`}, 'delivered',
                      ${new Date(at(deliveredDay).getTime() - 3 * 86_400_000)}, 'EUR', ${total}, ${at(deliveredDay)})`.execute(
      tx,
    );
    const attributes = JSON.stringify({
      ...(line.supplier ? { supplier: line.supplier } : {}),
      ...(line.batch ? { batch: line.batch } : {}),
    });
    await sql`insert into order_lines (id, tenant_id, order_id, external_id, position, sku, title, category, attributes, quantity, unit_price_minor)
              values (${lineId}, ${tenantId}, ${id}, 'l1', 1, ${line.sku}, ${line.sku}, ${line.category}, ${attributes}::jsonb,
                      ${line.quantity}, ${line.unitMinor ?? 2000})`.execute(tx);
    return { id, lineId };
  }

  /** A return case filed on `day` for `quantity` units of the order's line. */
  async function returnCase(
    tx: Tx,
    o: { id: string; lineId: string },
    customerId: string,
    day: string,
    item: { sku: string; quantity: number; reason: string; description?: string; unitMinor?: number },
  ) {
    const id = randomUUID();
    const itemId = randomUUID();
    await sql`insert into cases (id, tenant_id, kind, category, status, store_id, customer_id, order_id, language, channel, created_by_type, currency, created_at)
              values (${id}, ${tenantId}, 'return', 'after_sales', 'submitted', ${storeId}, ${customerId}, ${o.id}, 'en', 'portal', 'customer', 'EUR', ${at(day, 9)})`.execute(
      tx,
    );
    await sql`insert into case_items (id, tenant_id, case_id, order_line_id, sku, quantity, reason_code, description, refundable_minor)
              values (${itemId}, ${tenantId}, ${id}, ${o.lineId}, ${item.sku}, ${item.quantity}, ${item.reason},
                      ${item.description ?? null}, ${item.quantity * (item.unitMinor ?? 2000)})`.execute(tx);
    return { caseId: id, itemId };
  }

  beforeAll(async () => {
    app = await startTestApp({ now: NOW, adapt: (s) => ({ ...s, clock: () => NOW }) });
    api = app.api;
    tenantId = app.tenant.tenantId;
    await inTenant(app.services.db, tenantId, async (tx) => {
      storeId = (
        await tx.selectFrom('stores').select('id').where('code', '=', 'eu').executeTakeFirstOrThrow()
      ).id;
      const buyer = await customer(tx, 'Many buyers');
      const kettle = { sku: 'KETTLE-1', category: 'home', supplier: 'ACME', batch: 'B7', quantity: 10 };
      const mug = { sku: 'MUG-2', category: 'home', supplier: 'ACME', batch: 'B8', quantity: 10 };
      // Baseline: 8 weeks before, 40 units of each SKU a week and 2 returned (5 %), none blaming the product.
      for (let w = 8; w >= 1; w--) {
        const monday = addDays(WEEK, -7 * w);
        for (const line of [kettle, mug])
          for (let d = 0; d < 4; d++) {
            const o = await order(tx, buyer, addDays(monday, d), line);
            if (d < 2)
              await returnCase(tx, o, buyer, addDays(monday, d + 1), {
                sku: line.sku,
                quantity: 1,
                reason: 'size_not_fit',
              });
          }
      }
      // The week tested: 200 units of each. The kettle comes back 30 times for leaking (15 %);
      // the mug stays at 5 %; a new SKU sells 2 units and 1 comes back.
      for (let d = 0; d < 20; d++) {
        const day = addDays(WEEK, d % 5);
        const k = await order(tx, buyer, day, kettle);
        const m = await order(tx, buyer, day, mug);
        if (d < 10)
          await returnCase(tx, k, buyer, addDays(WEEK, (d % 5) + 1), {
            sku: 'KETTLE-1',
            quantity: 3,
            reason: 'quality_defect',
            description: 'The kettle leaks at the seam after two uses',
          });
        if (d < 10)
          await returnCase(tx, m, buyer, addDays(WEEK, (d % 5) + 1), {
            sku: 'MUG-2',
            quantity: 1,
            reason: 'no_reason',
          });
      }
      const tiny = await order(tx, buyer, WEEK, { sku: 'TINY-3', category: 'garden', quantity: 2 });
      await returnCase(tx, tiny, buyer, addDays(WEEK, 1), {
        sku: 'TINY-3',
        quantity: 1,
        reason: 'quality_defect',
      });
      // Three angry reviews of kettles in the week.
      const reviewed = await order(tx, buyer, addDays(WEEK, 1), { ...kettle, quantity: 1 });
      for (let r = 0; r < 3; r++)
        await sql`insert into order_reviews (id, tenant_id, order_id, external_id, score, comment, intent, sentiment, reviewed_at)
                  values (${randomUUID()}, ${tenantId}, ${reviewed.id}, ${`r${r}`}, 1, 'Water everywhere, the kettle is defective',
                          'product_defect', -0.8, ${at(addDays(WEEK, 2))})`.execute(tx);

      // Risk: a serial returner (claims defects that inspection does not find), sharing a phone with a twin account.
      ids.serialReturner = await customer(tx, 'Serial Returner', '+49 170 0000001');
      ids.twin = await customer(tx, 'Twin Account', '+49 170 0000001');
      for (let i = 0; i < 4; i++) {
        const o = await order(tx, ids.serialReturner, addDays(WEEK, -20 + i), {
          sku: 'DRESS-9',
          category: 'fashion',
          quantity: 2,
          unitMinor: 40000,
        });
        const { caseId, itemId } = await returnCase(tx, o, ids.serialReturner, addDays(WEEK, 1 + i), {
          sku: 'DRESS-9',
          quantity: 2,
          reason: 'quality_defect',
          unitMinor: 40000,
        });
        if (i < 2) {
          const inspection = randomUUID();
          await sql`insert into inspections (id, tenant_id, case_id, passed) values (${inspection}, ${tenantId}, ${caseId}, true)`.execute(
            tx,
          );
          await sql`insert into inspection_items (id, tenant_id, inspection_id, case_id, case_item_id, result, grade, disposition)
                    values (${randomUUID()}, ${tenantId}, ${inspection}, ${caseId}, ${itemId}, 'passed', 'A', 'restock')`.execute(
            tx,
          );
        }
      }
      // High-risk orders: one over 5,000.00, one of a customer with two complaints before it; one plain.
      ids.bigOrder = (
        await order(tx, buyer, addDays(WEEK, 5), {
          sku: 'SOFA-1',
          category: 'home',
          quantity: 1,
          unitMinor: 600_000,
        })
      ).id;
      ids.complainer = await customer(tx, 'Often Unhappy');
      for (let c = 0; c < 2; c++)
        await sql`insert into cases (id, tenant_id, kind, category, status, store_id, customer_id, language, channel, created_by_type, created_at)
                  values (${randomUUID()}, ${tenantId}, 'complaint', 'complaint', 'open', ${storeId}, ${ids.complainer}, 'en', 'email', 'customer',
                          ${at(addDays(WEEK, -30 + c))})`.execute(tx);
      ids.complainerOrder = (
        await order(tx, ids.complainer, addDays(WEEK, 6), { sku: 'MUG-2', category: 'home', quantity: 1 })
      ).id;
      ids.plainOrder = (
        await order(tx, await customer(tx, 'Calm Buyer'), addDays(WEEK, 6), {
          sku: 'MUG-2',
          category: 'home',
          quantity: 1,
        })
      ).id;
    });
    await rebuildRollups(app.services.db, tenantId, { from: addDays(WEEK, -70), to: addDays(WEEK, 9) });
  }, 300_000);
  afterAll(() => app.close());

  it('raises a spike on 30 of 200 kettles against 5 %, names its reasons and shows what customers wrote', async () => {
    const run = await api('POST', '/api/v1/analytics/alerts/detect', {});
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.week).toBe(WEEK);
    const alerts = (await api('GET', `/api/v1/analytics/alerts?week=${WEEK}&limit=200`)).body.items;
    const kettle = alerts.find(
      (a: any) => a.kind === 'spike' && a.subjectType === 'sku' && a.subject === 'KETTLE-1',
    );
    // 201 units: the kettle reviewed below was delivered in the week too.
    expect(kettle).toMatchObject({
      events: 30,
      units: 201,
      status: 'open',
      baselineEvents: 16,
      baselineUnits: 320,
    });
    expect(kettle.rate).toBeCloseTo(30 / 201, 9);
    expect(kettle.baselineRate).toBeCloseTo(0.05, 2);
    expect(kettle.pValue).toBeLessThan(1e-4);
    expect(kettle.topReasons[0]).toEqual({ reason: 'quality_defect', count: 30 });
    expect(kettle.comments.map((c: any) => c.text)).toEqual(
      expect.arrayContaining([
        'The kettle leaks at the seam after two uses',
        'Water everywhere, the kettle is defective',
      ]),
    );
    // The batch and the supplier behind it stand out too; the mug at its usual rate and the SKU with 2 units do not.
    expect(alerts.some((a: any) => a.subjectType === 'batch' && a.subject === 'B7')).toBe(true);
    expect(
      alerts.some((a: any) => a.subject === 'MUG-2' || a.subject === 'B8' || a.subject === 'TINY-3'),
    ).toBe(false);
  });

  it('asks for a recall when product complaints cluster on the kettle', async () => {
    const alerts = (await api('GET', '/api/v1/analytics/alerts?kind=complaint_cluster')).body.items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subject: 'KETTLE-1', plan: 'recall', events: 13 });
    expect(alerts[0].topReasons).toEqual([
      { reason: 'quality_defect', count: 10 },
      { reason: 'product_defect', count: 3 },
    ]);
  });

  it('keeps one alert per subject and week however often the job runs, and lets someone acknowledge it', async () => {
    const before = (await api('GET', '/api/v1/analytics/alerts?limit=200')).body.items;
    const run = await detectQualityAlertsForAll(app.services, { now: NOW });
    expect(run.failed).toBe(0);
    const after = (await api('GET', '/api/v1/analytics/alerts?limit=200')).body.items;
    expect(after.map((a: any) => a.id).sort()).toEqual(before.map((a: any) => a.id).sort());

    const target = after[0];
    const acknowledged = await api('POST', `/api/v1/analytics/alerts/${target.id}/acknowledge`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: expect.stringMatching(/^integration:/),
    });
    const open = (await api('GET', '/api/v1/analytics/alerts?status=open&limit=200')).body.items;
    expect(open.map((a: any) => a.id)).not.toContain(target.id);
    expect((await api('POST', `/api/v1/analytics/alerts/${randomUUID()}/acknowledge`)).status).toBe(404);
  });

  it('forecasts a category’s weekly series from the rollups, eight weeks ahead with widening intervals', async () => {
    const got = await api('GET', '/api/v1/analytics/forecast?category=home&weeks=8&history=12');
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({ to: '2026-03-16', weeks: 8 });
    const returned = got.body.series.find(
      (s: any) => s.category === 'home' && s.measure === 'units_returned',
    );
    expect(returned.history.find((h: any) => h.week === WEEK).value).toBe(40);
    expect(returned.forecast.map((p: any) => p.week)).toEqual(
      Array.from({ length: 8 }, (_, i) => addDays('2026-03-16', 7 * i)),
    );
    for (const p of returned.forecast) expect(p.lower95).toBeGreaterThanOrEqual(0);
    const width = (p: any) => p.upper95 - p.lower95;
    expect(width(returned.forecast[7])).toBeGreaterThanOrEqual(width(returned.forecast[0]));
    const rate = got.body.series.find((s: any) => s.measure === 'return_rate');
    for (const p of rate.forecast) expect(p.upper95).toBeLessThanOrEqual(1);
  });

  it('refuses a count that overflows to Infinity, which the validator lets through (ajv#2212)', async () => {
    for (const query of ['history=1e400', 'weeks=Infinity']) {
      const got = await api('GET', `/api/v1/analytics/forecast?${query}`);
      expect(got.status, query).toBe(400);
      expect(got.body.errors).toEqual([
        { field: `querystring/${query.split('=')[0]}`, message: 'must be a finite number' },
      ]);
    }
  });

  it('flags orders above 5,000.00 and of customers with two past complaints, with the reasons', async () => {
    const got = await api('GET', `/api/v1/analytics/risk/orders?from=${WEEK}&to=2026-03-16`);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const byId = new Map(got.body.items.map((o: any) => [o.orderId, o]));
    expect(byId.get(ids.bigOrder)).toMatchObject({
      reasons: [{ code: 'high_value_order', totalMinor: 600_000, currency: 'EUR', thresholdMinor: 500_000 }],
    });
    expect(byId.get(ids.complainerOrder)).toMatchObject({
      pastComplaints: 2,
      reasons: [{ code: 'repeat_complainant', pastComplaints: 2, threshold: 2 }],
    });
    expect(byId.has(ids.plainOrder)).toBe(false);
  });

  it('scores the serial returner highest, with each reason and its figure', async () => {
    const got = await api('GET', `/api/v1/analytics/risk/customers?from=${WEEK}&to=2026-03-16&limit=5`);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const top = got.body.items[0];
    expect(top).toMatchObject({ customerId: ids.serialReturner, flagged: true });
    expect(top.facts).toMatchObject({
      unitsBought: 8,
      unitsReturned: 8,
      contradictedClaims: 2,
      inspectedClaims: 2,
      sharedAccounts: 1,
    });
    expect(top.reasons.map((r: any) => r.signal)).toEqual(
      expect.arrayContaining(['return_share', 'contradicted_claims', 'value_returned', 'shared_identity']),
    );
    const one = await api('GET', `/api/v1/analytics/risk/customers/${ids.serialReturner}`);
    expect(one.body.score).toBe(top.score);
    expect((await api('GET', `/api/v1/analytics/risk/customers/${randomUUID()}`)).status).toBe(404);
  });

  it('keeps the thresholds in a tenant setting, checked before they are stored', async () => {
    expect((await api('GET', '/api/v1/analytics/risk-settings')).body).toMatchObject({
      orderValue: 5000,
      pastComplaints: 2,
    });
    const bad = await api('PUT', '/api/v1/analytics/risk-settings', {
      signals: {
        return_share: { from: 0.3, full: 0.8, weight: 50 },
        value_returned: { from: 500, full: 5000, weight: 20 },
        contradicted_claims: { from: 1, full: 3, weight: 30 },
        shared_identity: { from: 1, full: 4, weight: 15 },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect(bad.body.errors).toEqual([
      { field: '/signals', message: 'The weights must add up to 100 (they add up to 115).' },
    ]);
    expect((await api('PUT', '/api/v1/analytics/risk-settings', { orderValue: -1 })).status).toBe(400);

    const put = await api('PUT', '/api/v1/analytics/risk-settings', { orderValue: 7000 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ orderValue: 7000, pastComplaints: 2 });
    const risky = (await api('GET', `/api/v1/analytics/risk/orders?from=${WEEK}&to=2026-03-16`)).body.items;
    expect(risky.map((o: any) => o.orderId)).not.toContain(ids.bigOrder);
  });
});
