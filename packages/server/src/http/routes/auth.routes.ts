import { CustomerToken, CustomerTokenInput, LoginInput, Me, Problem } from '@afterdesk/contract';
import { can, PERMISSIONS } from '@afterdesk/core';
import { issueCustomerToken } from '../../app/auth/issue-customer-token.js';
import { logIn, logOut } from '../../app/auth/log-in.js';
import { principalKind } from '../../app/context.js';
import { ctxOf, SESSION_COOKIE } from '../auth.js';
import type { Routes } from './routes.js';

// Public endpoints that try secrets are throttled per client address.
const THROTTLE = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export const authRoutes: Routes = (app, services) => {
  app.post(
    '/auth/login',
    {
      config: { public: true, ...THROTTLE },
      schema: {
        tags: ['auth'],
        summary: 'Agent login: sets an http-only session cookie',
        body: LoginInput,
        response: { 200: Me, 400: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      const session = await logIn(services, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: services.config.secureCookies,
        expires: session.expiresAt,
      });
      const role = session.user.role as Parameters<typeof can>[0];
      return {
        tenantId: session.user.tenantId,
        kind: 'user',
        id: session.user.id,
        name: session.user.name,
        role: session.user.role,
        permissions: PERMISSIONS.filter((p) => can(role, p)),
      };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut(services, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Who am I', response: { 200: Me, 401: Problem } } },
    (request) => {
      const p = ctxOf(services, request).principal;
      const kind = principalKind(p);
      return {
        tenantId: p.tenantId,
        kind: p.kind,
        id: p.kind === 'user' ? p.userId : p.kind === 'customer' ? p.customerId : p.apiKeyId,
        name: p.kind === 'user' ? p.name : null,
        role: p.kind === 'user' ? p.role : null,
        permissions: PERMISSIONS.filter((perm) => can(kind, perm)),
      };
    },
  );

  app.post(
    '/auth/customer-token',
    {
      config: { public: true, ...THROTTLE },
      schema: {
        tags: ['auth'],
        summary: 'A shopper gets a short-lived token from order number + e-mail or phone',
        body: CustomerTokenInput,
        response: { 200: CustomerToken, 400: Problem, 401: Problem },
      },
    },
    (request) => issueCustomerToken(services, request.body),
  );
};
