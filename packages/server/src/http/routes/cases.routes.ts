import {
  CaseActionInput,
  CaseInput,
  CaseListQuery,
  CaseRating,
  CaseRatingInput,
  CaseSummary,
  CaseView,
  DecisionSchema,
  EligibilityInput,
  Page,
  Problem,
  Uuid,
} from '@afterdesk/contract';
import { CASE_ACTION_TYPES, type CaseActionType } from '@afterdesk/core';
import { Type } from '@sinclair/typebox';
import { checkEligibility } from '../../app/cases/check-eligibility.js';
import { createCase } from '../../app/cases/create-case.js';
import { getCase } from '../../app/cases/get-case.js';
import { getReturnCodeQr } from '../../app/cases/get-return-code-qr.js';
import { listCases } from '../../app/cases/list-cases.js';
import { performCaseAction } from '../../app/cases/perform-case-action.js';
import { rateCase } from '../../app/surveys/rate-case.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const CaseParams = Type.Object({ caseId: Uuid });

const ACTION_SUMMARY: Record<CaseActionType, string> = {
  start_review: 'Start the review',
  request_info: 'Ask the customer for more information (reason: what is needed)',
  provide_info: 'The customer has answered; the review resumes',
  approve: 'Approve; cases that send goods back get a return code and waybill',
  reject: 'Reject with a reason and the alternatives offered',
  issue_label: 'Issue the return label',
  ship: 'The parcel is on its way back (carrier, tracking number)',
  receive: 'The parcel arrived at the warehouse',
  pass_inspection: 'The goods passed inspection',
  fail_inspection: 'The goods failed inspection',
  refuse: 'Refuse after a failed inspection (reason); the goods go back to the customer',
  settle: 'Settle a failed inspection by negotiation (amountMinor)',
  refund: 'Record the refund (amountMinor defaults to the refundable amount; once only)',
  ship_replacement: 'The replacement item has shipped',
  complete_repair: 'The repair is done',
  close: 'Close the case',
  cancel: 'Cancel, by the customer or for them, until the parcel is in transit',
  solve: 'Mark a conversation solved; the customer gets the satisfaction survey',
  reopen: 'Reopen a solved conversation',
  merge: 'Merge into another case (use POST /cases/{caseId}/merge)',
  negotiate: 'Dispute: start negotiating with the customer',
  refer_to_arbitration: 'Dispute: refer to the arbitration group (group: legal, service or product)',
  decide: 'Dispute: the written decision (reason), with any compensationMinor, which is refunded',
  appeal: 'Dispute: appeal the decision (once; reason)',
  record_mediation: 'Dispute: record a third-party mediation (mediator, reason: its outcome)',
};
// Merging moves a conversation, not only a status: it has its own route.
const GENERIC_ACTIONS = CASE_ACTION_TYPES.filter((a) => a !== 'merge');

export const caseRoutes: Routes = (app, services) => {
  app.post(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'File a return, exchange, refund-only or repair request',
        body: CaseInput,
        response: { 201: CaseView, ...Errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createCase(ctxOf(services, request), request.body)),
  );

  app.post(
    '/cases/eligibility',
    {
      schema: {
        tags: ['cases'],
        summary: 'Dry run: what the policy would decide, without filing anything',
        body: EligibilityInput,
        response: { 200: DecisionSchema, ...Errors },
      },
    },
    (request) => checkEligibility(ctxOf(services, request), request.body),
  );

  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'List cases (newest first, or by SLA due time) with filters and cursor paging',
        querystring: CaseListQuery,
        response: { 200: Page(CaseSummary), ...Errors },
      },
    },
    (request) => listCases(ctxOf(services, request), request.query),
  );

  app.get(
    '/cases/:caseId',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case with items, decision and timeline',
        params: CaseParams,
        response: { 200: CaseView, ...Errors },
      },
    },
    (request) => getCase(ctxOf(services, request), request.params.caseId),
  );

  app.get(
    '/cases/:caseId/return-code.png',
    { schema: { tags: ['cases'], summary: 'The return code as a QR image (PNG)', params: CaseParams } },
    async (request, reply) =>
      reply
        .type('image/png')
        .send(Buffer.from(await getReturnCodeQr(ctxOf(services, request), request.params.caseId))),
  );

  app.post(
    '/cases/:caseId/rating',
    {
      schema: {
        tags: ['cases'],
        summary: 'The customer rates their finished case (1–5, once); counts as the satisfaction survey',
        params: CaseParams,
        body: CaseRatingInput,
        response: { 201: CaseRating, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rateCase(ctxOf(services, request), request.params.caseId, request.body)),
  );

  for (const action of GENERIC_ACTIONS) {
    app.post(
      `/cases/:caseId/actions/${action.replaceAll('_', '-')}`,
      {
        schema: {
          tags: ['case actions'],
          summary: ACTION_SUMMARY[action],
          params: CaseParams,
          body: Type.Optional(CaseActionInput),
          response: { 200: CaseView, ...Errors },
        },
      },
      (request) =>
        performCaseAction(ctxOf(services, request), request.params.caseId, action, request.body ?? {}),
    );
  }
};
