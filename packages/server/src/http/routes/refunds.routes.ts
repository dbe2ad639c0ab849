import {
  Problem,
  Refund,
  RefundList,
  RefundListQuery,
  RefundReleaseInput,
  RefundTransferInput,
  StoreCreditBalance,
  StripeConnection,
  StripeConnectionInput,
  Uuid,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { cancelRefund } from '../../app/refunds/cancel-refund.js';
import { connectStripe } from '../../app/refunds/connect-stripe.js';
import { getStoreCredit } from '../../app/refunds/get-store-credit.js';
import { listRefunds } from '../../app/refunds/list-refunds.js';
import { recordTransfer } from '../../app/refunds/record-transfer.js';
import { releaseRefund } from '../../app/refunds/release-refund.js';
import { retryRefund } from '../../app/refunds/retry-refund.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const RefundParams = Type.Object({ refundId: Uuid });

export const refundRoutes: Routes = (app, services) => {
  app.get(
    '/refunds',
    {
      schema: {
        tags: ['refunds'],
        summary: 'Refunds, by default the ones waiting for an agent (held, failed, awaiting_transfer)',
        querystring: RefundListQuery,
        response: { 200: RefundList, ...Errors },
      },
    },
    (request) => listRefunds(ctxOf(services, request), request.query),
  );

  app.post(
    '/refunds/:refundId/transfer',
    {
      schema: {
        tags: ['refunds'],
        summary: 'Record that a manual refund was paid (bank transfer or the shop’s payment system)',
        params: RefundParams,
        body: RefundTransferInput,
        response: { 200: Refund, ...Errors },
      },
    },
    (request) => recordTransfer(ctxOf(services, request), request.params.refundId, request.body.reference),
  );

  app.post(
    '/refunds/:refundId/retry',
    {
      schema: {
        tags: ['refunds'],
        summary: 'Try a failed refund again from the start',
        params: RefundParams,
        response: { 200: Refund, ...Errors },
      },
    },
    (request) => retryRefund(ctxOf(services, request), request.params.refundId),
  );

  app.post(
    '/refunds/:refundId/release',
    {
      schema: {
        tags: ['refunds'],
        summary: 'Pay a held refund with the amount an agent verified (R-6.3)',
        params: RefundParams,
        body: RefundReleaseInput,
        response: { 200: Refund, ...Errors },
      },
    },
    (request) => releaseRefund(ctxOf(services, request), request.params.refundId, request.body.amountMinor),
  );

  app.post(
    '/refunds/:refundId/cancel',
    {
      schema: {
        tags: ['refunds'],
        summary: 'Give up a held, failed or unpaid manual refund; its reservation on the payment is released',
        params: RefundParams,
        response: { 200: Refund, ...Errors },
      },
    },
    (request) => cancelRefund(ctxOf(services, request), request.params.refundId),
  );

  app.put(
    '/integrations/stripe',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Connect Stripe for refunds to the original payment; the key is never returned',
        body: StripeConnectionInput,
        response: { 200: StripeConnection, ...Errors },
      },
    },
    (request) => connectStripe(ctxOf(services, request), request.body.secretKey),
  );

  app.get(
    '/customers/:customerId/store-credit',
    {
      schema: {
        tags: ['refunds'],
        summary: 'A customer’s store credit per currency',
        params: Type.Object({ customerId: Uuid }),
        response: { 200: StoreCreditBalance, ...Errors },
      },
    },
    (request) => getStoreCredit(ctxOf(services, request), request.params.customerId),
  );
};
