import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUpMeasures } from '../../jobs/roll-up-measures.job.js';
import {
  newTenant,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../../testing/harness.test-helpers.js';
import { type RawWriter, rawWriter } from './analytics-fixture.test-helpers.js';

// One week, Monday 2 March 2026 to Monday 9 March (exclusive), in each store's own days:
// the EU store runs on Berlin time (UTC+1 then), the CN store on Shanghai time (UTC+8).
const FROM = '2026-03-02';
const TO = '2026-03-09';
const SOON = () => new Date(Date.now() + 60_000);

describe(`measures over a hand-computed week (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let w: RawWriter;
  const ids: Record<string, string> = {};

  const measures = async (params: Record<string, string>) => {
    const query = new URLSearchParams({ from: FROM, to: TO, ...params });
    const answer = await app.api('GET', `/api/v1/analytics/measures?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as {
      rows: Array<{ key: Record<string, string>; values: Record<string, number | null> }>;
    };
  };
  const total = async (names: string[], params: Record<string, string> = {}) =>
    (await measures({ measures: names.join(','), ...params })).rows[0]?.values ?? {};

  beforeAll(async () => {
    app = await startTestApp();
    w = rawWriter(app, app.tenant.tenantId);
    const eu = await w.storeId('eu');
    const cn = await w.storeId('cn');
    const buyer = await w.customer('DE');
    const complainer = await w.customer('DE');
    const team = await w.team('Returns');
    ids.a1 = await w.agent(team);
    ids.a2 = await w.agent(team);
    ids.team = team;

    // O1: placed Mon 2 Mar (Berlin), 2 × A (shoes) + 1 × B (bags), delivered Wed 4 Mar.
    const o1 = await w.order({
      storeId: eu,
      customerId: buyer,
      placedAt: '2026-03-02T10:00:00Z',
      deliveredAt: '2026-03-04T12:00:00Z',
      country: 'DE',
      lines: [
        ['A', 'shoes', 2, { supplier: 'S1', batch: 'B1' }],
        ['B', 'bags', 1, { supplier: 'S2' }],
      ],
    });
    // O2: 23:30 UTC on Tue 3 Mar is 00:30 on Wed 4 Mar in Berlin; 3 × A, delivered Thu 5 Mar.
    const o2 = await w.order({
      storeId: eu,
      customerId: buyer,
      placedAt: '2026-03-03T23:30:00Z',
      deliveredAt: '2026-03-05T12:00:00Z',
      country: 'FR',
      lines: [['A', 'shoes', 3, { supplier: 'S1', batch: 'B2' }]],
    });
    // O3: 22:30 UTC on Sun 1 Mar is 23:30 Sunday in Berlin — placed before the week, delivered in it (5 × B).
    await w.order({
      storeId: eu,
      customerId: buyer,
      placedAt: '2026-03-01T22:30:00Z',
      deliveredAt: '2026-03-03T12:00:00Z',
      country: 'DE',
      lines: [['B', 'bags', 5, { supplier: 'S2' }]],
    });
    // O4: a credit note on Fri 6 Mar: 1 × B comes back; it is not a sale.
    await w.order({
      storeId: eu,
      customerId: buyer,
      placedAt: '2026-03-06T10:00:00Z',
      country: 'DE',
      creditNote: true,
      lines: [['B', 'bags', 1, { supplier: 'S2' }]],
    });
    // O5 (CN store): 20:00 UTC on Mon 2 Mar is 04:00 Tue 3 Mar in Shanghai; 4 × C (toys), delivered Thu 5 Mar.
    const o5 = await w.order({
      storeId: cn,
      customerId: buyer,
      placedAt: '2026-03-02T20:00:00Z',
      deliveredAt: '2026-03-05T03:00:00Z',
      country: 'CN',
      currency: 'CNY',
      lines: [['C', 'toys', 4]],
    });
    ids.o1 = o1.id;

    // C1: a return of 1 × A (too small) and 1 × B (damaged) from O1, approved by the policy at once, refunded.
    const c1 = await w.case_({
      kind: 'return',
      status: 'refunded',
      storeId: eu,
      customerId: buyer,
      orderId: o1.id,
      channel: 'web',
      createdAt: '2026-03-05T09:00:00Z',
      teamId: team,
      agentId: ids.a1,
      items: [
        { lineId: o1.lines[0] as string, sku: 'A', quantity: 1, reason: 'too_small', refundableMinor: 5000 },
        { lineId: o1.lines[1] as string, sku: 'B', quantity: 1, reason: 'damaged', refundableMinor: 3000 },
      ],
    });
    await w.event('case', c1, 'case.approved', '2026-03-05T09:00:00Z');
    // Paid 25 hours after the case was opened: 60.00 EUR.
    await w.refund({
      caseId: c1,
      orderId: o1.id,
      amountMinor: 6000,
      currency: 'EUR',
      settledAt: '2026-03-06T10:00:00Z',
    });
    // Its resolution clock breached on Fri 6 Mar and is still running.
    await w.clock({
      caseId: c1,
      metric: 'resolution',
      state: 'missed',
      startedAt: '2026-03-05T09:00:00Z',
      breachedAt: '2026-03-06T09:00:00Z',
    });
    await w.survey({ caseId: c1, agentId: ids.a1, score: 2, answeredAt: '2026-03-07T10:00:00Z' });
    await w.message({
      caseId: c1,
      customerId: buyer,
      seq: 1,
      direction: 'inbound',
      sentiment: -0.1,
      at: '2026-03-05T09:00:00Z',
    });
    await w.message({
      caseId: c1,
      customerId: buyer,
      seq: 2,
      direction: 'outbound',
      sentiment: 0.9,
      at: '2026-03-05T10:00:00Z',
    });
    ids.c1 = c1;

    // C2: an exchange of 2 × A from O2, rejected by an agent six hours later: not a returned unit.
    const c2 = await w.case_({
      kind: 'exchange',
      status: 'rejected',
      storeId: eu,
      customerId: buyer,
      orderId: o2.id,
      channel: 'web',
      createdAt: '2026-03-06T10:00:00Z',
      teamId: team,
      agentId: ids.a1,
      items: [{ lineId: o2.lines[0] as string, sku: 'A', quantity: 2, reason: 'too_small' }],
    });
    await w.event('case', c2, 'case.rejected', '2026-03-06T16:00:00Z', 'agent');
    ids.c2 = c2;

    // C0: a complaint in February (outside the week) by the same customer as C3.
    await w.case_({
      kind: 'complaint',
      status: 'solved',
      storeId: eu,
      customerId: complainer,
      channel: 'email',
      createdAt: '2026-02-20T10:00:00Z',
    });
    // C3: a complaint on Sat 7 Mar, open, answered in 30 minutes, compensated 10.00 USD on Sun 8 Mar.
    const c3 = await w.case_({
      kind: 'complaint',
      status: 'open',
      storeId: eu,
      customerId: complainer,
      channel: 'email',
      createdAt: '2026-03-07T08:00:00Z',
      teamId: team,
      agentId: ids.a2,
    });
    await w.clock({
      caseId: c3,
      metric: 'first_response',
      state: 'hit',
      startedAt: '2026-03-07T08:00:00Z',
      completedAt: '2026-03-07T08:30:00Z',
    });
    await w.refund({ caseId: c3, amountMinor: 1000, currency: 'USD', settledAt: '2026-03-08T12:00:00Z' });
    await w.message({
      caseId: c3,
      customerId: complainer,
      seq: 1,
      direction: 'inbound',
      sentiment: -0.6,
      at: '2026-03-07T08:00:00Z',
    });
    await w.survey({ caseId: c3, agentId: ids.a2, score: null, answeredAt: null });

    // C4 (CN store): a chat inquiry, first answer late (90 min, missed), solved in 4 hours (hit).
    const c4 = await w.case_({
      kind: 'inquiry',
      status: 'solved',
      storeId: cn,
      customerId: buyer,
      channel: 'chat',
      createdAt: '2026-03-03T02:00:00Z',
      agentId: ids.a2,
    });
    await w.clock({
      caseId: c4,
      metric: 'first_response',
      state: 'missed',
      startedAt: '2026-03-03T02:00:00Z',
      completedAt: '2026-03-03T03:30:00Z',
    });
    await w.clock({
      caseId: c4,
      metric: 'resolution',
      state: 'hit',
      startedAt: '2026-03-03T02:00:00Z',
      completedAt: '2026-03-03T06:00:00Z',
    });
    await w.survey({ caseId: c4, agentId: ids.a2, score: 5, answeredAt: '2026-03-04T02:00:00Z' });
    await w.message({
      caseId: c4,
      customerId: buyer,
      seq: 1,
      direction: 'inbound',
      sentiment: 0.2,
      at: '2026-03-03T02:00:00Z',
    });

    // Reviews: O1 1★ (−0.8), O2 4★ (no sentiment), O5 5★ (+0.9).
    await w.review({ orderId: o1.id, score: 1, sentiment: -0.8, reviewedAt: '2026-03-05T12:00:00Z' });
    await w.review({ orderId: o2.id, score: 4, sentiment: null, reviewedAt: '2026-03-06T12:00:00Z' });
    await w.review({ orderId: o5.id, score: 5, sentiment: 0.9, reviewedAt: '2026-03-08T12:00:00Z' });

    const rates = await app.api('PUT', '/api/v1/analytics/exchange-rates', {
      reportingCurrency: 'EUR',
      rates: [
        { currency: 'USD', rate: 0.9, validFrom: '2026-03-01' },
        { currency: 'USD', rate: 2, validFrom: '2026-03-20' },
      ],
    });
    expect(rates.status, JSON.stringify(rates.body)).toBe(200);
    await catchUpMeasures(app.services, { now: SOON() });
  }, 120_000);
  afterAll(() => app.close());

  it('counts sales and deliveries on their own store-local days', async () => {
    // Placed in the week: O1, O2 (Wed in Berlin), O5 (Tue in Shanghai); O3 was Sunday, O4 is a credit note.
    // units sold = 2 + 1 + 3 + 4 = 10. Delivered in the week: O1 (3), O2 (3), O3 (5), O5 (4) = 15 units, 4 orders.
    expect(await total(['orders', 'units_sold', 'units_delivered', 'orders_delivered'])).toEqual({
      orders: 3,
      units_sold: 10,
      units_delivered: 15,
      orders_delivered: 4,
    });
    // A day with deliveries but no sales has a row with 0 sold: the sales rollup has facts that day.
    const byDay = await measures({ measures: 'units_sold', groupBy: 'store,day' });
    expect(byDay.rows).toEqual([
      { key: { store: 'cn', day: '2026-03-03' }, values: { units_sold: 4 } },
      { key: { store: 'cn', day: '2026-03-05' }, values: { units_sold: 0 } },
      { key: { store: 'eu', day: '2026-03-02' }, values: { units_sold: 3 } },
      { key: { store: 'eu', day: '2026-03-03' }, values: { units_sold: 0 } },
      { key: { store: 'eu', day: '2026-03-04' }, values: { units_sold: 3 } },
      { key: { store: 'eu', day: '2026-03-05' }, values: { units_sold: 0 } },
    ]);
  });

  it('computes return rates by units and by order', async () => {
    // Returned: C1's 1 + 1 (the rejected exchange C2 does not count) + the credit note's 1 = 3 units.
    // return rate = 3 ÷ 15 = 0.2. Orders returned: O1 (C1) and O4 (credit note) = 2; 2 ÷ 4 delivered = 0.5.
    // Units named in any case: 2 (C1) + 2 (C2) + 1 (credit note) = 5.
    expect(
      await total(['units_returned', 'return_rate', 'orders_returned', 'order_return_rate', 'case_units']),
    ).toEqual({
      units_returned: 3,
      return_rate: 0.2,
      orders_returned: 2,
      order_return_rate: 0.5,
      case_units: 5,
    });
  });

  it('computes case flows: closure, complaints, decisions and refund times', async () => {
    // Cases opened in the week: C1, C2, C3, C4 (C0 was February) = 4; resolved: C1 refunded, C2 rejected, C4 solved = 3 → 0.75.
    // Complaints: C3, whose customer complained (C0) 15 days before → repeat rate 1 ÷ 1.
    // Decisions: C1 by the policy at once (0 h), C2 by an agent after 6 h → 2, auto share 0.5, mean 3 h.
    // Refunds paid: C1 after 25 h, C3 (opened Sat 08:00, paid Sun 12:00) after 28 h → mean 26.5 h.
    expect(
      await total([
        'cases',
        'closure_rate',
        'complaints',
        'repeat_complaint_rate',
        'decisions',
        'auto_approval_share',
        'decision_hours',
        'refunds',
        'refund_hours',
      ]),
    ).toEqual({
      cases: 4,
      closure_rate: 0.75,
      complaints: 1,
      repeat_complaint_rate: 1,
      decisions: 2,
      auto_approval_share: 0.5,
      decision_hours: 3,
      refunds: 2,
      refund_hours: 26.5,
    });
  });

  it('computes service levels, satisfaction and mood', async () => {
    // First responses completed: C3 30 min, C4 90 min → mean 60. Resolutions completed: C4 240 min.
    // SLA: hit = C3 first response + C4 resolution = 2; missed = C4 first response + C1 resolution (breached, running) = 2 → 0.5.
    // CSAT: answered 5 (C4) and 2 (C1) → satisfied (4–5) 1 of 2 = 0.5, mean score 3.5; C3's survey is unanswered.
    // Mood: inbound sentiment −0.1 (C1), −0.6 (C3), +0.2 (C4) → −0.5 ÷ 3; the outbound +0.9 is not the customer's.
    const v = await total([
      'first_response_minutes',
      'resolution_minutes',
      'sla_attainment',
      'csat',
      'csat_score',
      'csat_responses',
      'sentiment',
      'sentiment_messages',
    ]);
    expect(v).toEqual({
      first_response_minutes: 60,
      resolution_minutes: 240,
      sla_attainment: 0.5,
      csat: 0.5,
      csat_score: 3.5,
      csat_responses: 2,
      sentiment: expect.closeTo(-0.5 / 3, 6),
      sentiment_messages: 3,
    });
    // Agent KPIs: a1 got the 2★ survey, a2 the 5★ one.
    const agents = await measures({ measures: 'csat,cases', groupBy: 'agent' });
    expect(agents.rows).toEqual(
      expect.arrayContaining([
        { key: { agent: ids.a1 }, values: { csat: 0, cases: 2 } },
        { key: { agent: ids.a2 }, values: { csat: 1, cases: 2 } },
      ]),
    );
  });

  it('computes reviews', async () => {
    // Scores 1, 4, 5 → mean 10 ÷ 3, one negative (≤ 2); sentiment (−0.8 + 0.9) ÷ 2 rated reviews = 0.05.
    const v = await total(['reviews', 'review_score', 'negative_reviews', 'review_sentiment']);
    expect(v).toEqual({
      reviews: 3,
      review_score: expect.closeTo(10 / 3, 6),
      negative_reviews: 1,
      review_sentiment: expect.closeTo(0.05, 6),
    });
  });

  it('converts refunds into the reporting currency at the rate of their paid day and splits them over items', async () => {
    // 60.00 EUR + 10.00 USD × 0.9 (the rate from 1 March; the 20 March rate is not yet valid) = 69.00 EUR.
    expect(await total(['refunded'])).toEqual({ refunded: 69 });
    // C1's 60.00 split by refundable amounts 5000 : 3000 → shoes 37.50, bags 22.50; C3's compensation has no product.
    const byCategory = await measures({ measures: 'refunded', groupBy: 'category' });
    expect(byCategory.rows).toEqual([
      { key: { category: '' }, values: { refunded: 9 } },
      { key: { category: 'bags' }, values: { refunded: 22.5 } },
      { key: { category: 'shoes' }, values: { refunded: 37.5 } },
    ]);
    // Without a rate into CNY for EUR and USD, the total is unknown, and the answer says why.
    const cny = await app.api(
      'GET',
      `/api/v1/analytics/measures?from=${FROM}&to=${TO}&measures=refunded&currency=CNY`,
    );
    expect(cny.body.rows[0].values.refunded).toBeNull();
    expect(cny.body.notes.join(' ')).toMatch(/EUR \(paid 2026-03-06\)/);
  });

  it('refuses a rate too small for the ten decimals it is kept to', async () => {
    const tiny = await app.api('PUT', '/api/v1/analytics/exchange-rates', {
      reportingCurrency: 'EUR',
      rates: [{ currency: 'VND', rate: 5e-324, validFrom: '2026-03-01' }],
    });
    expect(tiny.status).toBe(400);
    expect(tiny.body.errors[0]).toMatchObject({ field: 'body/rates/0/rate' });
  });

  it('counts an order once per product group it has lines in', async () => {
    // O1 has lines in shoes and bags, O2 in shoes: shoes 2 orders, bags 1; both together 3 (order, category) pairs.
    const byCategory = await measures({ measures: 'orders', groupBy: 'category' });
    expect(byCategory.rows).toEqual([
      { key: { category: 'bags' }, values: { orders: 1 } },
      { key: { category: 'shoes' }, values: { orders: 2 } },
      { key: { category: 'toys' }, values: { orders: 1 } },
    ]);
    expect(await total(['orders'], { category: 'shoes,bags' })).toEqual({ orders: 3 });
    expect(await total(['orders'], { sku: 'A' })).toEqual({ orders: 2 });
  });

  it('draws the heat map of return rates by category and reason, with counts', async () => {
    // shoes: 1 returned too small ÷ 5 delivered (O1 2 + O2 3). bags: 1 damaged and 1 credit note ÷ 6 delivered (O1 1 + O3 5).
    const map = await app.api('GET', `/api/v1/analytics/heat-map?from=${FROM}&to=${TO}`);
    expect(map.status).toBe(200);
    expect(map.body.cells).toEqual(
      expect.arrayContaining([
        { row: 'shoes', reason: 'too_small', unitsReturned: 1, unitsDelivered: 5, returnRate: 0.2 },
        { row: 'bags', reason: 'damaged', unitsReturned: 1, unitsDelivered: 6, returnRate: 1 / 6 },
        { row: 'bags', reason: '', unitsReturned: 1, unitsDelivered: 6, returnRate: 1 / 6 },
      ]),
    );
    expect(map.body.cells).toHaveLength(3);
    expect(map.body.totals).toEqual(
      expect.arrayContaining([{ row: 'toys', unitsReturned: 0, unitsDelivered: 4, returnRate: 0 }]),
    );
    const byCountry = await app.api('GET', `/api/v1/analytics/heat-map?from=${FROM}&to=${TO}&rows=country`);
    // DE delivered O1 3 + O3 5 = 8; C1's 2 units and the credit note's 1 were DE.
    expect(byCountry.body.totals).toEqual(
      expect.arrayContaining([{ row: 'DE', unitsReturned: 3, unitsDelivered: 8, returnRate: 3 / 8 }]),
    );
  });

  it('drills down from an aggregate to its cases, paged', async () => {
    const bags = await app.api('GET', `/api/v1/analytics/cases?from=${FROM}&to=${TO}&category=bags`);
    expect(bags.body.items.map((c: { id: string }) => c.id)).toEqual([ids.c1]);
    expect(bags.body.items[0]).toMatchObject({ kind: 'return', store: 'eu', country: 'DE', agent: ids.a1 });
    const first = await app.api('GET', `/api/v1/analytics/cases?from=${FROM}&to=${TO}&store=eu&limit=1`);
    const second = await app.api(
      'GET',
      `/api/v1/analytics/cases?from=${FROM}&to=${TO}&store=eu&limit=5&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((c: { kind: string }) => c.kind)).toEqual([
      'complaint',
      'exchange',
      'return',
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('exports any table as CSV and XLSX', async () => {
    const csv = await fetch(
      `${app.server.url}/api/v1/analytics/measures?from=${FROM}&to=${TO}&measures=units_sold,return_rate&groupBy=category&format=csv`,
      { headers: { authorization: `Bearer ${app.tenant.apiKey}` } },
    );
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('category,units_sold,return_rate');
    expect(text).toContain('shoes,5,0.2');
    const xlsx = await fetch(
      `${app.server.url}/api/v1/analytics/heat-map?from=${FROM}&to=${TO}&format=xlsx`,
      {
        headers: { authorization: `Bearer ${app.tenant.apiKey}` },
      },
    );
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('answers 400 problems for queries it cannot answer', async () => {
    const bad = async (query: string) => {
      const answer = await app.api('GET', `/api/v1/analytics/measures?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
      return answer.body;
    };
    expect((await bad(`from=${FROM}&to=${TO}&measures=nonsense`)).errors[0].field).toBe('/measures');
    expect((await bad(`from=${TO}&to=${FROM}&measures=orders`)).errors[0].field).toBe('/to');
    expect((await bad(`from=${FROM}&to=${TO}&measures=orders&groupBy=week,month`)).errors[0].field).toBe(
      '/groupBy',
    );
    const combo = await bad(`from=${FROM}&to=${TO}&measures=csat&groupBy=sku`);
    expect(combo.errors[0].message).toMatch(/csat cannot be split or filtered by sku/);
    expect((await bad(`from=${FROM}&to=${TO}&measures=orders&store=nowhere`)).errors[0].field).toBe(
      '/filters/store',
    );
  });

  it("never shows another tenant's figures", async () => {
    const other = await newTenant(app.services, 'Other Shop');
    const ow = rawWriter(app, other.tenantId);
    await ow.order({
      storeId: await ow.storeId('eu'),
      customerId: await ow.customer('DE'),
      placedAt: '2026-03-03T10:00:00Z',
      lines: [['Z', 'shoes', 7]],
    });
    await catchUpMeasures(app.services, { now: SOON() });
    expect(await total(['units_sold'])).toEqual({ units_sold: 10 });
    const { queryMeasures } = await import('./measures.js');
    const theirs = await queryMeasures(other.ctx, { from: FROM, to: TO, measures: ['units_sold'] });
    expect(theirs.rows[0]?.values).toEqual({ units_sold: 7 });
  });

  it('moves a refund recorded late into the closed period it was paid in', async () => {
    const before = await measures({ measures: 'refunded', groupBy: 'day', store: 'eu' });
    expect(before.rows.find((r) => r.key.day === '2026-03-04')).toBeUndefined();
    // Weeks later, the bank reports a transfer for C2 made on Wed 4 Mar: 12.34 EUR.
    await w.refund({
      caseId: ids.c2,
      amountMinor: 1234,
      currency: 'EUR',
      settledAt: '2026-03-04T15:00:00Z',
      loggedAt: new Date().toISOString(),
    });
    expect(await total(['refunded'])).toEqual({ refunded: 69 });
    await catchUpMeasures(app.services, { now: SOON() });
    expect(await total(['refunded', 'refunds'])).toEqual({ refunded: 81.34, refunds: 3 });
    const after = await measures({ measures: 'refunded', groupBy: 'day', store: 'eu' });
    expect(after.rows.find((r) => r.key.day === '2026-03-04')?.values).toEqual({ refunded: 12.34 });
  });
});
