import { type Insertable, type Selectable, sql } from 'kysely';
import type { OrderChangesTable } from '../schema.js';
import type { Tx } from '../scope.js';

export type OrderChangeRow = Selectable<OrderChangesTable>;

/**
 * Locks the order against other changes until the transaction ends; parallel requests
 * queue here. NO KEY UPDATE, not UPDATE: rows that merely point at the order (a case,
 * a refund) can still be written meanwhile.
 */
export function lockOrderForChange(tx: Tx, orderId: string) {
  return tx
    .selectFrom('orders')
    .select(['id', 'customer_id', 'status', 'delivered_at', 'currency', 'shipping_address'])
    .where('id', '=', orderId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/**
 * The order's one cancellation that counts (applied or turned into a return), if any;
 * `older` says whether it was written more than `seconds` ago, by the database's clock.
 */
export function findCancellation(tx: Tx, orderId: string, seconds = 0) {
  return tx
    .selectFrom('order_changes')
    .selectAll()
    .select(sql<boolean>`created_at < now() - make_interval(secs => ${seconds})`.as('older'))
    .where('order_id', '=', orderId)
    .where('kind', '=', 'cancel')
    .where('status', '<>', 'refused')
    .executeTakeFirst();
}

export function insertOrderChange(tx: Tx, row: Insertable<OrderChangesTable>) {
  return tx.insertInto('order_changes').values(row).returningAll().executeTakeFirstOrThrow();
}

// Refused attempts are kept too; an order that collects a great many shows its latest.
const SHOWN = 100;

/** The order's address and its changes, oldest first. */
export async function findOrderChanges(tx: Tx, orderId: string) {
  const [order, changes] = await Promise.all([
    tx.selectFrom('orders').select('shipping_address').where('id', '=', orderId).executeTakeFirst(),
    tx
      .selectFrom('order_changes')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(SHOWN)
      .execute(),
  ]);
  return { shippingAddress: order?.shipping_address ?? null, changes: changes.reverse() };
}
