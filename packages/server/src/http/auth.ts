import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../app/auth/authenticate.js';
import type { Ctx, Principal, Services } from '../app/context.js';
import { AppError } from '../app/errors.js';

export const SESSION_COOKIE = 'afterdesk_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without credentials (login, customer token, health). */
    public?: boolean;
  }
}

/** Reads `Authorization: Bearer …` or the session cookie; every non-public route needs one. */
export function authHook(services: Services) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const token = bearer ?? request.cookies?.[SESSION_COOKIE];
    request.principal = token ? await authenticate(services, token) : null;
    if (!request.principal && !request.routeOptions.config.public) {
      throw new AppError(
        'unauthenticated',
        token ? 'Your session or key is not valid (any more).' : 'Log in or send an API key.',
      );
    }
  };
}

/** The use-case context of an authenticated request. */
export function ctxOf(services: Services, request: FastifyRequest): Ctx {
  if (!request.principal) throw new AppError('unauthenticated', 'Log in or send an API key.');
  return { ...services, principal: request.principal };
}
