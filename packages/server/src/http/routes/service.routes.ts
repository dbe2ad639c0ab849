import { IsoDateTime, Problem, Uuid, WebFormInput } from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { submitWebForm } from '../../app/conversations/submit-web-form.js';
import { serviceMeasures } from '../../app/measures/service-measures.js';
import { answerSurvey, getSurvey } from '../../app/surveys/answer-survey.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

// Public forms are open to anyone on the internet: throttled per IP.
const THROTTLE = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const Errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  429: Problem,
};

const SurveyView = Type.Object({
  caseNumber: Type.Integer(),
  language: Type.String(),
  answered: Type.Boolean(),
  score: Type.Union([Type.Integer(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
});
const SurveyParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});

const ClockMeasure = Type.Object({
  completed: Type.Integer(),
  medianMinutes: Type.Union([Type.Number(), Type.Null()]),
  meanMinutes: Type.Union([Type.Number(), Type.Null()]),
  hit: Type.Integer(),
  missed: Type.Integer(),
  attainment: Type.Union([Type.Number(), Type.Null()], { description: 'hit ÷ (hit + missed)' }),
  breaches: Type.Integer(),
});

export const serviceRoutes: Routes = (app, services) => {
  app.post(
    '/inboxes/:inboxId/web-form',
    {
      config: { public: true, ...THROTTLE },
      schema: {
        tags: ['conversations'],
        summary: "The shop web site's contact form: opens a case for the sender (no credentials)",
        params: Type.Object({ inboxId: Uuid }),
        body: WebFormInput,
        response: { 202: Type.Object({ caseId: Uuid, caseNumber: Type.Integer() }), ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await submitWebForm(services, request.params.inboxId, request.body)),
  );

  app.get(
    '/surveys/:token',
    {
      config: { public: true, ...THROTTLE },
      schema: {
        tags: ['satisfaction'],
        summary: 'The satisfaction survey behind a link sent when a case was solved',
        params: SurveyParams,
        response: { 200: SurveyView, ...Errors },
      },
    },
    (request) => getSurvey(services, request.params.token),
  );

  app.post(
    '/surveys/:token',
    {
      config: { public: true, ...THROTTLE },
      schema: {
        tags: ['satisfaction'],
        summary: 'Answer the survey once: a score from 1 to 5 and an optional comment (R-11.2)',
        params: SurveyParams,
        body: Type.Object(
          {
            score: Type.Integer({ minimum: 1, maximum: 5 }),
            comment: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SurveyView, ...Errors },
      },
    },
    (request) => answerSurvey(services, request.params.token, request.body),
  );

  app.get(
    '/measures/service',
    {
      schema: {
        tags: ['measures'],
        summary:
          'First-response and resolution times, SLA attainment, breaches and CSAT over a period, by case kind, team or agent',
        querystring: Type.Object(
          {
            from: IsoDateTime,
            to: IsoDateTime,
            groupBy: Type.Union(
              ['none', 'kind', 'team', 'agent'].map((g) => Type.Literal(g)),
              { default: 'none' },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: IsoDateTime,
            to: IsoDateTime,
            groupBy: Type.String(),
            groups: Type.Array(
              Type.Object({
                group: Type.String(),
                metrics: Type.Object({
                  first_response: Type.Optional(ClockMeasure),
                  next_response: Type.Optional(ClockMeasure),
                  resolution: Type.Optional(ClockMeasure),
                }),
                csat: Type.Object({
                  responses: Type.Integer(),
                  average: Type.Union([Type.Number(), Type.Null()]),
                  satisfiedShare: Type.Union([Type.Number(), Type.Null()]),
                }),
              }),
            ),
            selfService: Type.Object(
              {
                conversations: Type.Integer({ description: 'Conversations customers opened in the period' }),
                answered: Type.Integer({ description: '…that the assistant answered at once' }),
                withoutAgent: Type.Integer({ description: '…that no person had to take over' }),
                share: Type.Union([Type.Number(), Type.Null()], {
                  description: 'withoutAgent ÷ conversations: the share answered without an agent',
                }),
              },
              { description: 'Self-service (R-8.7), for the whole shop whatever the grouping' },
            ),
          }),
          ...Errors,
        },
      },
    },
    (request) =>
      serviceMeasures(ctxOf(services, request), {
        ...request.query,
        groupBy: request.query.groupBy as 'none' | 'kind' | 'team' | 'agent',
      }),
  );
};
