import { RELEASING_STATUSES } from '@afterdesk/core';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../scope.js';

/** An order ready to store: ids resolved, totals computed by the use case. */
export interface OrderRecord {
  id: string;
  tenantId: string;
  storeId: string;
  customer: CustomerRecord;
  externalId: string;
  number: string;
  status: string;
  placedAt: string;
  currency: string;
  shippingMinor: number;
  totalMinor: number;
  deliveredAt: string | null;
  /** An imported credit note: its units count as returned in analytics. */
  creditNote: boolean;
  review: ReviewRecord | null;
  lines: {
    id: string;
    externalId: string;
    sku: string;
    title: string;
    category: string | null;
    attributes: Record<string, string>;
    quantity: number;
    unitPriceMinor: number;
    discountMinor: number;
  }[];
  payments: { id: string; method: string; reference: string | null; capturedMinor: number }[];
  shipments: {
    id: string;
    carrier: string;
    trackingNumber: string | null;
    shippedAt: string | null;
    deliveredAt: string | null;
    estimatedAt: string | null;
  }[];
}

/** The customer's review of an order, with what triage read in its comment. */
export interface ReviewRecord {
  id: string;
  externalId: string;
  score: number;
  comment: string | null;
  language: string | null;
  intent: string | null;
  sentiment: number | null;
  reviewedAt: string;
}

export interface CustomerRecord {
  id: string;
  externalId: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  language: string | null;
  country: string | null;
}

