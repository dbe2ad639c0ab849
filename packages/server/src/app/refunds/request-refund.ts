import { randomUUID } from 'node:crypto';
import { type Actor, planRefund, type RefundAnomaly } from '@afterdesk/core';
import type { Insertable, Selectable } from 'kysely';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { NewEvent, RefundsTable } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { providerFor, type RefundMethod } from './refund-providers.js';

export type RefundRow = Selectable<RefundsTable>;

export interface RefundRequest {
  tenantId: string;
  caseId: string | null;
  orderId: string | null;
  customerId: string | null;
  amountMinor: number;
  currency: string;
  method: RefundMethod;
  /** Compensation beyond the goods (a dispute's award) is not bound to the order's payments. */
  purpose?: 'refund' | 'compensation';
  /** One key per business step (`case:<id>:refund`): a repeated step pays nothing twice. */
  idempotencyKey: string;
  by: Actor;
  at: Date;
}

export interface RequestedRefund {
  refunds: RefundRow[];
  /** False when the key was seen before: the earlier refunds are returned, nothing is paid. */
  created: boolean;
  anomaly: RefundAnomaly | null;
}

/**
 * Records a refund as owed, in the caller's transaction: the refund job pays it after the
 * commit, so a refund is never lost and never paid before the step that owes it is saved.
 *
 * Money that goes back for the order's goods is reserved on the order's payments first
 * (locked, so parallel requests queue here); the `payments_refund_within_capture` check
 * makes the database refuse a refund beyond what was captured, whatever the code does.
 * A refund that does not fit is held for an agent, not cut down.
 */
export async function requestRefund(tx: Tx, request: RefundRequest): Promise<RequestedRefund> {
  const boundToPayments = request.purpose !== 'compensation' || request.method === 'original_payment';
  const payments = boundToPayments && request.orderId ? await lockPayments(tx, request.orderId) : [];
  const keys = [
    request.idempotencyKey,
    ...payments.slice(1).map((_, i) => `${request.idempotencyKey}/${i + 2}`),
  ];
  const earlier = await tx.selectFrom('refunds').selectAll().where('idempotency_key', 'in', keys).execute();
  if (earlier.length > 0) return { refunds: earlier, created: false, anomaly: null };

  const stripe = await stripeConnected(tx);
  const base = {
    tenant_id: request.tenantId,
    case_id: request.caseId,
    order_id: request.orderId,
    customer_id: request.customerId,
    purpose: request.purpose ?? 'refund',
    currency: request.currency,
    method: request.method,
    created_by: request.by.id,
    last_error: null,
  } satisfies Partial<Insertable<RefundsTable>>;

  // One refund row, paid through the adapter its method and payment call for.
  const owe = (
    amountMinor: number,
    payment: { id: string; reference: string | null } | null,
    key: string,
  ) => {
    const provider = providerFor(request.method, payment, stripe);
    return insertRefund(tx, {
      ...base,
      id: randomUUID(),
      amount_minor: amountMinor,
      payment_id: payment?.id ?? null,
      provider: provider.name,
      status: provider.initialStatus,
      next_attempt_at: provider.initialStatus === 'pending' ? request.at : null,
      idempotency_key: key,
    });
  };

  if (!boundToPayments) {
    const row = await owe(request.amountMinor, null, request.idempotencyKey);
    await logRefunds(tx, request, [row]);
    return { refunds: [row], created: true, anomaly: null };
  }

  const order = await orderFacts(tx, request.orderId, payments.length === 0);
  const plan = planRefund({
    amountMinor: request.amountMinor,
    currency: request.currency,
    orderCurrency: order?.currency ?? request.currency,
    payments: payments.map((p) => ({
      id: p.id,
      capturedMinor: Number(p.captured_minor),
      refundedMinor: Number(p.refunded_minor),
    })),
    ...(order?.unpaid ? { unpaid: order.unpaid } : {}),
  });
  if (!plan.ok) {
    const row = await insertRefund(tx, {
      ...base,
      id: randomUUID(),
      amount_minor: request.amountMinor,
      payment_id: null,
      provider: providerFor(request.method, payments[0] ?? null, stripe).name,
      status: 'held',
      next_attempt_at: null,
      last_error: plan.anomaly.message,
      idempotency_key: request.idempotencyKey,
    });
    await logRefunds(tx, request, [row], plan.anomaly);
    return { refunds: [row], created: true, anomaly: plan.anomaly };
  }

  const rows: RefundRow[] = [];
  // No part: an order without payments, paid back by hand (or as store credit) within its total.
  if (plan.parts.length === 0) rows.push(await owe(request.amountMinor, null, request.idempotencyKey));
  for (const [index, part] of plan.parts.entries()) {
    const payment = payments.find((p) => p.id === part.paymentId) ?? null;
    rows.push(
      await owe(
        part.amountMinor,
        payment,
        index === 0 ? request.idempotencyKey : `${request.idempotencyKey}/${index + 1}`,
      ),
    );
    await reserveOnPayment(tx, part.paymentId, part.amountMinor);
  }
  await logRefunds(tx, request, rows);
  return { refunds: rows, created: true, anomaly: null };
}

