import type { Insertable } from 'kysely';
import type { RefundsTable } from '../schema.js';
import type { Tx } from '../scope.js';

/**
 * Records a refund once per idempotency key. A second caller, even one racing in
 * parallel, gets the first record back and `created: false`; the unique index decides.
 */
export async function recordRefundOnce(tx: Tx, refund: Insertable<RefundsTable>) {
  const inserted = await tx
    .insertInto('refunds')
    .values(refund)
    .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { refund: inserted, created: true };
  const existing = await tx
    .selectFrom('refunds')
    .selectAll()
    .where('idempotency_key', '=', refund.idempotency_key)
    .executeTakeFirstOrThrow();
  return { refund: existing, created: false };
}
