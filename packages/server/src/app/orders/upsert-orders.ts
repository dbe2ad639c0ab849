import { randomUUID } from 'node:crypto';
import type { OrderInput } from '@afterdesk/contract';
import { lineNetMinor } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import {
  type CustomerRecord,
  type OrderRecord,
  upsertOrders as storeOrders,
  upsertCustomers,
} from '../../db/repositories/orders.repository.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { type FieldError, invalid } from '../errors.js';
import { readReviewComment } from './read-review.js';

export interface UpsertOrdersResult {
  created: number;
  updated: number;
  /** Reviews stored or updated. */
  reviews: number;
  orders: { externalId: string; id: string }[];
}

/** Imports or updates a batch of orders from the shop; idempotent by (store, external id). */
export async function upsertOrders(ctx: Ctx, orders: OrderInput[]): Promise<UpsertOrdersResult> {
  requirePermission(ctx, 'orders:write');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const stores = await tx.selectFrom('stores').select(['id', 'code']).orderBy('created_at').execute();
    const records = orders.map((order, i) => toRecord(tenantId, order, i, stores));
    const errors = records.flatMap((r) => (r.ok ? [] : r.errors));
    if (errors.length > 0) throw invalid('Some orders are not valid; none of the batch was stored.', errors);
    const ready = records.flatMap((r) => (r.ok ? [r.order] : []));
    const overRefunded = await capturesBelowRefunds(tx, ready);
    if (overRefunded.length > 0)
      throw invalid('Some orders are not valid; none of the batch was stored.', overRefunded);
    // Review comments are triaged like inbound messages, with the tenant's models, loaded once per batch.
    if (ready.some((o) => o.review?.comment)) {
      const models = await ctx.triage.modelsFor(tx, tenantId);
      for (const o of ready) {
        if (o.review)
          Object.assign(o.review, readReviewComment(o.review.comment, models, o.customer.language));
      }
    }

    const customers = new Map<string, CustomerRecord>();
    for (const o of ready) customers.set(o.customer.externalId, o.customer);
    const customerIds = await upsertCustomers(tx, tenantId, [...customers.values()]);
    const stored = await storeOrders(
      tx,
      ready.map((o) => ({ ...o, customerId: customerIds.get(o.customer.externalId) as string })),
    );
    const actor = actorOf(ctx.principal);
    await appendEvents(
      tx,
      stored.map((s) => ({
        tenant_id: tenantId,
        stream: 'order',
        stream_id: s.id,
        type: s.created ? 'order.imported' : 'order.updated',
        actor_type: actor.type,
        actor_id: actor.id,
        reason: null,
        data: { externalId: s.externalId },
      })),
    );
    const created = stored.filter((s) => s.created).length;
    return {
      created,
      updated: stored.length - created,
      reviews: ready.filter((o) => o.review).length,
      orders: stored.map(({ externalId, id }) => ({ externalId, id })),
    };
  });
}

type Converted = { ok: true; order: OrderRecord } | { ok: false; errors: FieldError[] };

/**
 * A payment sent again may not capture less than was already refunded from it: the money
 * went back, whatever the shop now says (the payments' check would refuse it anyway). Read
 * without a lock: a refund racing the import is still stopped by that check.
 */
