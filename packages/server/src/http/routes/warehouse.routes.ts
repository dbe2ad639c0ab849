import {
  InspectionInput,
  InspectionResult,
  Problem,
  Uuid,
  WarehouseReceiptInput,
  WarehouseReceiptResult,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { inspectReturn } from '../../app/warehouse/inspect-return.js';
import { receiveParcel } from '../../app/warehouse/receive-parcel.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export const warehouseRoutes: Routes = (app, services) => {
  app.post(
    '/warehouse/receipts',
    {
      schema: {
        tags: ['warehouse'],
        summary: 'Receive a returned parcel by its return code or waybill',
        description:
          'The case moves to received (logistics or quality staff). Scanning a parcel again changes nothing and answers alreadyReceived: true.',
        body: WarehouseReceiptInput,
        response: { 200: WarehouseReceiptResult, ...Errors },
      },
    },
    (request) => receiveParcel(ctxOf(services, request), request.body),
  );

  app.post(
    '/cases/:caseId/inspections',
    {
      schema: {
        tags: ['warehouse'],
        summary: 'Record the inspection of a received return, item by item',
        description:
          'Every item of the case once. The case passes when every item passed and matched (SKU, quantity); a passed return is refunded at once, an exchange or repair moves to its next step. A failure or mismatch goes to an agent to refuse or settle, never to a refund.',
        params: Type.Object({ caseId: Uuid }),
        body: InspectionInput,
        response: { 200: InspectionResult, ...Errors },
      },
    },
    (request) => inspectReturn(ctxOf(services, request), request.params.caseId, request.body),
  );
};
