import { MessageLabelsInput, MessageView, Problem, Uuid } from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { labelMessage } from '../../app/triage/label-message.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

export const triageRoutes: Routes = (app, services) => {
  app.put(
    '/cases/:caseId/messages/:messageId/labels',
    {
      schema: {
        tags: ['triage'],
        summary:
          "Correct or confirm what triage read in a customer's message: the labels train the shop's own models, and an intent becomes the case's",
        params: Type.Object({ caseId: Uuid, messageId: Uuid }),
        body: MessageLabelsInput,
        response: { 200: MessageView, ...Errors },
      },
    },
    async (request) =>
      labelMessage(ctxOf(services, request), request.params.caseId, request.params.messageId, request.body),
  );
};
