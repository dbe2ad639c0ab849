import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noReasonReturn, qualityReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import { importOrder, testDatabaseKind } from '../testing/harness.test-helpers.js';
import {
  type Api,
  expectProblem,
  fieldsOf,
  type HelpDeskApp,
  startHelpDeskApp,
} from '../testing/help-desk.test-helpers.js';

const DAY = 86_400_000;

describe(`policy preview: a draft replayed against the recent requests (${testDatabaseKind()})`, () => {
  let h: HelpDeskApp;
  let api: Api;
  let manager: Api;
  const now = new Date();
  const filed: Record<string, { id: string; number: number; refundableMinor: number; status: string }> = {};

  // The default policy: 7 days to return, no-reason returns approved alone. Returns of
  // goods delivered 1, 3 and 5 days ago are approved, 10 days ago rejected; a quality
  // complaint waits for review; one approval from last year lies outside every window.
  beforeAll(async () => {
    h = await startHelpDeskApp(now);
    ({ api, manager } = h);
    const requests = { d1: 1, d3: 3, d5: 5, d10: 10, quality: 2, old: 1 } as const;
    for (const [name, deliveredDaysAgo] of Object.entries(requests)) {
      const order = await importOrder(api, sampleOrder(now, { deliveredDaysAgo }));
      const body = name === 'quality' ? qualityReturn(order, 'The sole came off.') : noReasonReturn(order);
      const answer = await api('POST', '/api/v1/cases', body);
      expect(answer.status).toBe(201);
      filed[name] = answer.body;
    }
    // A second request on the same line: the units the first one claimed count against it.
    const twice = await importOrder(api, sampleOrder(now, { deliveredDaysAgo: 4 }));
    filed.first = (await api('POST', '/api/v1/cases', noReasonReturn(twice, 2))).body;
    filed.second = (await api('POST', '/api/v1/cases', noReasonReturn(twice, 1))).body;
    // The creation time is the database's: it is set by hand to file a request last year.
    await h.inA((tx) =>
      sql`update cases set created_at = ${new Date(now.getTime() - 200 * DAY)} where id = ${filed.old?.id}`.execute(
        tx,
      ),
    );
  });
  afterAll(() => h.app.close());

  it('decides every request as it was decided when the draft is the policy in force', async () => {
    const policy = (await api('GET', '/api/v1/policy')).body.document;
    const preview = await manager('POST', '/api/v1/policy/preview', { document: policy });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(filed.second?.status).toBe('rejected');
    expect(preview.body.cases).toBe(7);
    expect(preview.body.current.outcomes).toEqual({ approve: 4, review: 1, reject: 2 });
    expect(preview.body.draft).toEqual(preview.body.current);
    expect(preview.body.changedCount).toBe(0);
    expect(preview.body.changed).toEqual([]);
    expect(Date.parse(preview.body.to) - Date.parse(preview.body.from)).toBe(90 * DAY);
  });

  it('shows which approvals a shorter return window turns into rejections, with figures that add up', async () => {
    const preview = await manager('POST', '/api/v1/policy/preview', {
      document: { returnWindowDays: 2 },
      days: 30,
    });
    expect(preview.status).toBe(200);
    const { current, draft, changed, changedCount, cases } = preview.body;
    expect(cases).toBe(7);
    expect(current.outcomes).toEqual({ approve: 4, review: 1, reject: 2 });
    // Delivered 3, 4 and 5 days ago: now outside the window.
    expect(draft.outcomes).toEqual({ approve: 1, review: 1, reject: 5 });
    expect(current.automatedShare).toBeCloseTo(6 / 7);
    expect(draft.automatedShare).toBeCloseTo(6 / 7);
    expect(changedCount).toBe(3);
    expect(changed.map((c: any) => c.caseId).sort()).toEqual(
      [filed.d3?.id, filed.d5?.id, filed.first?.id].sort(),
    );
    for (const c of changed)
      expect(c).toMatchObject({
        currentOutcome: 'approve',
        draftOutcome: 'reject',
        draftRefundMinor: 0,
        currency: 'EUR',
      });
    // Biggest change first: the two-unit return refunds the most.
    expect(changed[0].caseId).toBe(filed.first?.id);

    const approved = ['d1', 'd3', 'd5', 'first'].map((n) => filed[n]?.refundableMinor as number);
    const total = approved.reduce((a, b) => a + b, 0);
    expect(current.refundMinor).toEqual([{ currency: 'EUR', amountMinor: total }]);
    expect(draft.refundMinor).toEqual([{ currency: 'EUR', amountMinor: filed.d1?.refundableMinor }]);
    const moved = changed.reduce((sum: number, c: any) => sum + c.currentRefundMinor - c.draftRefundMinor, 0);
    expect(current.refundMinor[0].amountMinor - draft.refundMinor[0].amountMinor).toBe(moved);
  });

  it('replays only the requests of the days asked for', async () => {
    const all = await manager('POST', '/api/v1/policy/preview', { document: {}, days: 365 });
    expect(all.body.cases).toBe(8);
  });

  it('refuses a bad draft with the same field errors as publishing, and agents', async () => {
    const document = { returnWindowDays: -3, shipping: { deductFromRefund: 'yes' } };
    const preview = await manager('POST', '/api/v1/policy/preview', { document });
    expectProblem(preview, 400, 'validation_failed');
    const publish = await manager('POST', '/api/v1/policy/versions', { document });
    expect(fieldsOf(preview)).toEqual(fieldsOf(publish));
    expect(fieldsOf(preview)).toContain('/returnWindowDays');
    expectProblem(
      await manager('POST', '/api/v1/policy/preview', { document: {}, days: 0 }),
      400,
      'validation_failed',
    );
    expectProblem(await h.agent('POST', '/api/v1/policy/preview', { document: {} }), 403, 'forbidden');
  });
});