// PostgreSQL allows 65,535 parameters per statement; stay well below with any column count.
const CHUNK = 1000;
function* chunks<T>(rows: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Upserts customers by external id; returns external id → stored id. */
export async function upsertCustomers(
  tx: Tx,
  tenantId: string,
  customers: CustomerRecord[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunks(customers)) {
    const rows = await tx
      .insertInto('customers')
      .values(
        part.map((c) => ({
          id: c.id,
          tenant_id: tenantId,
          external_id: c.externalId,
          email: c.email,
          phone: c.phone,
          name: c.name,
          language: c.language,
          country: c.country,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'external_id']).doUpdateSet({
          email: sql`coalesce(excluded.email, customers.email)`,
          phone: sql`coalesce(excluded.phone, customers.phone)`,
          name: sql`coalesce(excluded.name, customers.name)`,
          language: sql`coalesce(excluded.language, customers.language)`,
          country: sql`coalesce(excluded.country, customers.country)`,
          updated_at: sql`now()`,
        }),
      )
      .returning(['id', 'external_id'])
      .execute();
    for (const row of rows) ids.set(row.external_id, row.id);
  }
  return ids;
}

/**
 * Upserts orders with their lines, payments and shipments in a few statements per batch.
 * Lines are upserted by external id (cases may point at them), payments and shipments by
 * position (refunds and tracking point at them). Returns each order's stored id and whether it was new.
 */
export async function upsertOrders(
  tx: Tx,
  orders: (OrderRecord & { customerId: string })[],
): Promise<{ externalId: string; id: string; created: boolean }[]> {
  const stored: { externalId: string; id: string; created: boolean }[] = [];
  for (const part of chunks(orders, 500)) {
    const rows = await tx
      .insertInto('orders')
      .values(
        part.map((o) => ({
          id: o.id,
          tenant_id: o.tenantId,
          store_id: o.storeId,
          customer_id: o.customerId,
          external_id: o.externalId,
          number: o.number,
          status: o.status,
          placed_at: o.placedAt,
          currency: o.currency,
          shipping_minor: o.shippingMinor,
          total_minor: o.totalMinor,
          delivered_at: o.deliveredAt,
          credit_note: o.creditNote,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'store_id', 'external_id']).doUpdateSet((eb) => ({
          customer_id: eb.ref('excluded.customer_id'),
          number: eb.ref('excluded.number'),
          // An order cancelled here stays cancelled, whatever the shop sends next.
          status: sql`case when orders.status = 'cancelled' then orders.status else excluded.status end`,
          placed_at: eb.ref('excluded.placed_at'),
          currency: eb.ref('excluded.currency'),
          shipping_minor: eb.ref('excluded.shipping_minor'),
          total_minor: eb.ref('excluded.total_minor'),
          delivered_at: eb.ref('excluded.delivered_at'),
          credit_note: eb.ref('excluded.credit_note'),
          updated_at: sql`now()`,
        })),
      )
      .returning(['id', 'external_id', 'store_id', sql<boolean>`(xmax = 0)`.as('created')])
      .execute();
    const idByKey = new Map(rows.map((r) => [`${r.store_id}/${r.external_id}`, r.id]));
    for (const r of rows) stored.push({ externalId: r.external_id, id: r.id, created: r.created });

    const withIds = part.map((o) => ({
      ...o,
      storedId: idByKey.get(`${o.storeId}/${o.externalId}`) as string,
    }));
    const lines = withIds.flatMap((o) =>
      o.lines.map((l, position) => ({
        id: l.id,
        tenant_id: o.tenantId,
        order_id: o.storedId,
        external_id: l.externalId,
        position,
        sku: l.sku,
        title: l.title,
        category: l.category,
        attributes: JSON.stringify(l.attributes),
        quantity: l.quantity,
        unit_price_minor: l.unitPriceMinor,
        discount_minor: l.discountMinor,
      })),
    );
    for (const lpart of chunks(lines)) {
      await tx
        .insertInto('order_lines')
        .values(lpart)
        .onConflict((oc) =>
          oc.columns(['order_id', 'external_id']).doUpdateSet((eb) => ({
            position: eb.ref('excluded.position'),
            sku: eb.ref('excluded.sku'),
            title: eb.ref('excluded.title'),
            category: eb.ref('excluded.category'),
            attributes: eb.ref('excluded.attributes'),
            quantity: eb.ref('excluded.quantity'),
            unit_price_minor: eb.ref('excluded.unit_price_minor'),
            discount_minor: eb.ref('excluded.discount_minor'),
          })),
        )
        .execute();
    }
    const payments = withIds.flatMap((o) =>
      o.payments.map((p, position) => ({
        id: p.id,
        tenant_id: o.tenantId,
        order_id: o.storedId,
        position,
        method: p.method,
        reference: p.reference,
        captured_minor: p.capturedMinor,
      })),
    );
    // Updated in place: refunds point at payments and count against what they captured.
    for (const ppart of chunks(payments)) {
      await tx
        .insertInto('payments')
        .values(ppart)
        .onConflict((oc) =>
          oc.columns(['order_id', 'position']).doUpdateSet((eb) => ({
            method: eb.ref('excluded.method'),
            reference: eb.ref('excluded.reference'),
            captured_minor: eb.ref('excluded.captured_minor'),
          })),
        )
        .execute();
    }
    const shipments = withIds.flatMap((o) =>
      o.shipments.map((s, position) => ({
        id: s.id,
        tenant_id: o.tenantId,
        order_id: o.storedId,
        position,
        carrier: s.carrier,
        tracking_number: s.trackingNumber,
        shipped_at: s.shippedAt,
        delivered_at: s.deliveredAt,
        estimated_at: s.estimatedAt,
      })),
    );
    // Updated in place too, so what carriers reported stays unless the parcel changed.
    const sameParcel = sql`shipments.tracking_number is not distinct from excluded.tracking_number`;
    for (const spart of chunks(shipments)) {
      await tx
        .insertInto('shipments')
        .values(spart)
        .onConflict((oc) =>
          oc.columns(['order_id', 'position']).doUpdateSet((eb) => ({
            carrier: eb.ref('excluded.carrier'),
            tracking_number: eb.ref('excluded.tracking_number'),
            shipped_at: eb.ref('excluded.shipped_at'),
            delivered_at: eb.ref('excluded.delivered_at'),
            estimated_at: eb.ref('excluded.estimated_at'),
            status: sql`case when ${sameParcel} then shipments.status end`,
            status_at: sql`case when ${sameParcel} then shipments.status_at end`,
            location: sql`case when ${sameParcel} then shipments.location end`,
          })),
        )
        .execute();
    }
    const reviews = withIds.flatMap((o) =>
      o.review
        ? [
            {
              id: o.review.id,
              tenant_id: o.tenantId,
              order_id: o.storedId,
              external_id: o.review.externalId,
              score: o.review.score,
              comment: o.review.comment,
              language: o.review.language,
              intent: o.review.intent,
              sentiment: o.review.sentiment,
              reviewed_at: o.review.reviewedAt,
            },
          ]
        : [],
    );
    // By (order, external id): importing the same file again updates a review, never doubles it.
    for (const rpart of chunks(reviews)) {
      await tx
        .insertInto('order_reviews')
        .values(rpart)
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'order_id', 'external_id']).doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            comment: eb.ref('excluded.comment'),
            language: eb.ref('excluded.language'),
            intent: eb.ref('excluded.intent'),
            sentiment: eb.ref('excluded.sentiment'),
            reviewed_at: eb.ref('excluded.reviewed_at'),
          })),
        )
        .execute();
    }
    await dropSurplus(
      tx,
      'payments',
      withIds.map((o) => ({ orderId: o.storedId, count: o.payments.length })),
    );
    await dropSurplus(
      tx,
      'shipments',
      withIds.map((o) => ({ orderId: o.storedId, count: o.shipments.length })),
    );
  }
  return stored;
}

