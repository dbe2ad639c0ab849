import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { CaseItemsTable, CasesTable } from '../schema.js';
import type { Tx } from '../scope.js';

export async function insertCase(
  tx: Tx,
  row: Insertable<CasesTable>,
  items: Insertable<CaseItemsTable>[],
): Promise<{ number: number }> {
  const created = await tx.insertInto('cases').values(row).returning('number').executeTakeFirstOrThrow();
  if (items.length > 0) await tx.insertInto('case_items').values(items).execute();
  return created;
}

export function findCase(tx: Tx, caseId: string) {
  return tx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

/**
 * Writes a case's new state only if nobody changed it since `expectedVersion` was read:
 * optimistic concurrency, without holding a lock while the domain decides.
 */
export async function updateCase(
  tx: Tx,
  caseId: string,
  expectedVersion: number,
  changes: Updateable<CasesTable> & { version: number },
): Promise<boolean> {
  const result = await tx
    .updateTable('cases')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', caseId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export function findCaseItems(tx: Tx, caseId: string) {
  return tx.selectFrom('case_items').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** Quantities of each order line already claimed by cases that are still alive or finished. */
export async function claimedQuantities(tx: Tx, orderLineIds: string[]): Promise<Record<string, number>> {
  if (orderLineIds.length === 0) return {};
  const rows = await tx
    .selectFrom('case_items')
    .innerJoin('cases', 'cases.id', 'case_items.case_id')
    .select(['case_items.order_line_id', sql<number>`sum(case_items.quantity)::int`.as('quantity')])
    .where('case_items.order_line_id', 'in', orderLineIds)
    .where('cases.status', 'not in', ['cancelled', 'rejected'])
    .groupBy('case_items.order_line_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.order_line_id, r.quantity]));
}

export function isReturnCodeTaken(tx: Tx, code: string) {
  return tx.selectFrom('cases').select('id').where('return_code', '=', code).executeTakeFirst();
}

export interface CaseFilters {
  status?: string | undefined;
  kind?: string | undefined;
  reason?: string | undefined;
  sku?: string | undefined;
  customerId?: string | undefined;
  orderId?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** The (created_at, id) of the last row of the previous page. */
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

/** Newest first, keyset-paged so page 1,000 costs what page 1 costs. */
export function listCases(tx: Tx, f: CaseFilters) {
  let q = tx
    .selectFrom('cases')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  if (f.orderId) q = q.where('order_id', '=', f.orderId);
  if (f.createdFrom) q = q.where('created_at', '>=', new Date(f.createdFrom));
  if (f.createdTo) q = q.where('created_at', '<', new Date(f.createdTo));
  if (f.reason || f.sku) {
    q = q.where(({ exists, selectFrom }) => {
      let items = selectFrom('case_items')
        .select(sql`1`.as('one'))
        .whereRef('case_items.case_id', '=', 'cases.id');
      if (f.reason) items = items.where('case_items.reason_code', '=', f.reason);
      if (f.sku) items = items.where('case_items.sku', '=', f.sku);
      return exists(items);
    });
  }
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return q.execute();
}
