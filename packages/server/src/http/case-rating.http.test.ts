import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../app/auth/secrets.js';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import { client, importOrder, testDatabaseKind } from '../testing/harness.test-helpers.js';
import {
  type Api,
  expectProblem,
  type HelpDeskApp,
  startHelpDeskApp,
} from '../testing/help-desk.test-helpers.js';

describe(`customers rate their finished case from the portal (${testDatabaseKind()})`, () => {
  let h: HelpDeskApp;
  let api: Api;
  let customer: Api;
  const now = new Date();
  const email = `rater-${randomUUID().slice(0, 8)}@example.com`;

  // Delivered 10 days ago: the policy rejects the return at once, so the case is done.
  const fileRejected = async () => {
    const order = await importOrder(api, sampleOrder(now, { email, deliveredDaysAgo: 10 }));
    const filed = await customer('POST', '/api/v1/cases', noReasonReturn(order));
    expect(filed.body.status).toBe('rejected');
    return filed.body as { id: string; number: number };
  };

  beforeAll(async () => {
    h = await startHelpDeskApp(now);
    api = h.api;
    const order = await importOrder(api, sampleOrder(now, { email }));
    const token = await api('POST', '/api/v1/auth/customer-token', {
      tenantId: h.app.tenant.tenantId,
      orderNumber: order.number,
      email,
    });
    customer = client(h.app.server.url, token.body.token);
  });
  afterAll(() => h.app.close());

  it('takes one rating of a finished case, shows it on the case and counts it in CSAT', async () => {
    const c = await fileRejected();
    expect((await customer('GET', `/api/v1/cases/${c.id}`)).body.rating).toBeNull();
    const rated = await customer('POST', `/api/v1/cases/${c.id}/rating`, {
      score: 4,
      comment: '  Quick answer. ',
    });
    expect(rated.status).toBe(201);
    expect(rated.body).toEqual({ score: 4, comment: 'Quick answer.', answeredAt: now.toISOString() });
    const view = await customer('GET', `/api/v1/cases/${c.id}`);
    expect(view.body.rating).toEqual(rated.body);
    expect(view.body.timeline.map((e: any) => e.type)).toContain('survey.answered');

    const again = await customer('POST', `/api/v1/cases/${c.id}/rating`, { score: 5 });
    expectProblem(again, 409, 'conflict');
    expect(again.body.detail).toMatch(/already rated/);

    const from = new Date(now.getTime() - 60_000).toISOString();
    const to = new Date(now.getTime() + 60_000).toISOString();
    const measures = await h.manager('GET', `/api/v1/measures/service?from=${from}&to=${to}`);
    expect(measures.body.groups[0].csat).toMatchObject({ responses: 1, average: 4 });
  });

  it('answers the survey mailed for the case, and refuses once that survey was answered', async () => {
    const mailed = await fileRejected();
    const answered = await fileRejected();
    const token = `tok-${randomUUID()}`;
    await h.inA((tx) =>
      tx
        .insertInto('surveys')
        .values([
          {
            id: randomUUID(),
            tenant_id: h.app.tenant.tenantId,
            case_id: mailed.id,
            token_hash: hashToken(`x${token}`),
            language: 'de',
          },
          {
            id: randomUUID(),
            tenant_id: h.app.tenant.tenantId,
            case_id: answered.id,
            token_hash: hashToken(token),
            language: 'de',
          },
        ])
        .execute(),
    );
    expect((await api('POST', `/api/v1/surveys/${token}`, { score: 2 })).status).toBe(200);
    const late = await customer('POST', `/api/v1/cases/${answered.id}/rating`, { score: 5 });
    expectProblem(late, 409, 'conflict');

    expect((await customer('POST', `/api/v1/cases/${mailed.id}/rating`, { score: 5 })).status).toBe(201);
    const rows = await h.inA((tx) =>
      tx.selectFrom('surveys').select(['score', 'answered_at']).where('case_id', '=', mailed.id).execute(),
    );
    expect(rows).toEqual([{ score: 5, answered_at: now }]);
  });

  it('waits until the case is done, and is only for the customer’s own case', async () => {
    const order = await importOrder(api, sampleOrder(now, { email }));
    const open = await customer('POST', '/api/v1/cases', noReasonReturn(order));
    expect(open.body.status).toBe('awaiting_return');
    const early = await customer('POST', `/api/v1/cases/${open.body.id}/rating`, { score: 5 });
    expectProblem(early, 409, 'conflict');
    expect(early.body.detail).toMatch(/once it is done/);

    const c = await fileRejected();
    expectProblem(await api('POST', `/api/v1/cases/${c.id}/rating`, { score: 5 }), 403, 'forbidden');
    expectProblem(await h.agent('POST', `/api/v1/cases/${c.id}/rating`, { score: 5 }), 403, 'forbidden');
    const stranger = await importOrder(api, sampleOrder(now, { deliveredDaysAgo: 10 }));
    const theirs = await api('POST', '/api/v1/cases', noReasonReturn(stranger));
    expectProblem(
      await customer('POST', `/api/v1/cases/${theirs.body.id}/rating`, { score: 1 }),
      404,
      'not_found',
    );
    expectProblem(
      await customer('POST', `/api/v1/cases/${c.id}/rating`, { score: 6 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await customer('POST', `/api/v1/cases/${c.id}/rating`, { score: 3, comment: 'x'.repeat(2001) }),
      400,
      'validation_failed',
    );
  });
});
