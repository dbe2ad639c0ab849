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
  /** One status or several. */
  statuses?: string[] | undefined;
  kind?: string | undefined;
  reason?: string | undefined;
  sku?: string | undefined;
  customerId?: string | undefined;
  orderId?: string | undefined;
  channel?: string | undefined;
  /** An agent's id, or null for the unassigned. */
  assigneeId?: string | null | undefined;
  priority?: string | undefined;
  /** true: not closed (closing, cancelling and merging all set closed_at); false: only closed. */
  open?: boolean | undefined;
  /** A case number, a return code or the customer's e-mail, matched exactly. */
  q?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** newest (the default) or sla. */
  sort?: 'newest' | 'sla' | undefined;
  /** The sort key of the last row of the previous page. */
  after?: CaseListCursor | undefined;
  limit: number;
}

/** Where a page ended: (created_at, id), and for the SLA order also sla_due_at. */
export interface CaseListCursor {
  createdAt: string;
  id: string;
  slaDueAt?: string | null;
}

/**
 * Keyset-paged so page 1,000 costs what page 1 costs. Newest first by default; the SLA
 * order puts the earliest due time first, cases with none last, then newest.
 */
export function listCases(tx: Tx, f: CaseFilters) {
  let q = tx.selectFrom('cases').selectAll().limit(f.limit);
  q =
    f.sort === 'sla'
      ? q.orderBy(sql`sla_due_at asc nulls last`).orderBy('created_at', 'desc').orderBy('id', 'desc')
      : q.orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  if (f.orderId) q = q.where('order_id', '=', f.orderId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.assigneeId !== undefined)
    q = q.where('assignee_id', f.assigneeId === null ? 'is' : '=', f.assigneeId);
  if (f.priority) q = q.where('priority', '=', f.priority);
  if (f.open !== undefined) q = q.where('closed_at', f.open ? 'is' : 'is not', null);
  if (f.createdFrom) q = q.where('created_at', '>=', new Date(f.createdFrom));
  if (f.createdTo) q = q.where('created_at', '<', new Date(f.createdTo));
  if (f.q) {
    const text = f.q.trim();
    const number = /^#?\d{1,9}$/.test(text) ? Number(text.replace('#', '')) : undefined;
    // Each branch has its index (the unique number, cases_return_code, cases_customer), so
    // PostgreSQL ORs three small bitmap scans. The customers go in as an array: as an IN
    // sub-select the planner walked the whole tenant newest first instead.
    q = q.where((eb) =>
      eb.or([
        ...(number !== undefined ? [eb('number', '=', number)] : []),
        eb('return_code', '=', text.toUpperCase()),
        sql<boolean>`customer_id = any(array(select c.id from customers c where lower(c.email) = ${text.toLowerCase()}))`,
      ]),
    );
  }
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
  if (f.after) q = q.where(afterCursor(f.sort ?? 'newest', f.after));
  return q.execute();
}

function afterCursor(sort: 'newest' | 'sla', { createdAt, id, slaDueAt }: CaseListCursor) {
  const older = sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`;
  if (sort === 'newest') return older;
  // Mixed directions (due time ascending, then newest) cannot be one row comparison.
  if (slaDueAt == null) return sql<boolean>`(sla_due_at is null and ${older})`;
  return sql<boolean>`(sla_due_at > ${slaDueAt}::timestamptz or sla_due_at is null or (sla_due_at = ${slaDueAt}::timestamptz and ${older}))`;
}
