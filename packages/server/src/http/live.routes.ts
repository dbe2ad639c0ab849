import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WebSocket } from 'ws';
import { authenticate } from '../app/auth/authenticate.js';
import type { Principal, Services } from '../app/context.js';
import { AppError, forbidden } from '../app/errors.js';
import type { ServerFrame } from '../live/live-frames.js';
import { openLiveSession } from '../live/live-session.js';
import { SESSION_COOKIE } from './auth.js';
import { problem, sendProblem } from './problem.js';

export interface LiveOptions {
  /** How often the server pings; a socket that missed the last pong is dropped. */
  heartbeatMs?: number;
  /** How often an open socket's credentials are checked again (logout, expiry, revoked key). */
  recheckMs?: number;
  /** The largest frame a client may send; a larger one closes the socket (1009). */
  maxFrameBytes?: number;
  /** A client that leaves this much unread is dropped; it resumes from its last seq. */
  maxBufferedBytes?: number;
}

interface Connection {
  token: string;
  principal: Principal;
  alive: boolean;
  checkedAt: number;
}

/**
 * GET /api/v1/live: the WebSocket of consoles and chat widgets (docs/live-protocol.md).
 * Browsers cannot set headers on a WebSocket, so it authenticates itself, also from a
 * `token` query parameter, outside the API's auth hook.
 *
 * Call it on the root instance before any other route: @fastify/websocket then closes an
 * upgrade request to any other route once answered; a route outside its reach would leave
 * such a socket open, and that would hold up shutdown.
 */
export async function registerLive(
  app: FastifyInstance,
  services: Services,
  {
    heartbeatMs = 30_000,
    recheckMs = 5 * 60_000,
    maxFrameBytes = 64 * 1024,
    maxBufferedBytes = 4 * 1024 * 1024,
  }: LiveOptions = {},
): Promise<void> {
  await app.register(websocket, { options: { maxPayload: maxFrameBytes } });
  const connections = new Map<WebSocket, Connection>();

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const [socket, connection] of connections) {
      if (!connection.alive) {
        socket.terminate();
        continue;
      }
      connection.alive = false;
      socket.ping();
      if (now - connection.checkedAt >= recheckMs) {
        connection.checkedAt = now;
        void recheck(socket, connection);
      }
    }
  }, heartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  async function recheck(socket: WebSocket, connection: Connection) {
    const current = await authenticate(services, connection.token).catch(() => connection.principal);
    if (!current || JSON.stringify(current) !== JSON.stringify(connection.principal)) {
      socket.close(4401, 'Your session or key is not valid any more.');
    }
  }

  app.route({
    method: 'GET',
    url: '/api/v1/live',
    schema: { hide: true },
    onRequest: async (request) => {
      const found = credentials(request);
      const principal = found ? await authenticate(services, found.token) : null;
      if (!found || !principal) {
        throw new AppError(
          'unauthenticated',
          found ? 'Your session or key is not valid (any more).' : 'Log in or send a token.',
        );
      }
      // A page of another site must not ride on the agent's cookie (cross-site WebSocket
      // hijacking); explicit tokens are the page's own and need no such check.
      if (found.from === 'cookie' && !sameOrigin(request)) {
        throw forbidden('This page may not use your session; open Afterdesk on its own address.');
      }
      request.principal = principal;
    },
    handler: (request, reply) =>
      sendProblem(
        reply,
        request,
        problem(426, 'upgrade_required', 'Open this address as a WebSocket (docs/live-protocol.md).'),
      ),
    wsHandler: (socket, request) => {
      const principal = request.principal as Principal;
      const connection: Connection = {
        token: credentials(request)?.token ?? '',
        principal,
        alive: true,
        checkedAt: Date.now(),
      };
      connections.set(socket, connection);
      const send = (frame: ServerFrame) => {
        if (socket.readyState !== WebSocket.OPEN) return;
        if (socket.bufferedAmount > maxBufferedBytes) return socket.terminate();
        socket.send(JSON.stringify(frame));
      };
      const session = openLiveSession({ ...services, principal }, send);
      socket.on('pong', () => {
        connection.alive = true;
      });
      socket.on('message', (data, isBinary) => {
        if (isBinary) {
          return send({ type: 'error', code: 'bad_frame', detail: 'Frames are JSON text, not binary.' });
        }
        session.receive(data.toString());
      });
      socket.on('close', () => {
        connections.delete(socket);
        session.close();
      });
    },
  });
}

// An explicit token beats the ambient cookie: a chat widget opened in a browser where an
// agent is logged in speaks as the customer whose token it holds.
function credentials(request: FastifyRequest): { token: string; from: 'header' | 'query' | 'cookie' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), from: 'header' };
  const query = (request.query as { token?: unknown }).token;
  if (typeof query === 'string' && query) return { token: query, from: 'query' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, from: 'cookie' } : null;
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
