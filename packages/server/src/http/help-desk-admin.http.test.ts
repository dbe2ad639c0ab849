import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamEvents } from '../db/repositories/events.repository.js';
import { inTenant } from '../db/scope.js';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import { client, importOrder, testDatabaseKind } from '../testing/harness.test-helpers.js';
import {
  type Api,
  BERLIN_HOURS,
  expectProblem,
  fieldsOf,
  type HelpDeskApp,
  startHelpDeskApp,
} from '../testing/help-desk.test-helpers.js';

describe(`teams, agents, macros and inboxes over HTTP (${testDatabaseKind()})`, () => {
  let h: HelpDeskApp;
  let api: Api;
  let other: Api;
  let agent: Api;
  let manager: Api;
  const now = new Date();

  beforeAll(async () => {
    h = await startHelpDeskApp(now);
    ({ api, other, agent, manager } = h);
  });
  afterAll(() => h.app.close());

  it('sets up teams and agents’ routing profiles, with each agent’s open cases', async () => {
    const team = await manager('POST', '/api/v1/teams', { name: 'Returns EU' });
    expect(team.status).toBe(201);
    expectProblem(await manager('POST', '/api/v1/teams', { name: 'Returns EU' }), 409, 'conflict');
    const renamed = await manager('PATCH', `/api/v1/teams/${team.body.id}`, { name: 'Returns DACH' });
    expect(renamed.body).toMatchObject({ name: 'Returns DACH', memberCount: 0 });

    const profile = {
      teamId: team.body.id,
      isLead: true,
      languages: ['de', 'en'],
      skills: ['return', 'quality'],
      channels: ['email', 'chat'],
      capacity: 5,
    };
    const patched = await manager('PATCH', `/api/v1/agents/${h.agentId}`, profile);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...profile, presence: 'offline', openCases: 0, role: 'agent' });

    const order = await importOrder(api, sampleOrder(now));
    const filed = await api('POST', '/api/v1/cases', noReasonReturn(order));
    await h.inA((tx) =>
      tx.updateTable('cases').set({ assignee_id: h.agentId }).where('id', '=', filed.body.id).execute(),
    );
    const agents = (await agent('GET', '/api/v1/agents')).body.items;
    expect(agents.find((a: any) => a.id === h.agentId)).toMatchObject({
      openCases: 1,
      capacity: 5,
      teamId: team.body.id,
    });
    expect((await agent('GET', '/api/v1/teams')).body.items).toContainEqual(
      expect.objectContaining({ memberCount: 1 }),
    );

    const otherTeam = await other('POST', '/api/v1/teams', { name: 'Elsewhere' });
    const refused = await manager('PATCH', `/api/v1/agents/${h.agentId}`, {
      teamId: otherTeam.body.id,
      skills: ['juggling'],
    });
    expectProblem(refused, 400, 'validation_failed');
    expect(fieldsOf(refused)).toEqual(['/skills/0']);
    expect(
      fieldsOf(await manager('PATCH', `/api/v1/agents/${h.agentId}`, { teamId: otherTeam.body.id })),
    ).toEqual(['/teamId']);
    expectProblem(await other('PATCH', `/api/v1/agents/${h.agentId}`, { capacity: 1 }), 404, 'not_found');
  });

  it('lets agents set their own presence only', async () => {
    const online = await agent('PUT', '/api/v1/agents/me/presence', { presence: 'online' });
    expect(online.status).toBe(200);
    expect(online.body).toMatchObject({ id: h.agentId, presence: 'online' });
    expectProblem(
      await agent('PATCH', `/api/v1/agents/${h.agentId}`, { presence: 'away' }),
      403,
      'forbidden',
    );
    expectProblem(await api('PUT', '/api/v1/agents/me/presence', { presence: 'online' }), 403, 'forbidden');
    expectProblem(
      await agent('PUT', '/api/v1/agents/me/presence', { presence: 'asleep' }),
      400,
      'validation_failed',
    );
  });

  it('keeps macros in several languages; agents read them but only managers write', async () => {
    const macro = {
      name: 'Refund on its way',
      category: 'refunds',
      variants: {
        en: { subject: 'Your refund', body: 'Hello {{customer.name}}, your refund is on its way.' },
        'zh-CN': { body: '您好，退款已在处理中。' },
      },
    };
    expectProblem(await agent('POST', '/api/v1/macros', macro), 403, 'forbidden');
    const created = await manager('POST', '/api/v1/macros', macro);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(macro);
    const id = created.body.id;
    expect((await agent('GET', '/api/v1/macros')).body.items.map((m: any) => m.name)).toContain(macro.name);
    expect((await agent('GET', `/api/v1/macros/${id}`)).body.variants['zh-CN'].body).toBe(
      '您好，退款已在处理中。',
    );
    expectProblem(await manager('POST', '/api/v1/macros', macro), 409, 'conflict');

    const empty = await manager('POST', '/api/v1/macros', { name: 'Empty', variants: {} });
    expectProblem(empty, 400, 'validation_failed');
    expect(fieldsOf(empty)).toEqual(['body/variants']);
    const blank = await manager('POST', '/api/v1/macros', {
      name: 'Blank',
      variants: { en: { body: '  \n ' } },
    });
    expect(fieldsOf(blank)).toEqual(['/variants/en/body']);
    const huge = await manager('POST', '/api/v1/macros', {
      name: 'Huge',
      variants: { en: { body: 'x'.repeat(20_001) } },
    });
    expectProblem(huge, 400, 'validation_failed');

    const updated = await manager('PUT', `/api/v1/macros/${id}`, {
      ...macro,
      variants: { de: { body: 'Hallo!' } },
    });
    expect(Object.keys(updated.body.variants)).toEqual(['de']);
    expectProblem(await agent('DELETE', `/api/v1/macros/${id}`), 403, 'forbidden');
    expect((await manager('DELETE', `/api/v1/macros/${id}`)).status).toBe(204);
    expectProblem(await agent('GET', `/api/v1/macros/${id}`), 404, 'not_found');
    const events = await h.inA((tx) => streamEvents(tx, id));
    expect(events.map((e) => e.type)).toEqual(['macro.created', 'macro.updated', 'macro.deleted']);
    expect(events[0]).toMatchObject({ stream: 'macro', actor_type: 'agent' });
  });

  it('keeps inboxes: e-mail ones with an address, chat and web ones without', async () => {
    const email = await api('POST', '/api/v1/inboxes', {
      channel: 'email',
      name: 'Support',
      address: `Support-${h.otherTenantId.slice(0, 8)}@Shop.example`,
    });
    expect(email.status).toBe(201);
    expect(email.body).toMatchObject({
      channel: 'email',
      address: `support-${h.otherTenantId.slice(0, 8)}@shop.example`,
      storeId: null,
      teamId: null,
    });
    const chat = await api('POST', '/api/v1/inboxes', { channel: 'chat', name: 'Website chat' });
    expect(chat.body).toMatchObject({ channel: 'chat', address: null });
    expect((await agent('GET', '/api/v1/inboxes')).body.items).toHaveLength(2);

    expect(fieldsOf(await api('POST', '/api/v1/inboxes', { channel: 'email', name: 'No address' }))).toEqual([
      '/address',
    ]);
    expect(
      fieldsOf(
        await api('POST', '/api/v1/inboxes', { channel: 'web', name: 'Form', address: 'form@shop.example' }),
      ),
    ).toEqual(['/address']);
    expect(
      fieldsOf(await api('PATCH', `/api/v1/inboxes/${chat.body.id}`, { address: 'chat@shop.example' })),
    ).toEqual(['/address']);

    const team = await api('POST', '/api/v1/teams', { name: 'Chat crew' });
    const patched = await api('PATCH', `/api/v1/inboxes/${chat.body.id}`, {
      name: 'Chat',
      teamId: team.body.id,
    });
    expect(patched.body).toMatchObject({ name: 'Chat', teamId: team.body.id, channel: 'chat' });
    expect((await api('DELETE', `/api/v1/inboxes/${chat.body.id}`)).status).toBe(204);
    expectProblem(await api('GET', `/api/v1/inboxes/${chat.body.id}`), 404, 'not_found');
  });

  it('refuses an e-mail address another tenant’s inbox has, whatever its case', async () => {
    const address = `orders-${h.otherTenantId.slice(0, 8)}@shop.example`;
    expect(
      (await other('POST', '/api/v1/inboxes', { channel: 'email', name: 'Orders', address })).status,
    ).toBe(201);
    const taken = await api('POST', '/api/v1/inboxes', {
      channel: 'email',
      name: 'Mine',
      address: address.toUpperCase(),
    });
    expectProblem(taken, 409, 'conflict');
    expect(taken.body.detail).toMatch(/already used by another inbox/);
  });

  it("hides one tenant's macros, calendars and inboxes from another", async () => {
    const macro = (await api('POST', '/api/v1/macros', { name: 'Private', variants: { en: { body: 'Hi' } } }))
      .body;
    const calendar = (await api('POST', '/api/v1/calendars', { name: 'Private', spec: BERLIN_HOURS })).body;
    const inbox = (await api('POST', '/api/v1/inboxes', { channel: 'web', name: 'Private' })).body;
    for (const [path, change] of [
      [`/api/v1/macros/${macro.id}`, { name: 'Mine', variants: { en: { body: 'Hi' } } }],
      [`/api/v1/calendars/${calendar.id}`, { name: 'Mine', spec: BERLIN_HOURS }],
    ] as const) {
      expectProblem(await other('GET', path), 404, 'not_found');
      expectProblem(await other('PUT', path, change), 404, 'not_found');
      expectProblem(await other('DELETE', path), 404, 'not_found');
    }
    expectProblem(await other('GET', `/api/v1/inboxes/${inbox.id}`), 404, 'not_found');
    expectProblem(await other('PATCH', `/api/v1/inboxes/${inbox.id}`, { name: 'Mine' }), 404, 'not_found');
    expectProblem(await other('DELETE', `/api/v1/inboxes/${inbox.id}`), 404, 'not_found');
    const [otherStore] = await inTenant(h.app.services.db, h.otherTenantId, (tx) =>
      tx.selectFrom('stores').select('id').execute(),
    );
    const borrowed = await other('PUT', `/api/v1/stores/${otherStore?.id}/calendar`, {
      calendarId: calendar.id,
    });
    expect(fieldsOf(borrowed)).toEqual(['/calendarId']);
    expect((await other('GET', '/api/v1/macros')).body.items).toEqual([]);
    expect((await api('GET', `/api/v1/macros/${macro.id}`)).status).toBe(200);
  });

  it('shows customers none of the set-up', async () => {
    const order = await importOrder(api, sampleOrder(now, { email: 'nosy@example.com' }));
    const token = await api('POST', '/api/v1/auth/customer-token', {
      tenantId: h.app.tenant.tenantId,
      orderNumber: order.number,
      email: 'nosy@example.com',
    });
    const customer = client(h.app.server.url, token.body.token);
    for (const path of [
      '/macros',
      '/agents',
      '/teams',
      '/inboxes',
      '/calendars',
      '/settings/forbidden-phrases',
    ])
      expectProblem(await customer('GET', `/api/v1${path}`), 403, 'forbidden');
  });
});
