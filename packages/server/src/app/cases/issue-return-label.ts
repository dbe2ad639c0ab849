import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseSnapshot,
  type Decision,
  generateReturnCode,
  type PolicyDocument,
  RETURN_CODE_BYTES_NEEDED,
  shipBackDeadline,
} from '@afterdesk/core';
import type { Insertable } from 'kysely';
import { isReturnCodeTaken } from '../../db/repositories/cases.repository.js';
import type { ReturnShipmentsTable } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import type { PickupWindow } from '../../integrations/carriers/index.js';
import type { Services } from '../context.js';
import {
  type PlannedShipment,
  planReturnShipment,
  type ReturnParcel,
} from '../return-shipments/plan-return-shipment.js';
import { type Advance, advanceCase } from './advance-case.js';

export interface ReturnLabel {
  returnCode: string;
  /** Null while a carrier is still to answer (generic) or the merchant to type it (manual). */
  waybillNumber: string | null;
  carrier: string;
  shipmentId: string;
  shipment: PlannedShipment;
}

/**
 * A return code unique in the tenant and the return shipment: its warehouse, carrier and
 * postage payer, and the waybill when the carrier answers without I/O (self_ship).
 */
export async function drawReturnLabel(
  services: Services,
  tx: Tx,
  parcel: ReturnParcel,
): Promise<ReturnLabel> {
  let returnCode = generateReturnCode(services.randomBytes(RETURN_CODE_BYTES_NEEDED));
  // 6.6e11 codes make a clash rare, not impossible; a fresh draw settles it.
  while (await isReturnCodeTaken(tx, returnCode)) {
    returnCode = generateReturnCode(services.randomBytes(RETURN_CODE_BYTES_NEEDED));
  }
  const shipment = await planReturnShipment(services, tx, parcel);
  return {
    returnCode,
    waybillNumber: shipment.waybill_number ?? null,
    carrier: shipment.carrier,
    shipmentId: randomUUID(),
    shipment,
  };
}

/** The return_shipments row of a label drawn for a case. */
export function returnShipmentRow(
  label: ReturnLabel,
  tenantId: string,
  caseId: string,
): Insertable<ReturnShipmentsTable> {
  return { ...label.shipment, id: label.shipmentId, tenant_id: tenantId, case_id: caseId };
}

/** The machine step that issues a label. */
export function labelStep(label: ReturnLabel, by: Actor, at: string, shipBackBy: string | null): Advance {
  const { returnCode, waybillNumber, carrier } = label;
  return { type: 'issue_label', by, at, data: { returnCode, waybillNumber, carrier, shipBackBy } };
}

/**
 * After approval of an existing case that sends goods back: a return code and the return
 * shipment, then the case awaits the parcel until its ship-back deadline. A carrier asked
 * over the network is asked later, by the return-shipment job, outside this transaction.
 */
export async function issueReturnLabel(
  services: Services,
  tx: Tx,
  tenantId: string,
  snapshot: CaseSnapshot,
  by: Actor,
  at: string,
  pickup: PickupWindow | null = null,
): Promise<CaseSnapshot> {
  const label = await drawReturnLabel(services, tx, { ...(await parcelOf(tx, snapshot.id)), pickup });
  await tx
    .insertInto('return_shipments')
    .values(returnShipmentRow(label, tenantId, snapshot.id))
    .execute();
  const shipBackBy = await shipBackDeadlineOf(tx, snapshot.id, at);
  return advanceCase(tx, tenantId, snapshot, labelStep(label, by, at, shipBackBy), {
    return_code: label.returnCode,
  });
}

// The sender and the decision's fees of an existing case.
async function parcelOf(tx: Tx, caseId: string): Promise<ReturnParcel> {
  const row = await tx
    .selectFrom('cases')
    .select((eb) => [
      'cases.customer_id',
      'cases.store_id',
      eb
        .selectFrom('decisions')
        .select('decisions.result')
        .whereRef('decisions.case_id', '=', 'cases.id')
        .orderBy('decisions.created_at', 'desc')
        .limit(1)
        .as('decision'),
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  const decision = (typeof row?.decision === 'string' ? JSON.parse(row.decision) : row?.decision) as
    | Decision
    | null
    | undefined;
  return {
    customerId: row?.customer_id ?? null,
    storeId: row?.store_id ?? null,
    fees: decision?.fees ?? null,
  };
}

/** The ship-back deadline of a case approved now, by the policy version that decided it. */
async function shipBackDeadlineOf(tx: Tx, caseId: string, at: string): Promise<string | null> {
  const terms = await tx
    .selectFrom('cases')
    .innerJoin('stores', 'stores.id', 'cases.store_id')
    .innerJoin('policies', (join) =>
      join
        .onRef('policies.tenant_id', '=', 'cases.tenant_id')
        .onRef('policies.version', '=', 'cases.policy_version'),
    )
    .select(['stores.time_zone', 'policies.document'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!terms) return null;
  return shipBackDeadline(at, (terms.document as PolicyDocument).shipBackDays, terms.time_zone);
}
