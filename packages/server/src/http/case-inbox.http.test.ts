import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import { client, importOrder, testDatabaseKind } from '../testing/harness.test-helpers.js';
import {
  type Api,
  expectProblem,
  type HelpDeskApp,
  startHelpDeskApp,
} from '../testing/help-desk.test-helpers.js';

const HOUR = 3_600_000;

describe(`the agent inbox: case filters, SLA order and saved views (${testDatabaseKind()})`, () => {
  let h: HelpDeskApp;
  let api: Api;
  let agent: Api;
  let manager: Api;
  const now = new Date();
  const ids: Record<string, string> = {};
  const numbers: Record<string, number> = {};
  let returnCode = '';
  let email = '';

  // Five cases: a, b, c filed by web, d by phone, e by e-mail; each given by hand the
  // assignee, priority, due time and closing the filters and the SLA order are about.
  beforeAll(async () => {
    h = await startHelpDeskApp(now);
    ({ api, agent, manager } = h);
    const channels = { a: 'web', b: 'web', c: 'web', d: 'phone', e: 'email' } as const;
    for (const [name, channel] of Object.entries(channels)) {
      const input = sampleOrder(
        now,
        name === 'c' ? { email: `inbox-${h.app.tenant.tenantId}@example.com` } : {},
      );
      const order = await importOrder(api, input);
      const filed = await api('POST', '/api/v1/cases', { ...noReasonReturn(order), channel });
      expect(filed.status).toBe(201);
      ids[name] = filed.body.id;
      numbers[name] = filed.body.number;
      if (name === 'b') returnCode = filed.body.returnCode;
      if (name === 'c') email = input.customer.email ?? '';
    }
    const at = (hours: number | null) => (hours === null ? null : new Date(now.getTime() + hours * HOUR));
    const set = {
      a: { assignee_id: h.agentId, priority: 'high', sla_due_at: at(5) },
      b: { assignee_id: null, priority: 'normal', sla_due_at: at(1) },
      c: { assignee_id: h.agentId, priority: 'normal', sla_due_at: null },
      d: { assignee_id: null, priority: 'urgent', sla_due_at: at(1) },
      e: { assignee_id: null, priority: 'low', sla_due_at: null, status: 'closed', closed_at: now },
    };
    await h.inA(async (tx) => {
      for (const [name, columns] of Object.entries(set))
        await tx
          .updateTable('cases')
          .set(columns)
          .where('id', '=', ids[name] as string)
          .execute();
    });
  });
  afterAll(() => h.app.close());

  const names = (body: { items: { id: string }[] }) =>
    body.items.map((c) => Object.entries(ids).find(([, id]) => id === c.id)?.[0] ?? '?');
  const list = async (as: Api, query: string) => {
    const answer = await as('GET', `/api/v1/cases?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return names(answer.body);
  };

  it('filters by channel, assignee (me, none or an id), priority, open and several statuses', async () => {
    expect(await list(agent, 'channel=web')).toEqual(['c', 'b', 'a']);
    expect(await list(agent, 'assignee=me')).toEqual(['c', 'a']);
    expect(await list(manager, 'assignee=me')).toEqual([]);
    expect(await list(api, `assignee=${h.agentId}`)).toEqual(['c', 'a']);
    expect(await list(agent, 'assignee=none')).toEqual(['e', 'd', 'b']);
    expect(await list(agent, 'assignee=none&open=true')).toEqual(['d', 'b']);
    expect(await list(agent, 'open=false')).toEqual(['e']);
    expect(await list(agent, 'priority=urgent')).toEqual(['d']);
    expect(await list(agent, 'status=closed,awaiting_return&channel=email')).toEqual(['e']);
    expect((await list(agent, 'status=closed,awaiting_return')).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    // An API key is nobody: "me" means nothing to it.
    expectProblem(await api('GET', '/api/v1/cases?assignee=me'), 400, 'validation_failed');
    expectProblem(await agent('GET', '/api/v1/cases?status=Closed;drop'), 400, 'validation_failed');
  });

  it('finds a case by its number, its return code or the customer’s e-mail', async () => {
    expect(await list(agent, `q=${numbers.d}`)).toEqual(['d']);
    expect(await list(agent, `q=${encodeURIComponent(`#${numbers.d}`)}`)).toEqual(['d']);
    expect(await list(agent, `q=${returnCode.toLowerCase()}`)).toEqual(['b']);
    expect(await list(agent, `q=${encodeURIComponent(email.toUpperCase())}`)).toEqual(['c']);
    expect(await list(agent, 'q=nobody%40example.com')).toEqual([]);
  });

  it('orders by the earliest due time, cases without one last, then newest, and pages through it', async () => {
    expect(await list(agent, 'sort=sla')).toEqual(['d', 'b', 'a', 'e', 'c']);
    expect(await list(agent, 'sort=sla&open=true')).toEqual(['d', 'b', 'a', 'c']);
    for (const sort of ['sla', 'newest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Api>> = await agent(
          'GET',
          `/api/v1/cases?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        seen.push(...names(page.body));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(sort === 'sla' ? ['d', 'b', 'a', 'e', 'c'] : ['e', 'd', 'c', 'b', 'a']);
    }
    // A cursor continues only the order it was given out for.
    const newest = await agent('GET', '/api/v1/cases?limit=1');
    expectProblem(
      await agent('GET', `/api/v1/cases?sort=sla&cursor=${newest.body.nextCursor}`),
      400,
      'validation_failed',
    );
  });

  it('keeps each agent’s saved views to themselves', async () => {
    const saved = await agent('POST', '/api/v1/saved-views', {
      name: 'My urgent',
      filters: { assignee: 'me', open: 'true', sort: 'sla' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'My urgent', filters: { assignee: 'me', sort: 'sla' } });
    expectProblem(
      await agent('POST', '/api/v1/saved-views', { name: 'My urgent', filters: {} }),
      409,
      'conflict',
    );
    const bad = await agent('POST', '/api/v1/saved-views', { name: 'Odd', filters: { colour: 'red' } });
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body.errors[0].field).toBe('/filters/colour');

    expect((await agent('GET', '/api/v1/saved-views')).body.items.map((v: any) => v.name)).toEqual([
      'My urgent',
    ]);
    expect((await manager('GET', '/api/v1/saved-views')).body.items).toEqual([]);
    expectProblem(await manager('DELETE', `/api/v1/saved-views/${saved.body.id}`), 404, 'not_found');

    // Views belong to people: an API key or a customer has none.
    expectProblem(await api('GET', '/api/v1/saved-views'), 403, 'forbidden');
    const order = await importOrder(api, sampleOrder(now, { email: 'views@example.com' }));
    const token = await api('POST', '/api/v1/auth/customer-token', {
      tenantId: h.app.tenant.tenantId,
      orderNumber: order.number,
      email: 'views@example.com',
    });
    const customer = client(h.app.server.url, token.body.token);
    expectProblem(
      await customer('POST', '/api/v1/saved-views', { name: 'x', filters: {} }),
      403,
      'forbidden',
    );

    expect((await agent('DELETE', `/api/v1/saved-views/${saved.body.id}`)).status).toBe(204);
    expect((await agent('GET', '/api/v1/saved-views')).body.items).toEqual([]);
  });
});
