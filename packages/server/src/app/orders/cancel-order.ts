import { randomUUID } from 'node:crypto';
import type { CancellationInput, OrderChangeView, Refund } from '@afterdesk/contract';
import { planCancellation, refundableOnPayments, unitsLeftToReturn } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import {
  findCancellation,
  insertOrderChange,
  lockOrderForChange,
  type OrderChangeRow,
} from '../../db/repositories/order-changes.repository.js';
import { findOrder, findOrderDetails, type StoredOrder } from '../../db/repositories/orders.repository.js';
import type { NewEvent } from '../../db/schema.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import { createCase } from '../cases/create-case.js';
import { actorOf, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { toRefundView } from '../refunds/refund-view.js';
import { requestRefund } from '../refunds/request-refund.js';
import { toOrderChangeView } from './order-change-view.js';
import { fulfilmentOf } from './order-fulfilment.js';

export interface OrderCancellation {
  change: OrderChangeView;
  orderStatus: string;
  refunds: Refund[];
  case: { id: string; status: string } | null;
  /** True when this answers an earlier cancellation: nothing was done again. */
  repeated: boolean;
}

// A return being opened for a cancellation holds its place for this long; after that the
// process that opened it is taken to have died, and the next request opens it instead.
const CLAIM_SECONDS = 120;

// The customer changed their mind: the default catalogue's "no reason" return. Its
// customer-fault rules (goods back unused, return postage per the policy) are the ones that
// fit; a merchant-fault reason would make the shop pay postage for a change of mind.
const RETURN_REASON = 'no_reason';

type Step =
  | { step: 'done'; result: OrderCancellation }
  | { step: 'refused'; message: string }
  | { step: 'open_return'; claim: OrderChangeRow; items: { lineId: string; quantity: number }[] };

interface Request {
  ctx: Ctx;
  tenantId: string;
  orderId: string;
  reason: string | null;
  actor: ReturnType<typeof actorOf>;
  at: Date;
}

/**
 * Cancels an order. Before shipment: the order is cancelled and everything still
 * captured on its payments is refunded through the payment adapter — recorded here, paid
 * by the refund job after the commit. After shipment: the request becomes a return case for
 * every unit no case claims yet. One cancellation per order: a repeated or concurrent
 * request answers the first, and never refunds twice.
 */
export async function cancelOrder(
  ctx: Ctx,
  orderId: string,
  input: CancellationInput,
): Promise<OrderCancellation> {
  requirePermission(ctx, 'cases:create');
  const tenantId = ctx.principal.tenantId;
  const request: Request = {
    ctx,
    tenantId,
    orderId,
    reason: input.reason?.trim() || null,
    actor: actorOf(ctx.principal),
    at: ctx.clock(),
  };
  const first = await inTenant(ctx.db, tenantId, async (tx): Promise<Step> => {
    // Parallel requests queue on the order's row; the first one's change is what they find.
    const locked = await lockOrderForChange(tx, orderId);
    if (!locked) throw notFound('The order');
    requireOwnership(ctx, locked.customer_id, 'The order');
    const earlier = await findCancellation(tx, orderId, CLAIM_SECONDS);
    const abandoned = earlier?.status === 'became_return' && earlier.case_id === null && earlier.older;
    if (earlier && !abandoned) {
      if (earlier.status === 'became_return' && earlier.case_id === null)
        throw conflict('A return for this cancellation is being opened right now; ask again in a moment.');
      return { step: 'done', result: await answer(tx, earlier) };
    }
    if (earlier) await tx.deleteFrom('order_changes').where('id', '=', earlier.id).execute();

    const order = await findOrder(tx, orderId);
    if (!order) throw notFound('The order');
    const { payments, shipments } = await findOrderDetails(tx, orderId);
    const items = unitsLeftToReturn(order.lines.map((l) => ({ ...l, claimed: l.claimed ?? 0 })));
    const units = items.reduce((sum, u) => sum + u.quantity, 0);
    const plan = planCancellation(fulfilmentOf(order, shipments), units);
    switch (plan.outcome) {
      case 'refuse': {
        const refused = await insertOrderChange(tx, {
          ...changeRow(request),
          status: 'refused',
          block: plan.block,
        });
        await appendEvents(tx, [
          event(request, 'order.change_refused', plan.message, {
            changeId: refused.id,
            kind: 'cancel',
            block: plan.block,
          }),
        ]);
        return { step: 'refused', message: plan.message };
      }
      case 'return': {
        // Written now, so a parallel request finds it; the case follows in its own transaction.
        const row = { ...changeRow(request), status: 'became_return' as const, block: plan.block };
        return { step: 'open_return', claim: await insertOrderChange(tx, row), items };
      }
      case 'cancel': {
        const owed = payments.map((p) => ({
          capturedMinor: Number(p.captured_minor),
          refundedMinor: Number(p.refunded_minor),
        }));
        return { step: 'done', result: await cancelNow(tx, request, order, refundableOnPayments(owed)) };
      }
    }
  });
  if (first.step === 'refused') throw conflict(first.message);
  if (first.step === 'done') return first.result;
  return openReturn(request, first.claim, first.items);
}

// Before shipment: the order is cancelled and the money owed back is recorded, in one step.
async function cancelNow(
  tx: Tx,
  request: Request,
  order: StoredOrder,
  amountMinor: number,
): Promise<OrderCancellation> {
  const { tenantId, orderId, actor, at } = request;
  await tx
    .updateTable('orders')
    .set({ status: 'cancelled', updated_at: at })
    .where('id', '=', orderId)
    .execute();
  const { refunds } =
    amountMinor > 0
      ? await requestRefund(tx, {
          tenantId,
          caseId: null,
          orderId,
          customerId: order.customer_id,
          amountMinor,
          currency: order.currency,
          method: 'original_payment',
          idempotencyKey: `order:${orderId}:cancel`,
          by: actor,
          at,
        })
      : { refunds: [] };
  const applied = await insertOrderChange(tx, {
    ...changeRow(request),
    status: 'applied',
    block: null,
    refund_ids: refunds.map((r) => r.id),
  });
  // The shop owns the order: this event, through the outbound webhooks, is how it learns
  // to stop the parcel and cancel on its side.
  await appendEvents(tx, [
    event(request, 'order.cancelled', request.reason, {
      changeId: applied.id,
      refundedMinor: amountMinor,
      currency: order.currency,
      refundIds: applied.refund_ids,
    }),
  ]);
  return {
    change: toOrderChangeView(applied),
    orderStatus: 'cancelled',
    refunds: refunds.map(toRefundView),
    case: null,
    repeated: false,
  };
}

// After shipment: a return case, through the policy like any other request. It is filed in
// its own transaction, so the claim is given back if filing fails.
async function openReturn(
  request: Request,
  claim: OrderChangeRow,
  items: { lineId: string; quantity: number }[],
): Promise<OrderCancellation> {
  const { ctx, tenantId, orderId, reason } = request;
  let opened: Awaited<ReturnType<typeof createCase>>;
  try {
    opened = await createCase(ctx, {
      kind: 'return',
      orderId,
      items: items.map((u) => ({ orderLineId: u.lineId, quantity: u.quantity, reasonCode: RETURN_REASON })),
      description: ['Cancellation asked for after shipment.', reason].filter(Boolean).join(' '),
    });
  } catch (error) {
    await inTenant(ctx.db, tenantId, (tx) =>
      tx.deleteFrom('order_changes').where('id', '=', claim.id).where('case_id', 'is', null).execute(),
    );
    throw error;
  }
  return inTenant(ctx.db, tenantId, async (tx) => {
    const change = await tx
      .updateTable('order_changes')
      .set({ case_id: opened.id })
      .where('id', '=', claim.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Not cancelled: the shop must not stop anything, the goods come back through the case.
    await appendEvents(tx, [
      event(
        request,
        'order.change_refused',
        'The order had already shipped; the cancellation became a return.',
        {
          kind: 'cancel',
          block: change.block,
          becameReturn: true,
          caseId: opened.id,
          changeId: change.id,
        },
      ),
    ]);
    const order = await tx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
    return {
      change: toOrderChangeView(change),
      orderStatus: order?.status ?? 'shipped',
      refunds: [],
      case: { id: opened.id, status: opened.status },
      repeated: false,
    };
  });
}

function changeRow({ tenantId, orderId, reason, actor }: Request) {
  return {
    id: randomUUID(),
    tenant_id: tenantId,
    order_id: orderId,
    kind: 'cancel' as const,
    reason,
    requested_by_type: actor.type,
    requested_by_id: actor.id,
  };
}

function event(request: Request, type: string, why: string | null, data: Record<string, unknown>): NewEvent {
  return {
    tenant_id: request.tenantId,
    stream: 'order',
    stream_id: request.orderId,
    type,
    actor_type: request.actor.type,
    actor_id: request.actor.id,
    reason: why,
    data,
  };
}

// The earlier cancellation as it stands now: its refunds and case may have moved on.
async function answer(tx: Tx, change: OrderChangeRow): Promise<OrderCancellation> {
  const refunds =
    change.refund_ids.length > 0
      ? await tx
          .selectFrom('refunds')
          .selectAll()
          .where('id', 'in', change.refund_ids)
          .orderBy('created_at')
          .execute()
      : [];
  const found = change.case_id
    ? await tx
        .selectFrom('cases')
        .select(['id', 'status'])
        .where('id', '=', change.case_id)
        .executeTakeFirst()
    : undefined;
  const order = await tx
    .selectFrom('orders')
    .select('status')
    .where('id', '=', change.order_id)
    .executeTakeFirst();
  return {
    change: toOrderChangeView(change),
    orderStatus: order?.status ?? 'cancelled',
    refunds: refunds.map(toRefundView),
    case: found ?? null,
    repeated: true,
  };
}
