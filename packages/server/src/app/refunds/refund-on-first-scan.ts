import { type Actor, firstScanRefund, type PolicyDocument } from '@afterdesk/core';
import { sql } from 'kysely';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { owedOnCase, requestRefund } from './request-refund.js';

const SYSTEM: Actor = { type: 'system', id: null };

/**
 * The carrier's first scan of a return parcel: a trusted customer is refunded now, if the
 * policy that decided the case says so, instead of after the inspection. The refund's key
 * is the refund step's own (`case:<id>:refund`), so the warehouse's pass later pays
 * nothing more; a failed inspection leaves the paid refund to an agent to settle.
 */
export async function refundOnFirstScan(tx: Tx, row: CaseRow, at: Date): Promise<boolean> {
  if (row.kind !== 'return' || row.policy_version === null || !row.order_id) return false;
  const policy = await tx
    .selectFrom('policies')
    .select('document')
    .where('version', '=', row.policy_version)
    .executeTakeFirst();
  const rule = (policy?.document as PolicyDocument | undefined)?.firstScanRefund;
  if (!rule?.enabled) return false;
  const { rows } = await sql<{ blocked: boolean; orders: string; failed: string }>`
    select c.blocked,
      (select count(*) from orders o where o.customer_id = c.id) as orders,
      (select count(*) from inspections i join cases k on k.id = i.case_id
        where k.customer_id = c.id and not i.passed) as failed
    from customers c where c.id = ${row.customer_id}`.execute(tx);
  const customer = rows[0];
  if (!customer) return false;
  const verdict = firstScanRefund(rule, {
    kind: row.kind,
    refundMinor: Number(row.refundable_minor ?? 0),
    currency: row.currency ?? '',
    customerBlocked: customer.blocked,
    customerOrders: Number(customer.orders),
    failedInspections: Number(customer.failed),
  });
  if (!verdict.refund) return false;
  const owed = await requestRefund(tx, {
    ...owedOnCase(row),
    amountMinor: Number(row.refundable_minor),
    currency: row.currency as string,
    method: 'original_payment',
    idempotencyKey: `case:${row.id}:refund`,
    by: SYSTEM,
    at,
  });
  if (owed.created) {
    await appendEvents(tx, [
      {
        tenant_id: row.tenant_id,
        stream: 'case',
        stream_id: row.id,
        type: 'refund.on_first_scan',
        actor_type: 'system',
        actor_id: null,
        reason: 'A trusted customer is refunded on the carrier’s first scan.',
        data: { refundIds: owed.refunds.map((r) => r.id) },
      },
    ]);
  }
  return owed.created;
}
