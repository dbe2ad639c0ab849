import type { CaseSnapshot } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { Tx } from '../../db/scope.js';
import { type Advance, advanceCase, planTransitions } from '../cases/advance-case.js';
import { AppError, type FieldError, invalid, notFound } from '../errors.js';
import { lockCase } from '../warehouse/step-return-case.js';
import { caseEvent, findLiveShipment, formatMinor, type PaymentLinkRow } from './exchange-records.js';
import { prepareReplacement } from './prepare-replacement.js';

/**
 * The replacement left the shop, with its carrier and tracking number: the case
 * moves to `replacement_shipped` and its reserved replacement shipment becomes shipped.
 * Refused while the customer still owes money. A re-shipment after a failed one
 * is recorded on the shipment alone: the case already says the replacement shipped.
 */
export async function shipReplacement(
  tx: Tx,
  snapshot: CaseSnapshot,
  step: Advance,
  input: { carrier?: string | undefined; trackingNumber?: string | undefined },
): Promise<void> {
  const row = await lockCase(tx, snapshot.id);
  if (!row) throw notFound('The case');
  const at = new Date(step.at);
  const reshipment = row.status === 'replacement_shipped' && row.kind === 'exchange';
  // Whether the step can happen at all comes first: the machine's refusal (409, with what
  // the case allows) when nothing is waiting to go out, then the input, then money owed.
  if (!reshipment || (await findLiveShipment(tx, row.id))?.status !== 'reserved')
    planTransitions(snapshot, [step]);
  const { carrier, trackingNumber } = requireTracking(input);
  if (!reshipment) {
    const readiness = await prepareReplacement(tx, row, step.by, at);
    if (!readiness.ready) throw owedConflict(readiness.openLink);
    await advanceCase(tx, row.tenant_id, snapshot, { ...step, data: { carrier, trackingNumber } });
  }
  const shipment = await findLiveShipment(tx, row.id);
  if (!shipment) throw notFound('The replacement shipment');
  await tx
    .updateTable('replacement_shipments')
    .set({ status: 'shipped', carrier, tracking_number: trackingNumber, shipped_at: at })
    .where('id', '=', shipment.id)
    .execute();
  await appendEvents(tx, [
    caseEvent(row.tenant_id, row.id, 'replacement.shipped', step.by, {
      replacementShipmentId: shipment.id,
      carrier,
      trackingNumber,
      lines: shipment.lines,
      reshipment,
    }),
  ]);
}

function requireTracking(input: { carrier?: string | undefined; trackingNumber?: string | undefined }) {
  const { carrier, trackingNumber } = input;
  const missing: FieldError[] = [];
  if (!carrier) missing.push({ field: '/carrier', message: 'Required: who carries the replacement.' });
  if (!trackingNumber)
    missing.push({ field: '/trackingNumber', message: 'Required: the replacement’s tracking number.' });
  if (!carrier || !trackingNumber)
    throw invalid('A shipped replacement needs its carrier and tracking number.', missing);
  return { carrier, trackingNumber };
}

function owedConflict(link: PaymentLinkRow): AppError {
  return new AppError(
    'conflict',
    `Payment link ${link.id} (${formatMinor(Number(link.amount_minor), link.currency)}) is still open: the replacement ships once the customer has paid it.`,
    { userMessage: 'The replacement ships as soon as your payment arrives.' },
  );
}
