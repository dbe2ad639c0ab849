import {
  LanguageQuery,
  PolicyPreview,
  PolicyPreviewInput,
  Problem,
  ReturnReasonList,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { getPolicy } from '../../app/policies/get-policy.js';
import { listReturnReasons } from '../../app/policies/list-return-reasons.js';
import { previewPolicy } from '../../app/policies/preview-policy.js';
import { publishPolicy } from '../../app/policies/publish-policy.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const PolicyVersion = Type.Object({
  version: Type.Integer(),
  document: Type.Object({}, { additionalProperties: true }),
});

export const policyRoutes: Routes = (app, services) => {
  app.get(
    '/policy',
    {
      schema: {
        tags: ['policy'],
        summary: 'The return policy in force',
        response: { 200: PolicyVersion, 401: Problem, 403: Problem },
      },
    },
    (request) => getPolicy(ctxOf(services, request)),
  );

  app.get(
    '/return-reasons',
    {
      schema: {
        tags: ['policy'],
        summary: 'The reasons a customer may pick from, labelled in a language (customers too)',
        querystring: LanguageQuery,
        response: { 200: ReturnReasonList, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    (request) => listReturnReasons(ctxOf(services, request), request.query.language),
  );

  app.post(
    '/policy/versions',
    {
      schema: {
        tags: ['policy'],
        summary:
          'Publish a new policy version (validated; earlier versions stay for the decisions that used them)',
        body: Type.Object(
          {
            document: Type.Object({}, { additionalProperties: true }),
            basedOnVersion: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: PolicyVersion, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await publishPolicy(ctxOf(services, request), request.body.document, request.body.basedOnVersion),
        ),
  );

  app.post(
    '/policy/preview',
    {
      schema: {
        tags: ['policy'],
        summary:
          'Dry run of a draft policy: the requests of the last days decided again under it, compared with their stored decisions',
        body: PolicyPreviewInput,
        response: { 200: PolicyPreview, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    (request) => previewPolicy(ctxOf(services, request), request.body),
  );
};
