import { Problem, SavedView, SavedViewInput, Uuid } from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { createSavedView } from '../../app/saved-views/create-saved-view.js';
import { deleteSavedView } from '../../app/saved-views/delete-saved-view.js';
import { listSavedViews } from '../../app/saved-views/list-saved-views.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const tags = ['inbox'];
const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** The signed-in agent's saved inbox views (API keys and customers have none: 403). */
export const savedViewRoutes: Routes = (app, services) => {
  app.get(
    '/saved-views',
    {
      schema: {
        tags,
        summary: 'Your saved inbox views',
        response: { 200: Type.Object({ items: Type.Array(SavedView) }), ...Errors },
      },
    },
    (request) => listSavedViews(ctxOf(services, request)),
  );
  app.post(
    '/saved-views',
    {
      schema: {
        tags,
        summary: 'Save the inbox filters (GET /cases query parameters) under a name',
        body: SavedViewInput,
        response: { 201: SavedView, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSavedView(ctxOf(services, request), request.body)),
  );
  app.delete(
    '/saved-views/:viewId',
    {
      schema: {
        tags,
        summary: 'Delete one of your saved views',
        params: Type.Object({ viewId: Uuid }),
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await deleteSavedView(ctxOf(services, request), request.params.viewId);
      return reply.code(204).send(null);
    },
  );
};
