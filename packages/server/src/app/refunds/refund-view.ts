import type { Refund } from '@afterdesk/contract';
import type { RefundRow } from './request-refund.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A refund row as the API shows it. */
export function toRefundView(row: RefundRow): Refund {
  return {
    id: row.id,
    caseId: row.case_id,
    orderId: row.order_id,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    method: row.method,
    provider: row.provider,
    purpose: row.purpose,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    providerRefundId: row.provider_refund_id,
    reference: row.reference,
    createdAt: iso(row.created_at) as string,
    settledAt: iso(row.settled_at),
  };
}
