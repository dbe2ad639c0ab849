import { appendEvents } from '../../db/repositories/events.repository.js';
import type { Tx } from '../../db/scope.js';
import type { CarrierAnswer } from '../../integrations/carriers/index.js';
import { nextAttemptAfterFailure } from '../webhooks/webhook-rules.js';

/** A shipment the job claimed, with what deciding its next state needs. */
export interface ClaimedShipment {
  id: string;
  tenantId: string;
  caseId: string;
  attempts: number;
  retryUntil: Date;
}

/** What became of a shipment after one try. */
export type ShipmentOutcome = 'issued' | 'retried' | 'failed' | 'awaiting_waybill' | 'gone';

/**
 * Writes a carrier's answer to a requested shipment, in the tenant's transaction: the
 * waybill (and an event on the case's timeline), a retry after the webhook back-off, or a
 * failure agents see on the case. Only a shipment still `requested` is written, so a lease
 * that ran out cannot make two workers record twice.
 */
export async function recordCarrierAnswer(
  tx: Tx,
  shipment: ClaimedShipment,
  answer: CarrierAnswer,
  now: Date,
): Promise<ShipmentOutcome> {
  const attempts = shipment.attempts + 1;
  let settled = answer;
  if (answer.kind === 'issued') {
    const clash = await tx
      .selectFrom('return_shipments')
      .select('id')
      .where('waybill_number', '=', answer.waybillNumber)
      .where('id', '<>', shipment.id)
      .executeTakeFirst();
    if (clash)
      settled = {
        kind: 'failed',
        error: `The carrier answered waybill ${answer.waybillNumber}, which another return already has.`,
        retry: false,
      };
  }
  const retryAt =
    settled.kind === 'failed' && settled.retry
      ? nextAttemptAfterFailure(attempts, now, shipment.retryUntil)
      : null;
  const columns =
    settled.kind === 'issued'
      ? {
          state: 'issued',
          waybill_number: settled.waybillNumber,
          pickup_reference: settled.pickupReference,
          issued_at: now,
          last_error: null,
          next_attempt_at: null,
        }
      : settled.kind === 'awaiting_waybill'
        ? { state: 'awaiting_waybill', last_error: null, next_attempt_at: null }
        : retryAt
          ? { state: 'requested', last_error: settled.error, next_attempt_at: retryAt }
          : {
              state: 'failed',
              last_error:
                attempts > 1 ? `Gave up after ${attempts} attempts: ${settled.error}` : settled.error,
              next_attempt_at: null,
            };
  const updated = await tx
    .updateTable('return_shipments')
    .set({ ...columns, attempts })
    .where('id', '=', shipment.id)
    .where('state', '=', 'requested')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return 'gone';
  if (columns.state === 'issued' || columns.state === 'failed')
    await appendEvents(tx, [
      {
        tenant_id: shipment.tenantId,
        stream: 'case',
        stream_id: shipment.caseId,
        type: columns.state === 'issued' ? 'case.return_waybill_issued' : 'case.return_shipment_failed',
        actor_type: 'system',
        actor_id: null,
        reason: columns.state === 'failed' ? columns.last_error : null,
        data:
          settled.kind === 'issued'
            ? {
                shipmentId: shipment.id,
                waybillNumber: settled.waybillNumber,
                pickupReference: settled.pickupReference,
              }
            : { shipmentId: shipment.id, attempts },
      },
    ]);
  if (columns.state === 'requested') return 'retried';
  return columns.state as ShipmentOutcome;
}