// Payments and shipments an order no longer lists. A payment that refunds point at stays:
// the money went out of it, whatever the shop now says.
async function dropSurplus(
  tx: Tx,
  table: 'payments' | 'shipments',
  orders: { orderId: string; count: number }[],
) {
  if (orders.length === 0) return;
  const counts = sql.join(orders.map((o) => sql`(${o.orderId}::uuid, ${o.count}::int)`));
  const kept =
    table === 'payments' ? sql`and not exists (select 1 from refunds r where r.payment_id = t.id)` : sql``;
  await sql`delete from ${sql.table(table)} t using (values ${counts}) as o(order_id, n)
    where t.order_id = o.order_id and t.position >= o.n ${kept}`.execute(tx);
}

/**
 * An order with its store's zone, its customer's flags, its lines — each with the
 * quantity already claimed by live or finished cases — and the tenant's current policy
 * version: everything a decision needs, in one statement.
 */
export async function findOrder(tx: Tx, orderId: string) {
  return selectOrders(tx).where('orders.id', '=', orderId).executeTakeFirst();
}

/** `findOrder` for many orders in one statement (the policy preview reads them in batches). */
export async function findOrders(tx: Tx, orderIds: readonly string[]): Promise<StoredOrder[]> {
  if (orderIds.length === 0) return [];
  return selectOrders(tx).where('orders.id', 'in', orderIds).execute();
}

function selectOrders(tx: Tx) {
  return tx
    .selectFrom('orders')
    .innerJoin('stores', 'stores.id', 'orders.store_id')
    .innerJoin('customers', 'customers.id', 'orders.customer_id')
    .select((eb) => [
      'orders.id',
      'orders.external_id',
      'orders.number',
      'orders.status',
      'orders.placed_at',
      'orders.currency',
      'orders.shipping_minor',
      'orders.total_minor',
      'orders.delivered_at',
      'orders.customer_id',
      'orders.store_id',
      'stores.code as store_code',
      'stores.time_zone',
      'stores.currency as store_currency',
      'customers.blocked as customer_blocked',
      'customers.language as customer_language',
      'customers.email as customer_email',
      'customers.name as customer_name',
      eb
        .selectFrom('policies')
        .select((p) => p.fn.max('policies.version').as('v'))
        .as('policy_version'),
      jsonArrayFrom(
        eb
          .selectFrom('order_lines as l')
          .select((l) => [
            'l.id',
            'l.external_id',
            'l.sku',
            'l.title',
            'l.category',
            'l.attributes',
            'l.quantity',
            'l.unit_price_minor',
            'l.discount_minor',
            l
              .selectFrom('case_items as ci')
              .innerJoin('cases as c', 'c.id', 'ci.case_id')
              .select(sql<number>`coalesce(sum(ci.quantity), 0)::int`.as('q'))
              .whereRef('ci.order_line_id', '=', 'l.id')
              .where('c.status', 'not in', [...RELEASING_STATUSES])
              .as('claimed'),
          ])
          .whereRef('l.order_id', '=', 'orders.id')
          .orderBy('l.position'),
      ).as('lines'),
    ]);
}
export type StoredOrder = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

export async function findOrderDetails(tx: Tx, orderId: string) {
  const [payments, shipments] = await Promise.all([
    tx.selectFrom('payments').selectAll().where('order_id', '=', orderId).orderBy('position').execute(),
    tx.selectFrom('shipments').selectAll().where('order_id', '=', orderId).orderBy('position').execute(),
  ]);
  return { payments, shipments };
}

export async function searchOrders(
  tx: Tx,
  query: {
    number?: string | undefined;
    email?: string | undefined;
    customerId?: string | undefined;
    limit: number;
  },
) {
  let q = tx
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customer_id')
    .select([
      'orders.id',
      'orders.number',
      'orders.status',
      'orders.placed_at',
      'orders.currency',
      'orders.total_minor',
      'orders.delivered_at',
      'orders.customer_id',
      'customers.email as customer_email',
      'customers.name as customer_name',
    ])
    .orderBy('orders.placed_at', 'desc')
    .limit(query.limit);
  if (query.number) q = q.where('orders.number', '=', query.number);
  if (query.customerId) q = q.where('orders.customer_id', '=', query.customerId);
  if (query.email) q = q.where(sql`lower(customers.email)`, '=', query.email.toLowerCase());
  return q.execute();
}
