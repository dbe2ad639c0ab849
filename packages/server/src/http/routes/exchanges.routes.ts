import {
  ExchangeView,
  PaymentLink,
  PaymentLinkPaidInput,
  Problem,
  ReplacementFailedInput,
  Uuid,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { failReplacement } from '../../app/exchanges/fail-replacement.js';
import { getExchange } from '../../app/exchanges/get-exchange.js';
import { markPaymentLinkPaid } from '../../app/exchanges/mark-payment-link-paid.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const CaseParams = Type.Object({ caseId: Uuid });

export const exchangeRoutes: Routes = (app, services) => {
  app.get(
    '/cases/:caseId/exchange',
    {
      schema: {
        tags: ['exchanges'],
        summary: 'An exchange’s payment links and replacement shipments',
        params: CaseParams,
        response: { 200: ExchangeView, ...Errors },
      },
    },
    (request) => getExchange(ctxOf(services, request), request.params.caseId),
  );

  app.post(
    '/payment-links/:paymentLinkId/paid',
    {
      schema: {
        tags: ['exchanges'],
        summary: 'The shop’s checkout confirms the customer paid what the exchange costs on top',
        params: Type.Object({ paymentLinkId: Uuid }),
        body: PaymentLinkPaidInput,
        response: { 200: PaymentLink, ...Errors },
      },
    },
    (request) =>
      markPaymentLinkPaid(ctxOf(services, request), request.params.paymentLinkId, request.body.reference),
  );

  app.post(
    '/cases/:caseId/replacement/failed',
    {
      schema: {
        tags: ['exchanges'],
        summary: 'The replacement failed to ship (R-6.3): it is reserved again at once',
        params: CaseParams,
        body: ReplacementFailedInput,
        response: { 200: ExchangeView, ...Errors },
      },
    },
    (request) => failReplacement(ctxOf(services, request), request.params.caseId, request.body.reason),
  );
};