async function capturesBelowRefunds(tx: Tx, orders: OrderRecord[]): Promise<FieldError[]> {
  if (orders.length === 0) return [];
  const refunded = await tx
    .selectFrom('payments as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select(['o.store_id', 'o.external_id', 'p.position', 'p.refunded_minor'])
    .where('p.refunded_minor', '>', 0)
    .where((eb) =>
      eb.or(
        orders.map((o) => eb.and([eb('o.store_id', '=', o.storeId), eb('o.external_id', '=', o.externalId)])),
      ),
    )
    .execute();
  const at = new Map(orders.map((o, i) => [`${o.storeId} ${o.externalId}`, i]));
  return refunded.flatMap((r) => {
    const index = at.get(`${r.store_id} ${r.external_id}`) as number;
    const payment = orders[index]?.payments[r.position];
    const already = Number(r.refunded_minor);
    if (!payment || payment.capturedMinor >= already) return [];
    return [
      {
        field: `/orders/${index}/payments/${r.position}/capturedMinor`,
        message: `Less than the ${already} already refunded from this payment.`,
      },
    ];
  });
}

function toRecord(
  tenantId: string,
  input: OrderInput,
  index: number,
  stores: { id: string; code: string }[],
): Converted {
  const at = `/orders/${index}`;
  const errors: FieldError[] = [];
  const store = input.storeCode ? stores.find((s) => s.code === input.storeCode) : stores[0];
  if (!store)
    errors.push({ field: `${at}/storeCode`, message: `No store with code "${input.storeCode ?? ''}".` });
  input.lines.forEach((line, j) => {
    if ((line.discountMinor ?? 0) > line.unitPriceMinor * line.quantity) {
      errors.push({
        field: `${at}/lines/${j}/discountMinor`,
        message: 'The discount is larger than the line total.',
      });
    }
  });
  const lineKeys = new Set(input.lines.map((l) => l.externalId));
  if (lineKeys.size !== input.lines.length) {
    errors.push({ field: `${at}/lines`, message: 'Two lines share one externalId.' });
  }
  if (errors.length > 0 || !store) return { ok: false, errors };

  const lines = input.lines.map((l) => ({
    id: randomUUID(),
    externalId: l.externalId,
    sku: l.sku,
    title: l.title,
    category: l.category ?? null,
    attributes: l.attributes ?? {},
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
    discountMinor: l.discountMinor ?? 0,
  }));
  const shippingMinor = input.shippingMinor ?? 0;
  const goodsMinor = lines.reduce((sum, l) => sum + lineNetMinor(l), 0);
  const shipments = (input.shipments ?? []).map((s) => ({
    id: randomUUID(),
    carrier: s.carrier,
    trackingNumber: s.trackingNumber ?? null,
    shippedAt: s.shippedAt ?? null,
    deliveredAt: s.deliveredAt ?? null,
    estimatedAt: s.estimatedAt ?? null,
  }));
  const deliveredAt = latest(shipments.map((s) => s.deliveredAt));
  const payments = (input.payments ?? []).map((p) => ({
    id: randomUUID(),
    method: p.method,
    reference: p.reference ?? null,
    capturedMinor: p.capturedMinor,
  }));
  return {
    ok: true,
    order: {
      id: randomUUID(),
      tenantId,
      storeId: store.id,
      customer: {
        id: randomUUID(),
        externalId: customerKey(input, store.code),
        email: input.customer.email ?? null,
        phone: input.customer.phone ?? null,
        name: input.customer.name ?? null,
        language: input.customer.language ?? null,
        country: input.customer.country ?? null,
      },
      externalId: input.externalId,
      number: input.number,
      status: input.status ?? deriveStatus(deliveredAt, shipments, payments),
      placedAt: input.placedAt,
      currency: input.currency,
      shippingMinor,
      totalMinor: goodsMinor + shippingMinor,
      deliveredAt,
      creditNote: input.creditNote ?? false,
      review: input.review
        ? {
            id: randomUUID(),
            externalId: input.review.externalId,
            score: input.review.score,
            comment: input.review.comment?.trim() || null,
            language: null,
            intent: null,
            sentiment: null,
            reviewedAt: input.review.reviewedAt,
          }
        : null,
      lines,
      payments,
      shipments,
    },
  };
}

// A shop that sends no customer id still gets one customer per e-mail (or phone).
function customerKey(input: OrderInput, storeCode: string): string {
  const c = input.customer;
  if (c.externalId) return c.externalId;
  if (c.email) return `email:${c.email.toLowerCase()}`;
  if (c.phone) return `phone:${c.phone.replace(/[^\d+]/g, '')}`;
  return `order:${storeCode}:${input.externalId}`;
}

function latest(dates: (string | null)[]): string | null {
  const present = dates.filter((d): d is string => d !== null);
  if (present.length === 0) return null;
  return present.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

function deriveStatus(
  deliveredAt: string | null,
  shipments: { shippedAt: string | null }[],
  payments: unknown[],
): string {
  if (deliveredAt) return 'delivered';
  if (shipments.length > 0) return 'shipped';
  return payments.length > 0 ? 'paid' : 'placed';
}
