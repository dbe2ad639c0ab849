import type { OrderChangeView } from '@afterdesk/contract';
import type { OrderChangeRow } from '../../db/repositories/order-changes.repository.js';

/** An order change as the API shows it. */
export function toOrderChangeView(row: OrderChangeRow): OrderChangeView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    block: row.block,
    reason: row.reason,
    address: row.address ?? null,
    caseId: row.case_id,
    refundIds: row.refund_ids ?? [],
    requestedBy: { type: row.requested_by_type, id: row.requested_by_id },
    createdAt: new Date(row.created_at).toISOString(),
  };
}