/** The parties of a refund a case owes: its tenant, the case, its order and its customer. */
export function owedOnCase(row: {
  id: string;
  tenant_id: string;
  order_id: string | null;
  customer_id: string;
}) {
  return { tenantId: row.tenant_id, caseId: row.id, orderId: row.order_id, customerId: row.customer_id };
}

/** Adds (or, with a negative amount, gives back) a refund's share of a payment. */
export async function reserveOnPayment(tx: Tx, paymentId: string, amountMinor: number) {
  await tx
    .updateTable('payments')
    .set((eb) => ({ refunded_minor: eb('refunded_minor', '+', amountMinor) }))
    .where('id', '=', paymentId)
    .execute();
}

function lockPayments(tx: Tx, orderId: string) {
  return tx
    .selectFrom('payments')
    .select(['id', 'method', 'reference', 'captured_minor', 'refunded_minor'])
    .where('order_id', '=', orderId)
    .orderBy('position')
    .forUpdate()
    .execute();
}

/**
 * The order's currency and, for an order with no payments, its total and what refunds
 * without a payment already owe out of it. The order row is then locked, so parallel
 * requests count each other's refunds.
 */
export async function orderFacts(tx: Tx, orderId: string | null, withoutPayments: boolean) {
  if (!orderId) return null;
  let select = tx.selectFrom('orders').select(['currency', 'total_minor']).where('id', '=', orderId);
  if (withoutPayments) select = select.forUpdate();
  const order = await select.executeTakeFirst();
  if (!order) return null;
  if (!withoutPayments) return { currency: order.currency, unpaid: null };
  const owed = await tx
    .selectFrom('refunds')
    .select((eb) => eb.fn.sum<string | null>('amount_minor').as('total'))
    .where('order_id', '=', orderId)
    .where('payment_id', 'is', null)
    .where('purpose', '=', 'refund')
    .where('status', 'not in', ['failed', 'cancelled', 'held'])
    .executeTakeFirst();
  return {
    currency: order.currency,
    unpaid: { orderTotalMinor: Number(order.total_minor), refundedMinor: Number(owed?.total ?? 0) },
  };
}

async function stripeConnected(tx: Tx): Promise<boolean> {
  const row = await tx
    .selectFrom('payment_providers')
    .select('provider')
    .where('provider', '=', 'stripe')
    .executeTakeFirst();
  return row !== undefined;
}

async function insertRefund(tx: Tx, row: Insertable<RefundsTable>): Promise<RefundRow> {
  return tx.insertInto('refunds').values(row).returningAll().executeTakeFirstOrThrow();
}

async function logRefunds(tx: Tx, request: RefundRequest, rows: RefundRow[], anomaly?: RefundAnomaly) {
  const stream = request.caseId ? { stream: 'case', stream_id: request.caseId } : null;
  const orderStream = request.orderId ? { stream: 'order', stream_id: request.orderId } : null;
  const where = stream ?? orderStream;
  if (!where) return;
  const events: NewEvent[] = rows.map((row) => ({
    tenant_id: request.tenantId,
    ...where,
    type: anomaly ? 'refund.held' : 'refund.requested',
    actor_type: request.by.type,
    actor_id: request.by.id,
    reason: anomaly?.message ?? null,
    data: {
      refundId: row.id,
      amountMinor: Number(row.amount_minor),
      currency: row.currency,
      method: row.method,
      provider: row.provider,
      status: row.status,
      ...(anomaly ? { anomaly: anomaly.code } : {}),
    },
  }));
  await appendEvents(tx, events);
}
