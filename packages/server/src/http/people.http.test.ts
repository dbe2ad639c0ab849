import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../db/scope.js';
import { client, testDatabaseKind } from '../testing/harness.test-helpers.js';
import {
  type Api,
  expectProblem,
  fieldsOf,
  type HelpDeskApp,
  signIn,
  startHelpDeskApp,
} from '../testing/help-desk.test-helpers.js';

describe(`admins manage API keys and agents (${testDatabaseKind()})`, () => {
  let h: HelpDeskApp;
  let admin: Api;

  beforeAll(async () => {
    h = await startHelpDeskApp();
    admin = (await signIn(h.app, 'admin')).as;
  });
  afterAll(() => h.app.close());

  it('issues a key shown once, lists it by its prefix and revokes it at once', async () => {
    const issued = await admin('POST', '/api/v1/api-keys', { name: ' ERP sync ' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ name: 'ERP sync', revokedAt: null });
    expect(issued.body.key).toMatch(/^afd_/);
    expect(issued.body.key.startsWith(issued.body.prefix)).toBe(true);

    const erp = client(h.app.server.url, issued.body.key);
    expect((await erp('GET', '/api/v1/cases')).status).toBe(200);

    const listed = await admin('GET', '/api/v1/api-keys');
    expect(listed.status).toBe(200);
    const names = listed.body.items.map((k: any) => k.name);
    expect(names).toEqual(['ERP sync', 'default']);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);

    expect((await admin('DELETE', `/api/v1/api-keys/${issued.body.id}`)).status).toBe(204);
    // Cached a moment ago as valid, and refused now all the same.
    expectProblem(await erp('GET', '/api/v1/cases'), 401, 'unauthenticated');
    const after = (await admin('GET', '/api/v1/api-keys')).body.items;
    expect(after.find((k: any) => k.id === issued.body.id).revokedAt).not.toBeNull();
    expect((await admin('DELETE', `/api/v1/api-keys/${issued.body.id}`)).status).toBe(204);
  });

  it('lets only admins manage keys: no key can revoke itself or another', async () => {
    const keys = (await admin('GET', '/api/v1/api-keys')).body.items;
    const own = keys.find((k: any) => k.name === 'default');
    expectProblem(await h.api('DELETE', `/api/v1/api-keys/${own.id}`), 403, 'forbidden');
    expectProblem(await h.api('GET', '/api/v1/api-keys'), 403, 'forbidden');
    expectProblem(await h.manager('POST', '/api/v1/api-keys', { name: 'x' }), 403, 'forbidden');
    // Another tenant's key is not found, and keeps working.
    const theirs = await inTenant(h.app.services.db, h.otherTenantId, (tx) =>
      tx.selectFrom('api_keys').select('id').executeTakeFirstOrThrow(),
    );
    expectProblem(await admin('DELETE', `/api/v1/api-keys/${theirs.id}`), 404, 'not_found');
    expect((await h.other('GET', '/api/v1/cases')).status).toBe(200);
  });

  it('adds an agent who can log in, listed as GET /agents lists them', async () => {
    const team = await h.manager('POST', '/api/v1/teams', { name: 'Returns' });
    const input = {
      email: `new-${h.app.tenant.tenantId.slice(0, 8)}@example.com`,
      name: 'Nora New',
      role: 'agent',
      password: 'twelve chars ok',
      teamId: team.body.id,
      languages: ['de', 'en'],
      skills: ['return'],
    };
    const created = await admin('POST', '/api/v1/agents', input);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Nora New',
      email: input.email,
      role: 'agent',
      active: true,
      teamId: team.body.id,
      languages: ['de', 'en'],
      skills: ['return'],
      openCases: 0,
    });
    const listed = (await admin('GET', '/api/v1/agents')).body.items;
    expect(listed.find((a: any) => a.id === created.body.id)).toEqual(created.body);
    const login = await client(h.app.server.url)('POST', '/api/v1/auth/login', {
      email: input.email,
      password: input.password,
    });
    expect(login.status).toBe(200);

    expectProblem(
      await admin('POST', '/api/v1/agents', { ...input, email: input.email.toUpperCase() }),
      409,
      'conflict',
    );
    const weak = await admin('POST', '/api/v1/agents', {
      ...input,
      email: 'weak@example.com',
      password: 'short',
    });
    expectProblem(weak, 400, 'validation_failed');
    expect(fieldsOf(weak)).toContain('body/password');
    const odd = await admin('POST', '/api/v1/agents', {
      ...input,
      email: 'odd@example.com',
      skills: ['juggling'],
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expectProblem(odd, 400, 'validation_failed');
    expect(fieldsOf(odd)).toEqual(['/skills/0']);
    const stray = await admin('POST', '/api/v1/agents', {
      ...input,
      email: 'stray@example.com',
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fieldsOf(stray)).toEqual(['/teamId']);
    expectProblem(
      await h.manager('POST', '/api/v1/agents', { ...input, email: 'm@example.com' }),
      403,
      'forbidden',
    );
  });
});
