import type { ReturnShipmentView } from '@afterdesk/contract';
import type { Selectable } from 'kysely';
import type { ReturnShipmentsTable } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import type { PickupWindow } from '../../integrations/carriers/index.js';
import type { StoredReturnAddress } from './plan-return-shipment.js';

export type ReturnShipmentRow = Selectable<ReturnShipmentsTable>;

/** The case's latest return shipment, locked for an update when `forUpdate`. */
export function findReturnShipment(tx: Tx, caseId: string, { forUpdate = false } = {}) {
  const query = tx
    .selectFrom('return_shipments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function readJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toReturnShipmentView(row: ReturnShipmentRow): ReturnShipmentView {
  const address = readJson<StoredReturnAddress>(row.return_address);
  return {
    caseId: row.case_id,
    carrier: row.carrier,
    state: row.state as ReturnShipmentView['state'],
    waybillNumber: row.waybill_number,
    postagePaidBy: row.postage_paid_by === 'merchant' ? 'merchant' : 'customer',
    warehouse: address
      ? {
          id: row.warehouse_id,
          name: address.name,
          addressLines: address.addressLines,
          postalCode: address.postalCode,
          city: address.city,
          country: address.country,
          consolidation: address.consolidation,
        }
      : null,
    pickup: readJson<PickupWindow>(row.pickup),
    pickupReference: row.pickup_reference,
    attempts: row.attempts,
    lastError: row.last_error,
    issuedAt: row.issued_at ? new Date(row.issued_at).toISOString() : null,
  };
}
