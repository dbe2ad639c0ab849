import type { PaymentLink, ReplacementShipment } from '@afterdesk/contract';
import type { Actor } from '@afterdesk/core';
import type { Selectable } from 'kysely';
import type { NewEvent, PaymentLinksTable, ReplacementShipmentsTable } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';

export type PaymentLinkRow = Selectable<PaymentLinksTable>;
export type ReplacementShipmentRow = Selectable<ReplacementShipmentsTable>;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toPaymentLinkView(row: PaymentLinkRow): PaymentLink {
  return {
    id: row.id,
    caseId: row.case_id,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    lines: row.lines,
    url: row.url,
    status: row.status,
    reference: row.reference,
    paidAt: iso(row.paid_at),
    createdAt: iso(row.created_at) as string,
  };
}

export function toReplacementShipmentView(row: ReplacementShipmentRow): ReplacementShipment {
  return {
    id: row.id,
    caseId: row.case_id,
    lines: row.lines,
    status: row.status,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    failureReason: row.failure_reason,
    reservedAt: iso(row.reserved_at) as string,
    shippedAt: iso(row.shipped_at),
    failedAt: iso(row.failed_at),
  };
}

/** The case's payment link still waiting for the customer, if any. */
export function findOpenPaymentLink(tx: Tx, caseId: string): Promise<PaymentLinkRow | undefined> {
  return tx
    .selectFrom('payment_links')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** The replacement shipment that counts now (reserved or shipped); failed ones are history. */
export function findLiveShipment(tx: Tx, caseId: string): Promise<ReplacementShipmentRow | undefined> {
  return tx
    .selectFrom('replacement_shipments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '<>', 'failed')
    .forUpdate()
    .executeTakeFirst();
}

/** An event on the case's stream: the timeline, and the shop's webhooks. */
export function caseEvent(
  tenantId: string,
  caseId: string,
  type: string,
  by: Actor,
  data: Record<string, unknown>,
  reason: string | null = null,
): NewEvent {
  return {
    tenant_id: tenantId,
    stream: 'case',
    stream_id: caseId,
    type,
    actor_type: by.type,
    actor_id: by.id,
    reason,
    data,
  };
}

/** How an amount reads in a message to an agent: "€12.50", "¥1,500" (the currency's own digits). */
export function formatMinor(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
