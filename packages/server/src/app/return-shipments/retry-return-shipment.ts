import type { ReturnShipmentView } from '@afterdesk/contract';
import { findCase } from '../../db/repositories/cases.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { findReturnShipment, toReturnShipmentView } from './return-shipment-view.js';

const RETRY_WINDOW_MS = 24 * 3600_000;

/**
 * Asks the carrier again for a shipment it failed (after the tenant fixed the carrier's
 * settings, or the carrier came back): the job picks it up on its next run, with a fresh
 * day of retries.
 */
export async function retryReturnShipment(ctx: Ctx, caseId: string): Promise<ReturnShipmentView> {
  requireStaff(ctx, 'cases:logistics');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    if (!(await findCase(tx, caseId))) throw notFound('The case');
    const shipment = await findReturnShipment(tx, caseId, { forUpdate: true });
    if (!shipment) throw notFound('A return shipment for this case');
    if (shipment.state !== 'failed')
      throw conflict(`Only a failed shipment is retried; this one is ${shipment.state}.`);
    const carrier = shipment.carrier_id
      ? await tx
          .selectFrom('return_carriers')
          .select('adapter')
          .where('id', '=', shipment.carrier_id)
          .executeTakeFirst()
      : undefined;
    if (carrier?.adapter !== 'generic')
      throw conflict('This shipment has no connected carrier to ask; type its waybill in instead.');
    const now = ctx.clock();
    const updated = await tx
      .updateTable('return_shipments')
      .set({
        state: 'requested',
        next_attempt_at: now,
        retry_until: new Date(now.getTime() + RETRY_WINDOW_MS),
      })
      .where('id', '=', shipment.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, ctx, {
      stream: 'case',
      streamId: caseId,
      type: 'case.return_shipment_retried',
      data: { shipmentId: shipment.id },
    });
    return toReturnShipmentView(updated);
  });
}
