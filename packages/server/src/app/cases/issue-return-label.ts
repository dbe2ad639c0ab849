import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseSnapshot,
  generateReturnCode,
  generateWaybillNumber,
  type PolicyDocument,
  RETURN_CODE_BYTES_NEEDED,
  shipBackDeadline,
  WAYBILL_BYTES_NEEDED,
} from '@afterdesk/core';
import { isReturnCodeTaken } from '../../db/repositories/cases.repository.js';
import type { Tx } from '../../db/scope.js';
import type { Services } from '../context.js';
import { type Advance, advanceCase } from './advance-case.js';

/** The built-in carrier until real carriers are connected: the customer ships it themselves. */
export const SELF_SHIP_CARRIER = 'self_ship';

export interface ReturnLabel {
  returnCode: string;
  waybillNumber: string;
  carrier: string;
  shipmentId: string;
}

/** A return code unique in the tenant and a waybill number for the built-in carrier. */
export async function drawReturnLabel(services: Services, tx: Tx): Promise<ReturnLabel> {
  let returnCode = generateReturnCode(services.randomBytes(RETURN_CODE_BYTES_NEEDED));
  // 6.6e11 codes make a clash rare, not impossible; a fresh draw settles it.
  while (await isReturnCodeTaken(tx, returnCode)) {
    returnCode = generateReturnCode(services.randomBytes(RETURN_CODE_BYTES_NEEDED));
  }
  const waybillNumber = generateWaybillNumber(services.randomBytes(WAYBILL_BYTES_NEEDED));
  return { returnCode, waybillNumber, carrier: SELF_SHIP_CARRIER, shipmentId: randomUUID() };
}

/** The machine step that issues a label. */
export function labelStep(label: ReturnLabel, by: Actor, at: string, shipBackBy: string | null): Advance {
  const { returnCode, waybillNumber, carrier } = label;
  return { type: 'issue_label', by, at, data: { returnCode, waybillNumber, carrier, shipBackBy } };
}

/**
 * After approval of an existing case that sends goods back: a return code and a waybill
 * number, then the case awaits the parcel until its ship-back deadline.
 */
export async function issueReturnLabel(
  services: Services,
  tx: Tx,
  tenantId: string,
  snapshot: CaseSnapshot,
  by: Actor,
  at: string,
): Promise<CaseSnapshot> {
  const label = await drawReturnLabel(services, tx);
  await tx
    .insertInto('return_shipments')
    .values({
      id: label.shipmentId,
      tenant_id: tenantId,
      case_id: snapshot.id,
      carrier: label.carrier,
      waybill_number: label.waybillNumber,
    })
    .execute();
  const shipBackBy = await shipBackDeadlineOf(tx, snapshot.id, at);
  return advanceCase(tx, tenantId, snapshot, labelStep(label, by, at, shipBackBy), {
    return_code: label.returnCode,
  });
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
