import { expect } from 'vitest';
import { createUser } from '../app/tenants/create-user.js';
import { inTenant, type Tx } from '../db/scope.js';
import { client, newTenant, startTestApp, type TestApp } from './harness.test-helpers.js';

export type Api = TestApp['api'];
type Answer = Awaited<ReturnType<Api>>;

const PASSWORD = 'correct horse battery 1';

/** A valid calendar spec: Bavarian office hours. */
export const BERLIN_HOURS = {
  timeZone: 'Europe/Berlin',
  week: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], fri: [['09:00', '13:00']] },
  holidays: { country: 'DE', region: 'BY' },
};

/** A user of the app's tenant, signed in through /auth/login, and a client holding the session. */
export async function signIn(
  app: TestApp,
  role: 'agent' | 'manager' | 'admin',
): Promise<{ as: Api; id: string }> {
  const email = `${role}-${app.tenant.tenantId.slice(0, 8)}@example.com`;
  const user = await createUser(app.services, {
    tenantId: app.tenant.tenantId,
    email,
    name: `The ${role}`,
    role,
    password: PASSWORD,
  });
  const login = await app.api('POST', '/api/v1/auth/login', { email, password: PASSWORD });
  expect(login.status).toBe(200);
  const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('afterdesk_session=')) ?? '';
  const cookie = setCookie.split(';')[0] as string;
  const session = client(app.server.url);
  return {
    as: (method, path, body, headers = {}) => session(method, path, body, { cookie, ...headers }),
    id: user.id,
  };
}

/**
 * The server with two tenants: the first's API key (`api`, which may manage the help desk),
 * its signed-in agent and manager, and the second tenant's API key (`other`).
 */
export async function startHelpDeskApp(now = new Date()) {
  const app = await startTestApp({ now });
  const otherTenant = await newTenant(app.services, 'Other Shop');
  const agent = await signIn(app, 'agent');
  const manager = await signIn(app, 'manager');
  return {
    app,
    api: app.api,
    agent: agent.as,
    agentId: agent.id,
    manager: manager.as,
    other: client(app.server.url, otherTenant.apiKey),
    otherTenantId: otherTenant.tenantId,
    /** Runs `work` in the first tenant's transaction, to look behind the API. */
    inA: <T>(work: (tx: Tx) => Promise<T>) => inTenant(app.services.db, app.tenant.tenantId, work),
  };
}
export type HelpDeskApp = Awaited<ReturnType<typeof startHelpDeskApp>>;

export function expectProblem(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body.code).toBe(code);
}

/** The fields a problem's errors name. */
export const fieldsOf = (answer: Answer): string[] =>
  (answer.body?.errors ?? []).map((e: { field: string }) => e.field);

/** Monday 2026-11-23, 10:00 in Berlin: inside the default office hours. */
export const MONDAY_10 = new Date('2026-11-23T09:00:00Z');

/** An agent of the app's tenant, signed in and at their desk, so routing may give them cases. */
export async function onlineAgent(
  app: TestApp,
  languages: string[] = ['en', 'de'],
): Promise<{ as: Api; id: string }> {
  const agent = await signIn(app, 'agent');
  await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx.updateTable('users').set({ presence: 'online', languages }).where('id', '=', agent.id).execute(),
  );
  return agent;
}
