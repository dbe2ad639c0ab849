import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../app/context.js';
import { authHook } from './auth.js';
import { registerIdempotency } from './idempotency.js';
import { registerJsonBodyCheck } from './json-body.js';
import { registerLive } from './live.routes.js';
import { maskPersonalData } from './masking.js';
import { registerMetrics } from './metrics.js';
import { problem, sendProblem, toProblem } from './problem.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { apiKeyRoutes } from './routes/api-keys.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { caseRoutes } from './routes/cases.routes.js';
import { conversationRoutes } from './routes/conversations.routes.js';
import { evidenceRoutes } from './routes/evidence.routes.js';
import { exchangeRoutes } from './routes/exchanges.routes.js';
import { helpDeskRoutes } from './routes/help-desk.routes.js';
import { integrationRoutes } from './routes/integrations.routes.js';
import { knowledgeRoutes } from './routes/knowledge.routes.js';
import { orderRoutes } from './routes/orders.routes.js';
import { policyRoutes } from './routes/policies.routes.js';
import { qualityRoutes } from './routes/quality.routes.js';
import { refundRoutes } from './routes/refunds.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { returnShipmentRoutes } from './routes/return-shipments.routes.js';
import { savedViewRoutes } from './routes/saved-views.routes.js';
import { serviceRoutes } from './routes/service.routes.js';
import { trackingRoutes } from './routes/tracking.routes.js';
import { triageRoutes } from './routes/triage.routes.js';
import { warehouseRoutes } from './routes/warehouse.routes.js';
import { webhookRoutes } from './routes/webhooks.routes.js';
import { registerWebApp } from './web-app.js';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

// Requests Node's HTTP parser refuses (headers too large, a timeout) never reach Fastify's
// routing; they are answered on the socket, still as problem+json.
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'headers_too_large' : status === 408 ? 'request_timeout' : 'bad_request';
  const body = JSON.stringify(problem(status, code, 'The HTTP request could not be read.'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** The HTTP shell: validation, auth, problem+json, docs and metrics around the use cases. */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.log as FastifyBaseLogger,
    bodyLimit: 5 * 1024 * 1024,
    // Errors Fastify raises before routing (bad percent-encoding, over-long parameters)
    // get the same problem+json as everything else.
    frameworkErrors: (error, request, reply) => sendProblem(reply, request, toProblem(error)),
    clientErrorHandler: answerClientError,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, body);
  });
  registerJsonBodyCheck(app);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      ...toProblem({
        statusCode: 404,
        message: `No route ${request.method} ${maskPersonalData(request.url)}.`,
      }),
    }),
  );

  await app.register(cookie);
  await registerLive(app, services);
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 5 },
    throwFileSizeLimit: true,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Afterdesk API',
        version: '1.0.0',
        description:
          'After-sales service for cross-border e-commerce. Authenticate with `Authorization: Bearer <API key or customer token>` or the session cookie from /api/v1/auth/login. Every POST accepts an `Idempotency-Key` header. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'afterdesk_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const metrics = registerMetrics(app);
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(services.db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.metrics()),
  );
  await registerWebApp(app, services);

  await app.register(
    async (api) => {
      api.addHook('onRequest', authHook(services));
      registerIdempotency(api, services);
      for (const routes of [
        authRoutes,
        orderRoutes,
        caseRoutes,
        policyRoutes,
        evidenceRoutes,
        helpDeskRoutes,
        conversationRoutes,
        serviceRoutes,
        triageRoutes,
        knowledgeRoutes,
        trackingRoutes,
        warehouseRoutes,
        integrationRoutes,
        refundRoutes,
        webhookRoutes,
        returnShipmentRoutes,
        exchangeRoutes,
        analyticsRoutes,
        qualityRoutes,
        reportRoutes,
        apiKeyRoutes,
        savedViewRoutes,
      ]) {
        routes(api.withTypeProvider<TypeBoxTypeProvider>(), services);
      }
    },
    { prefix: '/api/v1' },
  );
  return app;
}
