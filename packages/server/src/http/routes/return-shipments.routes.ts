import {
  CreatedReturnCarrier,
  Problem,
  ReturnCarrierInput,
  ReturnCarrierView,
  ReturnShipmentInput,
  ReturnShipmentView,
  Uuid,
  WarehouseInput,
  WarehouseView,
} from '@afterdesk/contract';
import { type TSchema, Type } from '@sinclair/typebox';
import { createReturnCarrier } from '../../app/return-shipments/create-return-carrier.js';
import { createWarehouse } from '../../app/return-shipments/create-warehouse.js';
import { deleteReturnCarrier } from '../../app/return-shipments/delete-return-carrier.js';
import { deleteWarehouse } from '../../app/return-shipments/delete-warehouse.js';
import { getReturnLabelPdf } from '../../app/return-shipments/get-return-label-pdf.js';
import { getReturnShipment } from '../../app/return-shipments/get-return-shipment.js';
import { listReturnCarriers } from '../../app/return-shipments/list-return-carriers.js';
import { listWarehouses } from '../../app/return-shipments/list-warehouses.js';
import { retryReturnShipment } from '../../app/return-shipments/retry-return-shipment.js';
import { setReturnWaybill } from '../../app/return-shipments/set-return-waybill.js';
import { updateReturnCarrier } from '../../app/return-shipments/update-return-carrier.js';
import { updateWarehouse } from '../../app/return-shipments/update-warehouse.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const List = (item: TSchema) => Type.Object({ items: Type.Array(item) });
const CaseParams = Type.Object({ caseId: Uuid });
const shipments = ['return shipments'];
const setup = ['return shipments set-up'];

/** Return shipments (waybill, label, carrier retries) and their set-up: carriers and warehouses. */
export const returnShipmentRoutes: Routes = (app, services) => {
  app.get(
    '/cases/:caseId/return-shipment',
    {
      schema: {
        tags: shipments,
        summary: "The case's return shipment: carrier, waybill, warehouse, pick-up, carrier errors",
        params: CaseParams,
        response: { 200: ReturnShipmentView, ...Errors },
      },
    },
    (request) => getReturnShipment(ctxOf(services, request), request.params.caseId),
  );
  app.put(
    '/cases/:caseId/return-shipment',
    {
      schema: {
        tags: shipments,
        summary: 'Enter the waybill of a manual (or failed) return shipment',
        description:
          'Logistics staff. The same waybill again changes nothing; another waybill for an issued shipment, or any while the carrier is being asked, is a 409.',
        params: CaseParams,
        body: ReturnShipmentInput,
        response: { 200: ReturnShipmentView, ...Errors },
      },
    },
    (request) => setReturnWaybill(ctxOf(services, request), request.params.caseId, request.body),
  );
  app.post(
    '/cases/:caseId/return-shipment/retry',
    {
      schema: {
        tags: shipments,
        summary: 'Ask the connected carrier again for a failed return shipment',
        params: CaseParams,
        response: { 200: ReturnShipmentView, ...Errors },
      },
    },
    (request) => retryReturnShipment(ctxOf(services, request), request.params.caseId),
  );
  app.get(
    '/cases/:caseId/return-label.pdf',
    {
      schema: {
        tags: shipments,
        summary: 'The return label (PDF, 4 × 6 in): waybill barcode, return code, addresses, postage',
        description:
          'For the customer who owns the case and for staff. 409 until the shipment has a waybill.',
        params: CaseParams,
      },
    },
    async (request, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="return-label-${request.params.caseId}.pdf"`)
        .send(Buffer.from(await getReturnLabelPdf(ctxOf(services, request), request.params.caseId))),
  );

  const CarrierParams = Type.Object({ carrierId: Uuid });
  app.get(
    '/return-carriers',
    {
      schema: {
        tags: setup,
        summary: 'Carrier connections',
        response: { 200: List(ReturnCarrierView), ...Errors },
      },
    },
    (request) => listReturnCarriers(ctxOf(services, request)),
  );
  app.post(
    '/return-carriers',
    {
      schema: {
        tags: setup,
        summary: 'Connect a carrier (manual, or generic over HTTP)',
        description:
          'A generic carrier gets a signed JSON POST per return shipment (docs/logistics.md) and answers the waybill at waybillPointer. Its signing secret is returned once.',
        body: ReturnCarrierInput,
        response: { 201: CreatedReturnCarrier, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReturnCarrier(ctxOf(services, request), request.body)),
  );
  app.put(
    '/return-carriers/:carrierId',
    {
      schema: {
        tags: setup,
        summary: "Replace a carrier connection's settings (the secret stays unless given)",
        params: CarrierParams,
        body: ReturnCarrierInput,
        response: { 200: ReturnCarrierView, ...Errors },
      },
    },
    (request) => updateReturnCarrier(ctxOf(services, request), request.params.carrierId, request.body),
  );
  app.delete(
    '/return-carriers/:carrierId',
    {
      schema: {
        tags: setup,
        summary: 'Disconnect a carrier',
        params: CarrierParams,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await deleteReturnCarrier(ctxOf(services, request), request.params.carrierId);
      return reply.code(204).send(null);
    },
  );

  const WarehouseParams = Type.Object({ warehouseId: Uuid });
  app.get(
    '/warehouses',
    {
      schema: {
        tags: setup,
        summary: 'Return warehouses',
        response: { 200: List(WarehouseView), ...Errors },
      },
    },
    (request) => listWarehouses(ctxOf(services, request)),
  );
  app.post(
    '/warehouses',
    {
      schema: {
        tags: setup,
        summary: 'Add a return warehouse',
        description:
          'A return goes to the warehouse serving the customer country, else one in that country, else the default warehouse.',
        body: WarehouseInput,
        response: { 201: WarehouseView, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWarehouse(ctxOf(services, request), request.body)),
  );
  app.put(
    '/warehouses/:warehouseId',
    {
      schema: {
        tags: setup,
        summary: 'Replace a return warehouse',
        params: WarehouseParams,
        body: WarehouseInput,
        response: { 200: WarehouseView, ...Errors },
      },
    },
    (request) => updateWarehouse(ctxOf(services, request), request.params.warehouseId, request.body),
  );
  app.delete(
    '/warehouses/:warehouseId',
    {
      schema: {
        tags: setup,
        summary: 'Remove a return warehouse',
        params: WarehouseParams,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      await deleteWarehouse(ctxOf(services, request), request.params.warehouseId);
      return reply.code(204).send(null);
    },
  );
};
