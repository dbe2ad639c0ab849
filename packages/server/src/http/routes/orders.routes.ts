import {
  AddressChangeInput,
  AddressChangeResult,
  CancellationInput,
  CancellationResult,
  OrderBatch,
  OrderBatchResult,
  OrderSummary,
  OrderView,
  Problem,
  Uuid,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { cancelOrder } from '../../app/orders/cancel-order.js';
import { changeOrderAddress } from '../../app/orders/change-order-address.js';
import { getOrder } from '../../app/orders/get-order.js';
import { searchOrders } from '../../app/orders/search-orders.js';
import { upsertOrders } from '../../app/orders/upsert-orders.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const ChangeErrors = { ...Errors, 409: Problem };

export const orderRoutes: Routes = (app, services) => {
  app.post(
    '/orders/batch',
    {
      schema: {
        tags: ['orders'],
        summary: 'Create or update orders (idempotent by store and external id)',
        body: OrderBatch,
        response: { 200: OrderBatchResult, ...Errors },
      },
    },
    (request) => upsertOrders(ctxOf(services, request), request.body.orders),
  );

  app.get(
    '/orders',
    {
      schema: {
        tags: ['orders'],
        summary: 'Search orders by number, customer e-mail or customer id',
        querystring: Type.Object(
          {
            number: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            email: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
            customerId: Type.Optional(Uuid),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OrderSummary) }), ...Errors },
      },
    },
    async (request) => ({ items: await searchOrders(ctxOf(services, request), request.query) }),
  );

  app.get(
    '/orders/:orderId',
    {
      schema: {
        tags: ['orders'],
        summary: 'One order with lines, payments and shipments',
        params: Type.Object({ orderId: Uuid }),
        response: { 200: OrderView, ...Errors },
      },
    },
    (request) => getOrder(ctxOf(services, request), request.params.orderId),
  );

  app.post(
    '/orders/:orderId/address-change',
    {
      schema: {
        tags: ['orders'],
        summary: 'Send the order to another address, while it has not shipped (409 once it has)',
        params: Type.Object({ orderId: Uuid }),
        body: AddressChangeInput,
        response: { 200: AddressChangeResult, ...ChangeErrors },
      },
    },
    (request) => changeOrderAddress(ctxOf(services, request), request.params.orderId, request.body.address),
  );

  app.post(
    '/orders/:orderId/cancellation',
    {
      schema: {
        tags: ['orders'],
        summary:
          'Cancel the order: before shipment it is cancelled and refunded in full; after shipment it becomes a return case (201)',
        params: Type.Object({ orderId: Uuid }),
        body: CancellationInput,
        response: { 200: CancellationResult, 201: CancellationResult, ...ChangeErrors },
      },
      // "Cancel it" needs no words: a POST without a body is an empty request.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const result = await cancelOrder(ctxOf(services, request), request.params.orderId, request.body);
      return reply.code(result.case && !result.repeated ? 201 : 200).send(result);
    },
  );
};
