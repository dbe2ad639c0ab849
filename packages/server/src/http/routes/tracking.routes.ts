import { Problem, TrackingEventBatch, TrackingEventBatchResult } from '@afterdesk/contract';
import { recordTrackingEvents } from '../../app/tracking/record-tracking-events.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem };

export const trackingRoutes: Routes = (app, services) => {
  app.post(
    '/tracking/events',
    {
      schema: {
        tags: ['tracking'],
        summary: 'Record carrier tracking events for outbound shipments (up to 1,000)',
        description:
          'Each shipment takes its latest state and never moves back; a repeated event changes nothing. The customer is e-mailed at dispatch, out for delivery and on delivery, once per kind. Each event is answered applied, duplicate, unknown_shipment or stale.',
        body: TrackingEventBatch,
        response: { 200: TrackingEventBatchResult, ...Errors },
      },
    },
    (request) => recordTrackingEvents(ctxOf(services, request), request.body.events),
  );
};
