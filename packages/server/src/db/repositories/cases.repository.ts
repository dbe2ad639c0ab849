import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type {
  CaseItemsTable,
  CasesTable,
  DecisionsTable,
  NewEvent,
  ReturnShipmentsTable,
} from '../schema.js';
import type { Tx } from '../scope.js';

export interface NewCase {
  row: Insertable<CasesTable>;
  items: Insertable<CaseItemsTable>[];
  decision: Insertable<DecisionsTable>;
  shipment: Insertable<ReturnShipmentsTable> | null;
  events: NewEvent[];
}

/**
 * A new case with its items, decision, return shipment and events in ONE statement
 * (data-modifying CTEs): filing a case is the hottest write path.
 */
export async function insertNewCase(tx: Tx, c: NewCase): Promise<void> {
  const events = c.events.map((e) => ({ ...e, data: JSON.stringify(e.data ?? {}) }));
  const base = tx
    .with('new_case', (db) => db.insertInto('cases').values(c.row))
    .with('new_items', (db) => db.insertInto('case_items').values(c.items))
    .with('new_decision', (db) => db.insertInto('decisions').values(c.decision));
  const shipment = c.shipment;
  if (shipment) {
    await base
      .with('new_shipment', (db) => db.insertInto('return_shipments').values(shipment))
      .insertInto('events')
      .values(events)
      .execute();
  } else {
    await base.insertInto('events').values(events).execute();
  }
}

export function findCase(tx: Tx, caseId: string) {
  return tx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

/**
 * Writes a case's new state and its event in ONE statement, and only if nobody changed
 * the case since `expectedVersion` was read: optimistic concurrency without holding a
 * lock while the domain decides. False when the version was stale (nothing written).
 */
export async function moveCase(
  tx: Tx,
  caseId: string,
  expectedVersion: number,
  changes: Updateable<CasesTable> & { status: string; version: number },
  event: NewEvent,
): Promise<boolean> {
  const written = await tx
    .with('moved', (db) =>
      db
        .updateTable('cases')
        .set({ ...changes, updated_at: sql`now()` })
        .where('id', '=', caseId)
        .where('version', '=', expectedVersion)
        .returning('id'),
    )
    .insertInto('events')
    .columns(['tenant_id', 'stream', 'stream_id', 'type', 'actor_type', 'actor_id', 'reason', 'data'])
    .expression((eb) =>
      eb
        .selectFrom('moved')
        .select([
          sql<string>`${event.tenant_id}::uuid`.as('tenant_id'),
          sql<string>`${event.stream}`.as('stream'),
          'moved.id as stream_id',
          sql<string>`${event.type}`.as('type'),
          sql<string>`${event.actor_type}`.as('actor_type'),
          sql<string | null>`${event.actor_id ?? null}::text`.as('actor_id'),
          sql<string | null>`${event.reason ?? null}::text`.as('reason'),
          sql<string>`${JSON.stringify(event.data ?? {})}::jsonb`.as('data'),
        ]),
    )
    .returning('id')
    .execute();
  return written.length === 1;
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
