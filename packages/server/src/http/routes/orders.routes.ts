import { OrderBatch, OrderBatchResult, OrderSummary, OrderView, Problem, Uuid } from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { getOrder } from '../../app/orders/get-order.js';
import { searchOrders } from '../../app/orders/search-orders.js';
import { upsertOrders } from '../../app/orders/upsert-orders.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

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
};
