import { DEFAULT_SLA_POLICY } from '@afterdesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadForbiddenPhrases,
  loadHelpDeskSettings,
  loadSlaPolicy,
} from '../app/settings/help-desk-settings.js';
import { streamEvents } from '../db/repositories/events.repository.js';
import { inTenant } from '../db/scope.js';
import { testDatabaseKind } from '../testing/harness.test-helpers.js';
import {
  type Api,
  BERLIN_HOURS,
  expectProblem,
  fieldsOf,
  type HelpDeskApp,
  startHelpDeskApp,
} from '../testing/help-desk.test-helpers.js';

describe(`help-desk settings and calendars over HTTP (${testDatabaseKind()})`, () => {
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

  it('answers the defaults while a tenant has stored nothing, and so do the loaders', async () => {
    const sla = await agent('GET', '/api/v1/settings/sla-policy');
    expect(sla.status).toBe(200);
    expect(sla.body).toEqual({ policy: JSON.parse(JSON.stringify(DEFAULT_SLA_POLICY)), isDefault: true });
    const phrases = await other('GET', '/api/v1/settings/forbidden-phrases');
    expect(phrases.body.isDefault).toBe(true);
    expect(phrases.body.phrases).toContainEqual(
      expect.objectContaining({ language: 'zh-CN', severity: 'block' }),
    );
    const defaults = {
      reopenDays: 7,
      surveyOnSolve: true,
      vipRule: { yearlySpendMinor: 1_000_000, orders: 5 },
      autoAcknowledge: true,
      publicBaseUrl: null,
      selfService: { enabled: true, minConfidence: 0.6 },
      refundBusinessDays: 5,
    };
    expect((await other('GET', '/api/v1/settings/help-desk')).body).toEqual(defaults);
    await inTenant(h.app.services.db, h.otherTenantId, async (tx) => {
      expect(await loadHelpDeskSettings(tx)).toEqual(defaults);
      expect(await loadSlaPolicy(tx)).toEqual(DEFAULT_SLA_POLICY);
      expect((await loadForbiddenPhrases(tx)).length).toBe(phrases.body.phrases.length);
    });
  });

  it('stores an SLA policy, and refuses a bad one naming each field', async () => {
    const policy = { ...DEFAULT_SLA_POLICY, warnShare: 0.75, rules: DEFAULT_SLA_POLICY.rules.slice(0, 2) };
    const put = await manager('PUT', '/api/v1/settings/sla-policy', { policy });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ isDefault: false, policy: { warnShare: 0.75 } });
    expect((await agent('GET', '/api/v1/settings/sla-policy')).body.policy.rules).toHaveLength(2);
    expect((await h.inA((tx) => loadSlaPolicy(tx))).warnShare).toBe(0.75);

    const bad = await api('PUT', '/api/v1/settings/sla-policy', {
      policy: {
        warnShare: 2,
        rules: [{ name: 'x', when: { priority: ['high'] }, targets: { resolution: { businessDays: 0 } } }],
        escalation: { warning: [], breach: ['shout'] },
      },
    });
    expectProblem(bad, 400, 'validation_failed');
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining([
        '/policy/warnShare',
        '/policy/rules/0/when/priority',
        '/policy/rules/0/targets/resolution/businessDays',
        '/policy/escalation/breach/0',
      ]),
    );
    expect((await agent('GET', '/api/v1/settings/sla-policy')).body.policy.warnShare).toBe(0.75);
    expectProblem(await agent('PUT', '/api/v1/settings/sla-policy', { policy }), 403, 'forbidden');
  });

  it('replaces the forbidden phrases, trimmed, and refuses blank or repeated ones', async () => {
    const phrases = [
      { phrase: '  not my department ', language: 'en', severity: 'block', suggestion: 'Let me find out.' },
      { phrase: 'obviously', language: '*', severity: 'warn' },
    ];
    const put = await api('PUT', '/api/v1/settings/forbidden-phrases', { phrases });
    expect(put.status).toBe(200);
    expect((await agent('GET', '/api/v1/settings/forbidden-phrases')).body).toEqual({
      phrases: [{ ...phrases[0], phrase: 'not my department' }, phrases[1]],
      isDefault: false,
    });
    expect(await h.inA((tx) => loadForbiddenPhrases(tx))).toHaveLength(2);

    const blank = await api('PUT', '/api/v1/settings/forbidden-phrases', {
      phrases: [{ phrase: '   ', language: 'en', severity: 'warn' }, phrases[1], phrases[1]],
    });
    expectProblem(blank, 400, 'validation_failed');
    expect(fieldsOf(blank)).toEqual(['/phrases/0/phrase', '/phrases/2/phrase']);
    const shape = await api('PUT', '/api/v1/settings/forbidden-phrases', {
      phrases: [{ phrase: 'x'.repeat(201), language: 'english!', severity: 'maybe' }],
    });
    expectProblem(shape, 400, 'validation_failed');
    expect(fieldsOf(shape)).toEqual(
      expect.arrayContaining(['body/phrases/0/phrase', 'body/phrases/0/language', 'body/phrases/0/severity']),
    );
  });

  it('changes help-desk settings one at a time over the defaults', async () => {
    const first = await manager('PATCH', '/api/v1/settings/help-desk', {
      reopenDays: 14,
      publicBaseUrl: 'https://help.example.com/',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      reopenDays: 14,
      publicBaseUrl: 'https://help.example.com',
      surveyOnSolve: true,
    });
    const second = await manager('PATCH', '/api/v1/settings/help-desk', { surveyOnSolve: false });
    expect(second.body).toMatchObject({ reopenDays: 14, surveyOnSolve: false, autoAcknowledge: true });
    expect((await h.inA((tx) => loadHelpDeskSettings(tx))).reopenDays).toBe(14);
    for (const body of [
      {},
      { reopenDays: -1 },
      { vipRule: { orders: 3 } },
      { colour: 'red' },
      { publicBaseUrl: 'ftp://x' },
    ])
      expectProblem(await manager('PATCH', '/api/v1/settings/help-desk', body), 400, 'validation_failed');
    expectProblem(await agent('PATCH', '/api/v1/settings/help-desk', { reopenDays: 1 }), 403, 'forbidden');
  });

  it('keeps business calendars and runs a store on one until the calendar is deleted', async () => {
    const created = await api('POST', '/api/v1/calendars', { name: 'Munich office', spec: BERLIN_HOURS });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Munich office', spec: BERLIN_HOURS, storeIds: [] });
    const id = created.body.id;
    expect((await agent('GET', '/api/v1/calendars')).body.items.map((c: any) => c.id)).toContain(id);

    const stores = await agent('GET', '/api/v1/stores');
    expect(stores.status).toBe(200);
    const store = stores.body.items.find((s: any) => s.code === 'eu');
    expect(store).toMatchObject({
      currency: expect.any(String),
      timeZone: expect.any(String),
      calendarId: null,
    });
    const assigned = await api('PUT', `/api/v1/stores/${store?.id}/calendar`, { calendarId: id });
    expect(assigned.body).toEqual({ storeId: store?.id, calendarId: id });
    expect((await agent('GET', `/api/v1/calendars/${id}`)).body.storeIds).toEqual([store?.id]);
    const listed = await agent('GET', '/api/v1/stores');
    expect(listed.body.items.find((s: any) => s.id === store?.id).calendarId).toBe(id);

    const renamed = await api('PUT', `/api/v1/calendars/${id}`, {
      name: 'Munich',
      spec: { ...BERLIN_HOURS, closures: [{ from: '2026-12-24', to: '2026-12-31', name: 'Winter break' }] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.spec.closures).toHaveLength(1);
    expectProblem(
      await api('POST', '/api/v1/calendars', { name: 'Munich', spec: BERLIN_HOURS }),
      409,
      'conflict',
    );

    expect((await api('DELETE', `/api/v1/calendars/${id}`)).status).toBe(204);
    expectProblem(await api('GET', `/api/v1/calendars/${id}`), 404, 'not_found');
    const after = await h.inA((tx) =>
      tx
        .selectFrom('stores')
        .select('calendar_id')
        .where('id', '=', store?.id as string)
        .executeTakeFirstOrThrow(),
    );
    expect(after.calendar_id).toBeNull();
    expect((await h.inA((tx) => streamEvents(tx, id))).map((e) => e.type)).toEqual([
      'calendar.created',
      'calendar.updated',
      'calendar.deleted',
    ]);
  });

  it('refuses a calendar in an unknown zone, naming the field', async () => {
    const bad = await api('POST', '/api/v1/calendars', {
      name: 'Mars base',
      spec: {
        ...BERLIN_HOURS,
        timeZone: 'Mars/Olympus_Mons',
        week: {
          mon: [
            ['18:00', '09:00'],
            ['08:00', '20:00'],
          ],
        },
      },
    });
    expectProblem(bad, 400, 'validation_failed');
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['/spec/timeZone', '/spec/week/mon']));
    expectProblem(
      await manager('POST', '/api/v1/calendars', { name: ' ', spec: BERLIN_HOURS }),
      400,
      'validation_failed',
    );
    expectProblem(
      await agent('POST', '/api/v1/calendars', { name: 'Mine', spec: BERLIN_HOURS }),
      403,
      'forbidden',
    );
  });
});
