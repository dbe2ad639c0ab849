import { ApiKeyCreated, ApiKeyInput, ApiKeyView, Problem, Uuid } from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { issueApiKey } from '../../app/api-keys/issue-api-key.js';
import { listApiKeys } from '../../app/api-keys/list-api-keys.js';
import { revokeApiKey } from '../../app/api-keys/revoke-api-key.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const tags = ['api keys'];
const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** The shop's API keys, managed by admins (users:manage): listed, issued, revoked. */
export const apiKeyRoutes: Routes = (app, services) => {
  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys, revoked ones included (never the keys themselves)',
        response: { 200: Type.Object({ items: Type.Array(ApiKeyView) }), ...Errors },
      },
    },
    (request) => listApiKeys(ctxOf(services, request)),
  );
  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'Issue an API key; the answer shows the key, once',
        body: ApiKeyInput,
        response: { 201: ApiKeyCreated, ...Errors },
      },
    },
    async (request, reply) => reply.code(201).send(await issueApiKey(ctxOf(services, request), request.body)),
  );
  app.delete(
    '/api-keys/:apiKeyId',
    {
      schema: {
        tags,
        summary: 'Revoke an API key: refused from the next request on',
        params: Type.Object({ apiKeyId: Uuid }),
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await revokeApiKey(ctxOf(services, request), request.params.apiKeyId);
      return reply.code(204).send(null);
    },
  );
};
