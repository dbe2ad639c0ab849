import type { ReturnShipmentInput, ReturnShipmentView } from '@afterdesk/contract';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { findReturnShipment, toReturnShipmentView } from './return-shipment-view.js';

/**
 * The merchant types the waybill of a return shipment: the manual carrier's way, and the
 * way out when a connected carrier failed (booked by hand, possibly with another carrier).
 * Typing the same waybill again changes nothing; a different one for an issued shipment,
 * or one while the carrier is still being asked, is a conflict.
 */
export async function setReturnWaybill(
  ctx: Ctx,
  caseId: string,
  input: ReturnShipmentInput,
): Promise<ReturnShipmentView> {
  requireStaff(ctx, 'cases:logistics');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    if (!(await findCase(tx, caseId))) throw notFound('The case');
    const shipment = await findReturnShipment(tx, caseId, { forUpdate: true });
    if (!shipment) throw notFound('A return shipment for this case');
    const carrierCode = input.carrier ?? shipment.carrier;
    if (shipment.state === 'issued') {
      if (shipment.waybill_number === input.waybillNumber && shipment.carrier === carrierCode)
        return toReturnShipmentView(shipment);
      throw conflict(`The return shipment already has waybill ${shipment.waybill_number}.`);
    }
    if (shipment.state === 'requested')
      throw conflict('The carrier is being asked for a waybill; wait for its answer or its failure.');
    const taken = await tx
      .selectFrom('return_shipments')
      .select('case_id')
      .where('waybill_number', '=', input.waybillNumber)
      .executeTakeFirst();
    if (taken) throw conflict(`Waybill ${input.waybillNumber} belongs to another return already.`);
    const carrier = await tx
      .selectFrom('return_carriers')
      .select('id')
      .where('code', '=', carrierCode)
      .executeTakeFirst();
    const at = ctx.clock();
    const updated = await tx
      .updateTable('return_shipments')
      .set({
        state: 'issued',
        carrier: carrierCode,
        carrier_id: carrier?.id ?? null,
        waybill_number: input.waybillNumber,
        pickup_reference: input.pickupReference ?? shipment.pickup_reference,
        issued_at: at,
        last_error: null,
        next_attempt_at: null,
      })
      .where('id', '=', shipment.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, ctx, {
      stream: 'case',
      streamId: caseId,
      type: 'case.return_waybill_issued',
      data: { shipmentId: shipment.id, carrier: carrierCode, waybillNumber: input.waybillNumber },
    });
    return toReturnShipmentView(updated);
  });
}
