import { randomUUID } from 'node:crypto';
import type { Actor } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { owedOnCase, requestRefund } from '../refunds/request-refund.js';
import {
  caseEvent,
  findLiveShipment,
  findOpenPaymentLink,
  type PaymentLinkRow,
  type ReplacementShipmentRow,
} from './exchange-records.js';
import { type ReplacementLine, replacementLines } from './exchange-terms.js';

export type Readiness =
  | { ready: false; openLink: PaymentLinkRow }
  | { ready: true; shipment: ReplacementShipmentRow };

/**
 * Gets an exchange whose goods passed inspection ready to ship its replacement:
 * unless the customer still owes money, the difference of a cheaper replacement is
 * refunded and the replacement is reserved in the shop's stock. Safe to run at every step
 * that may come first (the pass, the payment, the shipping): the refund has its own key
 * and the live reservation is reused. The caller holds the case row's lock.
 */
export async function prepareReplacement(tx: Tx, row: CaseRow, by: Actor, at: Date): Promise<Readiness> {
  const openLink = await findOpenPaymentLink(tx, row.id);
  if (openLink) return { ready: false, openLink };
  const refundable = Number(row.refundable_minor ?? 0);
  if (refundable > 0) {
    await requestRefund(tx, {
      ...owedOnCase(row),
      amountMinor: refundable,
      currency: row.currency ?? 'XXX',
      method: 'original_payment',
      idempotencyKey: `case:${row.id}:exchange_difference`,
      by,
      at,
    });
  }
  const live = await findLiveShipment(tx, row.id);
  if (live) return { ready: true, shipment: live };
  const items = await tx
    .selectFrom('case_items')
    .select(['id', 'sku', 'quantity', 'replacement'])
    .where('case_id', '=', row.id)
    .orderBy('id')
    .execute();
  return { ready: true, shipment: await reserveReplacement(tx, row, replacementLines(items), by, at) };
}

/**
 * A new reservation of the replacement's lines, and one `stock.reservation_requested`
 * event per line for the shop (delivered by the outbound webhooks).
 */
export async function reserveReplacement(
  tx: Tx,
  row: Pick<CaseRow, 'id' | 'tenant_id'>,
  lines: ReplacementLine[],
  by: Actor,
  at: Date,
): Promise<ReplacementShipmentRow> {
  const shipment = await tx
    .insertInto('replacement_shipments')
    .values({
      id: randomUUID(),
      tenant_id: row.tenant_id,
      case_id: row.id,
      lines: JSON.stringify(lines),
      carrier: null,
      tracking_number: null,
      failure_reason: null,
      reserved_at: at,
      shipped_at: null,
      failed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvents(
    tx,
    lines.map((line) =>
      caseEvent(row.tenant_id, row.id, 'stock.reservation_requested', by, {
        caseId: row.id,
        replacementShipmentId: shipment.id,
        sku: line.sku,
        quantity: line.quantity,
        attributes: line.attributes,
      }),
    ),
  );
  return shipment;
}
