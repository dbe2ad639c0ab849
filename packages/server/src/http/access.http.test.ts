import {
  CASE_ACTION_TYPES,
  can,
  canPerform,
  PERMISSIONS,
  type Permission,
  type PrincipalKind,
  ROLES,
  type Role,
} from '@afterdesk/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../app/context.js';
import { createUser } from '../app/tenants/create-user.js';
import type { DatabaseHandle } from '../db/connect.js';
import { noReasonReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  newTenant,
  openTestDatabase,
  startTestServer,
  testDatabaseKind,
  testServices,
} from '../testing/harness.test-helpers.js';

// Who may do what, checked over real HTTP with real credentials: a session cookie per
// role, the tenant's API key and a customer token. The expected answer of every route and
// every case action comes from the permission matrix itself (`can`, `canPerform`), so the
// table below cannot drift from it.

type Headers = Record<string, string>;
interface Answer {
  status: number;
  body: any;
  headers: globalThis.Headers;
}

const PASSWORD = 'correct horse battery 1';
const now = new Date();

describe(`who may do what, over HTTP (${testDatabaseKind()})`, () => {
  let handle: DatabaseHandle;
  let services: Services;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let tenant: Awaited<ReturnType<typeof newTenant>>;
  let otherTenant: Awaited<ReturnType<typeof newTenant>>;
  const emails = {} as Record<Role, string>;
  const sessions = {} as Record<Role, Headers>;
  let apiKey: Headers;
  let customer: Headers;
  let png: Buffer;
  // Customer Carla's order and cases, and customer Dora's, all in one tenant.
  let carla: { order: any; openCase: any; cancelledCase: any; evidenceId: string; customerId: string };
  let dora: { order: any; case: any };

  async function call(who: Headers, method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Headers = { ...who };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // a PNG or an empty body
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });
  const isProblem = (r: Answer, code: string) =>
    (r.headers.get('content-type') ?? '').startsWith('application/problem+json') && r.body?.code === code;

  async function logIn(email: string, password: string) {
    const r = await call({}, 'POST', '/api/v1/auth/login', { email, password });
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('afterdesk_session='));
    return { ...r, cookie, session: cookie ? { cookie: cookie.split(';')[0] as string } : undefined };
  }

  async function importOrder(customerInput: { email: string; phone?: string }) {
    const input = sampleOrder(now, { email: customerInput.email });
    if (customerInput.phone) input.customer.phone = customerInput.phone;
    const batch = await call(apiKey, 'POST', '/api/v1/orders/batch', { orders: [input] });
    expect(batch.status).toBe(200);
    return (await call(apiKey, 'GET', `/api/v1/orders/${batch.body.orders[0].id}`)).body;
  }

  /** A fresh case filed through the API key, auto-approved, so awaiting the parcel. */
  async function caseAwaitingReturn() {
    const order = await importOrder({ email: `walk-${Math.random().toString(36).slice(2)}@example.com` });
    const filed = await call(apiKey, 'POST', '/api/v1/cases', noReasonReturn(order));
    expect(filed.body.status).toBe('awaiting_return');
    return filed.body;
  }

  async function caseReadyForRefund() {
    const filed = await caseAwaitingReturn();
    for (const action of ['receive', 'pass-inspection']) {
      expect((await call(apiKey, 'POST', `/api/v1/cases/${filed.id}/actions/${action}`, {})).status).toBe(
        200,
      );
    }
    return filed;
  }

  function photoForm(caseId?: string) {
    const form = new FormData();
    if (caseId) form.append('caseId', caseId);
    form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
    return form;
  }

  beforeAll(async () => {
    handle = await openTestDatabase();
    services = testServices(handle, { now });
    tenant = await newTenant(services);
    otherTenant = await newTenant(services, 'Other Shop');
    server = await startTestServer(services);
    apiKey = bearer(tenant.apiKey);
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c63' } })
      .png()
      .toBuffer();

    const tag = tenant.tenantId.slice(0, 8);
    for (const role of ROLES) {
      emails[role] = `${role}-${tag}@example.com`;
      await createUser(services, {
        tenantId: tenant.tenantId,
        email: emails[role],
        name: `The ${role}`,
        role,
        password: PASSWORD,
      });
      const login = await logIn(emails[role], PASSWORD);
      expect(login.status, `${role} logs in`).toBe(200);
      sessions[role] = login.session as Headers;
    }

    const carlaEmail = `carla-${tag}@example.com`;
    const carlaOrder = await importOrder({ email: carlaEmail, phone: '+49 (151) 2345-6789' });
    const token = await call({}, 'POST', '/api/v1/auth/customer-token', {
      tenantId: tenant.tenantId,
      orderNumber: carlaOrder.number,
      email: carlaEmail.toUpperCase(),
    });
    expect(token.status).toBe(200);
    customer = bearer(token.body.token);
    const openCase = (await call(apiKey, 'POST', '/api/v1/cases', noReasonReturn(carlaOrder))).body;
    const cancelledCase = (await call(apiKey, 'POST', '/api/v1/cases', noReasonReturn(carlaOrder))).body;
    const cancelled = await call(sessions.agent, 'POST', `/api/v1/cases/${cancelledCase.id}/actions/cancel`, {
      reason: 'Asked by phone',
    });
    expect(cancelled.body.status).toBe('cancelled');
    const evidence = await call(apiKey, 'POST', '/api/v1/evidence', photoForm(openCase.id));
    expect(evidence.status).toBe(201);
    carla = {
      order: carlaOrder,
      openCase,
      cancelledCase,
      evidenceId: evidence.body.id,
      customerId: token.body.customerId,
    };

    const doraOrder = await importOrder({ email: `dora-${tag}@example.com` });
    dora = {
      order: doraOrder,
      case: (await call(apiKey, 'POST', '/api/v1/cases', noReasonReturn(doraOrder))).body,
    };
  });

  afterAll(async () => {
    await server?.close();
    await handle?.db.destroy();
  });

  const PRINCIPALS: { name: string; kind: PrincipalKind; who: () => Headers }[] = [
    ...ROLES.map((role) => ({ name: role, kind: role, who: () => sessions[role] })),
    { name: 'API key', kind: 'integration', who: () => apiKey },
    { name: 'customer', kind: 'customer', who: () => customer },
  ];

  // Each route with the permission that guards it, called with data the principal owns.
  const ROUTES: { route: string; permission: Permission; send: (who: Headers) => Promise<Answer> }[] = [
    {
      route: 'GET /orders',
      permission: 'orders:read',
      send: (who) => call(who, 'GET', `/api/v1/orders?number=${encodeURIComponent(carla.order.number)}`),
    },
    {
      route: 'GET /orders/:id',
      permission: 'orders:read',
      send: (who) => call(who, 'GET', `/api/v1/orders/${carla.order.id}`),
    },
    {
      route: 'POST /orders/batch',
      permission: 'orders:write',
      send: (who) => call(who, 'POST', '/api/v1/orders/batch', { orders: [sampleOrder(now)] }),
    },
    { route: 'GET /cases', permission: 'cases:read', send: (who) => call(who, 'GET', '/api/v1/cases') },
    {
      route: 'GET /cases/:id',
      permission: 'cases:read',
      send: (who) => call(who, 'GET', `/api/v1/cases/${carla.openCase.id}`),
    },
    {
      route: 'GET /cases/:id/return-code.png',
      permission: 'cases:read',
      send: (who) => call(who, 'GET', `/api/v1/cases/${carla.openCase.id}/return-code.png`),
    },
    {
      route: 'POST /cases/eligibility',
      permission: 'cases:create',
      send: (who) => call(who, 'POST', '/api/v1/cases/eligibility', noReasonReturn(carla.order)),
    },
    {
      route: 'POST /cases',
      permission: 'cases:create',
      send: (who) => call(who, 'POST', '/api/v1/cases', noReasonReturn(carla.order)),
    },
    { route: 'GET /policy', permission: 'policies:read', send: (who) => call(who, 'GET', '/api/v1/policy') },
    {
      route: 'POST /policy/versions',
      permission: 'policies:write',
      send: async (who) => {
        const current = await call(apiKey, 'GET', '/api/v1/policy');
        return call(who, 'POST', '/api/v1/policy/versions', { document: current.body.document });
      },
    },
    {
      route: 'POST /evidence',
      permission: 'evidence:upload',
      send: (who) => call(who, 'POST', '/api/v1/evidence', photoForm()),
    },
    {
      route: 'GET /evidence/:id',
      permission: 'cases:read',
      send: (who) => call(who, 'GET', `/api/v1/evidence/${carla.evidenceId}`),
    },
    {
      route: 'GET /analytics/measures',
      permission: 'measures:read',
      send: (who) =>
        call(who, 'GET', '/api/v1/analytics/measures?from=2026-01-01&to=2026-02-01&measures=return_rate'),
    },
    {
      route: 'GET /analytics/alerts',
      permission: 'measures:read',
      send: (who) => call(who, 'GET', '/api/v1/analytics/alerts'),
    },
    {
      route: 'GET /reports',
      permission: 'measures:read',
      send: (who) => call(who, 'GET', '/api/v1/reports'),
    },
  ];

  describe('the permission matrix, route by route and action by action', () => {
    it.each(PRINCIPALS.map((p) => [p.name, p] as const))(
      '%s reaches exactly the routes its permissions allow',
      async (_, principal) => {
        const expected: Record<string, string> = {};
        const actual: Record<string, string> = {};
        for (const { route, permission, send } of ROUTES) {
          expected[route] = can(principal.kind, permission) ? 'allowed' : 'forbidden (403 problem+json)';
          const r = await send(principal.who());
          actual[route] =
            r.status >= 200 && r.status < 300
              ? 'allowed'
              : r.status === 403 && isProblem(r, 'forbidden')
                ? 'forbidden (403 problem+json)'
                : `answered ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`;
        }
        expect(actual).toEqual(expected);
      },
    );

    // On a cancelled case every action is refused by the life cycle (409). So a 409 shows
    // that the permission check let the caller through, and a 403 that it did not.
    it.each(PRINCIPALS.map((p) => [p.name, p] as const))(
      '%s may take exactly the case actions its role allows',
      async (_, principal) => {
        const expected: Record<string, string> = {};
        const actual: Record<string, string> = {};
        // Merging has its own route (POST /cases/:id/merge), not an action route.
        for (const action of CASE_ACTION_TYPES.filter((a) => a !== 'merge')) {
          expected[action] = canPerform(principal.kind, action)
            ? 'allowed, then refused by the life cycle'
            : 'forbidden';
          const path = `/api/v1/cases/${carla.cancelledCase.id}/actions/${action.replaceAll('_', '-')}`;
          // A body every action accepts, so that only the permission and the status decide.
          const r = await call(principal.who(), 'POST', path, { reason: 'Checked', amountMinor: 1 });
          actual[action] = isProblem(r, 'illegal_transition')
            ? 'allowed, then refused by the life cycle'
            : isProblem(r, 'forbidden')
              ? 'forbidden'
              : `answered ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`;
        }
        expect(actual).toEqual(expected);
      },
    );
  });

  describe('the steps of a return, each by the role whose job it is', () => {
    it('lets logistics receive the parcel, but not approve a case', async () => {
      const filed = await caseAwaitingReturn();
      const approve = await call(sessions.logistics, 'POST', `/api/v1/cases/${filed.id}/actions/approve`, {});
      expect(approve.status).toBe(403);
      expect(isProblem(approve, 'forbidden')).toBe(true);
      const received = await call(
        sessions.logistics,
        'POST',
        `/api/v1/cases/${filed.id}/actions/receive`,
        {},
      );
      expect(received.status).toBe(200);
      expect(received.body.status).toBe('received');
    });

    it('lets quality pass the inspection, but not refund', async () => {
      const filed = await caseAwaitingReturn();
      await call(sessions.logistics, 'POST', `/api/v1/cases/${filed.id}/actions/receive`, {});
      const passed = await call(
        sessions.quality,
        'POST',
        `/api/v1/cases/${filed.id}/actions/pass-inspection`,
        {
          notes: 'As new',
        },
      );
      expect(passed.status).toBe(200);
      expect(passed.body.status).toBe('inspection_passed');
      const refund = await call(sessions.quality, 'POST', `/api/v1/cases/${filed.id}/actions/refund`, {});
      expect(refund.status).toBe(403);
      expect(isProblem(refund, 'forbidden')).toBe(true);
    });

    it('keeps an agent from refunding and from publishing a policy version', async () => {
      const ready = await caseReadyForRefund();
      const refund = await call(sessions.agent, 'POST', `/api/v1/cases/${ready.id}/actions/refund`, {});
      expect(refund.status).toBe(403);
      const current = await call(apiKey, 'GET', '/api/v1/policy');
      const publish = await call(sessions.agent, 'POST', '/api/v1/policy/versions', {
        document: current.body.document,
      });
      expect(publish.status).toBe(403);
      expect(isProblem(publish, 'forbidden')).toBe(true);
      expect((await call(apiKey, 'GET', '/api/v1/policy')).body.version).toBe(current.body.version);
    });

    it('lets only a manager, an admin or an API key refund a case that is ready for it', async () => {
      const refused = await caseReadyForRefund();
      for (const role of ['agent', 'logistics', 'quality'] as const) {
        const r = await call(sessions[role], 'POST', `/api/v1/cases/${refused.id}/actions/refund`, {});
        expect(r.status, role).toBe(403);
      }
      expect((await call(apiKey, 'GET', `/api/v1/cases/${refused.id}`)).body.refunds).toEqual([]);
      for (const [name, who] of [
        ['manager', sessions.manager],
        ['admin', sessions.admin],
        ['API key', apiKey],
      ] as const) {
        const ready = await caseReadyForRefund();
        const r = await call(who, 'POST', `/api/v1/cases/${ready.id}/actions/refund`, {});
        expect(r.status, name).toBe(200);
        expect(r.body.status, name).toBe('refunded');
        expect(r.body.refunds, name).toHaveLength(1);
      }
    });
  });

  describe('logging in and out', () => {
    it('answers a request without credentials, or with credentials it does not know, with 401', async () => {
      for (const who of [
        {},
        bearer('afd_not-a-real-key'),
        bearer('garbage'),
        { cookie: 'afterdesk_session=ses_forged' },
      ]) {
        for (const [method, path] of [
          ['GET', '/api/v1/cases'],
          ['GET', '/api/v1/auth/me'],
          ['POST', '/api/v1/cases'],
        ] as const) {
          const r = await call(
            who,
            method,
            path,
            method === 'POST' ? noReasonReturn(carla.order) : undefined,
          );
          expect(r.status, `${method} ${path} with ${JSON.stringify(who)}`).toBe(401);
          expect(isProblem(r, 'unauthenticated')).toBe(true);
        }
      }
    });

    it('answers a wrong password and an unknown e-mail alike, with 401 and no session', async () => {
      const wrongPassword = await logIn(emails.agent, 'not the password');
      const unknownEmail = await logIn(`nobody-${tenant.tenantId.slice(0, 8)}@example.com`, PASSWORD);
      for (const r of [wrongPassword, unknownEmail]) {
        expect(r.status).toBe(401);
        expect(isProblem(r, 'unauthenticated')).toBe(true);
        expect(r.cookie).toBeUndefined();
      }
      expect(unknownEmail.body.detail).toBe(wrongPassword.body.detail);
    });

    it('sets an http-only session cookie, and logging out ends the session', async () => {
      const login = await logIn(emails.manager.toUpperCase(), PASSWORD);
      expect(login.status).toBe(200);
      expect(login.cookie).toMatch(/HttpOnly/i);
      expect(login.cookie).toMatch(/SameSite=Lax/i);
      const session = login.session as Headers;
      expect((await call(session, 'GET', '/api/v1/auth/me')).status).toBe(200);
      const out = await call(session, 'POST', '/api/v1/auth/logout');
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().join()).toMatch(/afterdesk_session=;/);
      const after = await call(session, 'GET', '/api/v1/auth/me');
      expect(after.status).toBe(401);
      // The other sessions of the same user and of others are untouched.
      expect((await call(sessions.manager, 'GET', '/api/v1/auth/me')).status).toBe(200);
    });

    it.each(ROLES)('tells a logged-in %s its role and permissions', async (role) => {
      const me = await call(sessions[role], 'GET', '/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ tenantId: tenant.tenantId, kind: 'user', role, name: `The ${role}` });
      expect(me.body.permissions).toEqual(PERMISSIONS.filter((p) => can(role, p)));
    });

    it('tells an API key and a customer who they are, without a role', async () => {
      const key = await call(apiKey, 'GET', '/api/v1/auth/me');
      expect(key.body).toMatchObject({ tenantId: tenant.tenantId, kind: 'integration', role: null });
      expect(key.body.permissions).toEqual(PERMISSIONS.filter((p) => can('integration', p)));
      const shopper = await call(customer, 'GET', '/api/v1/auth/me');
      expect(shopper.body).toMatchObject({
        tenantId: tenant.tenantId,
        kind: 'customer',
        id: carla.customerId,
        role: null,
      });
      expect(shopper.body.permissions).toEqual(PERMISSIONS.filter((p) => can('customer', p)));
    });
  });

  describe('tenants and customers see only their own', () => {
    it("answers another tenant's API key with 404 for this tenant's case, order and file", async () => {
      const stranger = bearer(otherTenant.apiKey);
      for (const path of [
        `/api/v1/cases/${carla.openCase.id}`,
        `/api/v1/orders/${carla.order.id}`,
        `/api/v1/evidence/${carla.evidenceId}`,
      ]) {
        const r = await call(stranger, 'GET', path);
        expect(r.status, path).toBe(404);
        expect(isProblem(r, 'not_found')).toBe(true);
      }
      const list = await call(stranger, 'GET', '/api/v1/cases?limit=200');
      expect(list.body.items).toEqual([]);
    });

    it('issues a customer token for the e-mail in any case, or for the phone in any format', async () => {
      const byEmail = await call({}, 'POST', '/api/v1/auth/customer-token', {
        tenantId: tenant.tenantId,
        orderNumber: carla.order.number,
        email: `CaRlA-${tenant.tenantId.slice(0, 8)}@Example.COM`,
      });
      const byPhone = await call({}, 'POST', '/api/v1/auth/customer-token', {
        tenantId: tenant.tenantId,
        orderNumber: carla.order.number,
        phone: '+49 151 23456789',
      });
      for (const r of [byEmail, byPhone]) {
        expect(r.status).toBe(200);
        expect(r.body.customerId).toBe(carla.customerId);
        expect(r.body.token).toMatch(/^cus_/);
      }
      const me = await call(bearer(byPhone.body.token), 'GET', '/api/v1/auth/me');
      expect(me.body.id).toBe(carla.customerId);
    });

    it('refuses a customer token for a wrong e-mail, or another tenant, with the same 401 as for an unknown order', async () => {
      const ask = (body: object) =>
        call({}, 'POST', '/api/v1/auth/customer-token', {
          tenantId: tenant.tenantId,
          orderNumber: carla.order.number,
          ...body,
        });
      const wrongEmail = await ask({ email: `dora-${tenant.tenantId.slice(0, 8)}@example.com` });
      const otherShop = await ask({
        tenantId: otherTenant.tenantId,
        email: `carla-${tenant.tenantId.slice(0, 8)}@example.com`,
      });
      const unknownOrder = await ask({
        orderNumber: '#NO-SUCH-ORDER',
        email: `carla-${tenant.tenantId.slice(0, 8)}@example.com`,
      });
      for (const r of [wrongEmail, otherShop, unknownOrder]) {
        expect(r.status).toBe(401);
        expect(isProblem(r, 'unauthenticated')).toBe(true);
        expect(r.body.detail).toBe(unknownOrder.body.detail);
      }
    });

    it('lets a customer reach their own order and case, and answers 404 for anybody else’s', async () => {
      expect((await call(customer, 'GET', `/api/v1/orders/${carla.order.id}`)).status).toBe(200);
      expect((await call(customer, 'GET', `/api/v1/cases/${carla.openCase.id}`)).status).toBe(200);
      for (const path of [
        `/api/v1/orders/${dora.order.id}`,
        `/api/v1/cases/${dora.case.id}`,
        `/api/v1/cases/${dora.case.id}/return-code.png`,
      ]) {
        const r = await call(customer, 'GET', path);
        expect(r.status, path).toBe(404);
        expect(isProblem(r, 'not_found')).toBe(true);
      }
      const fileForDora = await call(customer, 'POST', '/api/v1/cases', noReasonReturn(dora.order));
      expect(fileForDora.status).toBe(404);
      const cancelDoras = await call(customer, 'POST', `/api/v1/cases/${dora.case.id}/actions/cancel`, {
        reason: 'Not mine',
      });
      expect(cancelDoras.status).toBe(404);
      expect((await call(apiKey, 'GET', `/api/v1/cases/${dora.case.id}`)).body.status).toBe(
        'awaiting_return',
      );
    });

    it('lists only the customer’s own cases and finds only their own orders', async () => {
      const list = await call(customer, 'GET', '/api/v1/cases?limit=200');
      expect(list.status).toBe(200);
      const ids = list.body.items.map((c: any) => c.id);
      expect(ids).toContain(carla.openCase.id);
      expect(ids).not.toContain(dora.case.id);
      expect(list.body.items.every((c: any) => c.customerId === carla.customerId)).toBe(true);
      const asked = await call(
        customer,
        'GET',
        `/api/v1/cases?customerId=${dora.order.customerId}&limit=200`,
      );
      expect(asked.body.items.every((c: any) => c.customerId === carla.customerId)).toBe(true);
      const search = await call(
        customer,
        'GET',
        `/api/v1/orders?number=${encodeURIComponent(dora.order.number)}`,
      );
      expect(search.body.items).toEqual([]);
    });

    it('keeps a customer from approving their own case', async () => {
      const r = await call(customer, 'POST', `/api/v1/cases/${carla.openCase.id}/actions/approve`, {});
      expect(r.status).toBe(403);
      expect(isProblem(r, 'forbidden')).toBe(true);
    });
  });
});
