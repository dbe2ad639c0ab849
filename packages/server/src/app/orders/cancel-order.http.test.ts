import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, importOrder, testDatabaseKind } from '../../testing/harness.test-helpers.js';
import { ADDRESS, CAPTURED, type OrderShop, startOrderShop } from './order-changes.test-helpers.js';

// Cancelling an order over real HTTP: before shipment it is cancelled and refunded in
// full through the payment adapter, exactly once; after shipment it becomes a return case.

const now = new Date();
let shop: OrderShop;

beforeAll(async () => {
  shop = await startOrderShop(now);
});
afterAll(async () => {
  await shop?.close();
});

describe(`POST /api/v1/orders/:id/cancellation (${testDatabaseKind()})`, () => {
  it('cancels an order that has not shipped and refunds everything captured, paid once through Stripe', async () => {
    const { order, payment } = await shop.unshippedOrder();
    const r = await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, { reason: 'Ordered twice' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      orderStatus: 'cancelled',
      case: null,
      repeated: false,
      change: { kind: 'cancel', status: 'applied', reason: 'Ordered twice' },
      refunds: [
        { amountMinor: CAPTURED, currency: 'EUR', provider: 'stripe', status: 'pending', caseId: null },
      ],
    });
    expect(r.body.change.refundIds).toEqual([r.body.refunds[0].id]);
    expect(await shop.reserved(order.id)).toBe(CAPTURED);
    const [event] = await shop.eventsOf(order.id, 'order.cancelled');
    expect(event?.data).toMatchObject({ refundedMinor: CAPTURED, refundIds: [r.body.refunds[0].id] });

    expect(await shop.pay()).toMatchObject({ succeeded: 1 });
    expect(shop.stripe.refundedOn(payment)).toBe(CAPTURED);
    const seen = (await shop.api('GET', `/api/v1/orders/${order.id}`)).body;
    expect(seen.status).toBe('cancelled');
    expect(seen.changes).toEqual([expect.objectContaining({ kind: 'cancel', status: 'applied' })]);

    // Asked again: the first answer, the refund as it stands now, nothing paid twice.
    const again = await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, change: { id: r.body.change.id } });
    expect(again.body.refunds).toEqual([
      expect.objectContaining({ id: r.body.refunds[0].id, status: 'succeeded' }),
    ]);
    expect(await shop.pay()).toMatchObject({ succeeded: 0 });
    expect(shop.stripe.refundedOn(payment)).toBe(CAPTURED);
    expect(await shop.rows('refunds', order.id)).toHaveLength(1);
  });

  it('refunds once when ten cancellations of one order race', async () => {
    const { order, payment } = await shop.unshippedOrder();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {})),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => !a.body.repeated)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.change.id)).size).toBe(1);
    const refunds = await shop.rows('refunds', order.id);
    expect(refunds).toHaveLength(1);
    expect(Number(refunds[0]?.amount_minor)).toBe(CAPTURED);
    expect(await shop.reserved(order.id)).toBe(CAPTURED);
    expect(await shop.rows('order_changes', order.id)).toHaveLength(1);
    expect(await shop.eventsOf(order.id, 'order.cancelled')).toHaveLength(1);
    const runs = await Promise.all([shop.pay(), shop.pay(), shop.pay()]);
    expect(runs.reduce((sum, run) => sum + run.succeeded, 0)).toBe(1);
    expect(shop.stripe.refundedOn(payment)).toBe(CAPTURED);
  });

  it('leaves a refund of a payment Stripe does not hold to an agent’s bank transfer', async () => {
    const { order } = await shop.unshippedOrder({ reference: 'BANK-4711' });
    // No body at all: a cancellation needs no words.
    const r = await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`);
    expect(r.status).toBe(200);
    expect(r.body.refunds).toEqual([
      expect.objectContaining({ amountMinor: CAPTURED, provider: 'manual', status: 'awaiting_transfer' }),
    ]);
    expect(await shop.pay()).toMatchObject({ succeeded: 0 });
  });

  it('turns a cancellation after shipment into a return case for every unit, with no refund yet', async () => {
    const order = await shop.shippedOrder();
    const r = await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {
      reason: 'Found it cheaper',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      orderStatus: 'shipped',
      refunds: [],
      repeated: false,
      change: { kind: 'cancel', status: 'became_return', block: 'shipped', refundIds: [] },
    });
    expect(r.body.case.id).toBe(r.body.change.caseId);

    const filed = (await shop.api('GET', `/api/v1/cases/${r.body.case.id}`)).body;
    expect(filed).toMatchObject({ kind: 'return', orderId: order.id, status: r.body.case.status });
    // Not delivered yet: the policy leaves it to a person rather than approving blind.
    expect(filed.status).toBe('under_review');
    const units = filed.items.map((i: { orderLineId: string; quantity: number; reasonCode: string }) => [
      i.orderLineId,
      i.quantity,
      i.reasonCode,
    ]);
    expect(units).toHaveLength(2);
    expect(units).toEqual(
      expect.arrayContaining([
        [order.lines[0].id, 2, 'no_reason'],
        [order.lines[1].id, 1, 'no_reason'],
      ]),
    );
    expect(await shop.rows('refunds', order.id)).toEqual([]);
    expect((await shop.api('GET', `/api/v1/orders/${order.id}`)).body.status).toBe('shipped');
    const [event] = await shop.eventsOf(order.id, 'order.change_refused');
    expect(event?.data).toMatchObject({ kind: 'cancel', becameReturn: true, caseId: r.body.case.id });

    const again = await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, case: { id: r.body.case.id } });
    expect(await shop.casesOf(order.id)).toHaveLength(1);
  });

  it('opens one return case when ten cancellations of a shipped order race', async () => {
    const order = await shop.shippedOrder();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {})),
    );
    // The first opens the case; the rest answer it, or say it is being opened right now.
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.every((a) => [200, 201, 409].includes(a.status))).toBe(true);
    const [opened] = await shop.casesOf(order.id);
    expect(await shop.casesOf(order.id)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status === 200)) expect(a.body.case.id).toBe(opened?.id);
    const again = await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {});
    expect(again.body).toMatchObject({ repeated: true, case: { id: opened?.id } });
  });

  it('lets a customer cancel their own order, and answers 404 for somebody else’s', async () => {
    const { order: mine, input } = await shop.unshippedOrder();
    const { order: theirs } = await shop.unshippedOrder();
    const token = await shop.api('POST', '/api/v1/auth/customer-token', {
      tenantId: shop.app.tenant.tenantId,
      orderNumber: mine.number,
      email: input.customer.email,
    });
    expect(token.status).toBe(200);
    const customer = client(shop.app.server.url, token.body.token);

    const foreign = await customer('POST', `/api/v1/orders/${theirs.id}/cancellation`, {});
    expect(foreign.status).toBe(404);
    const foreignAddress = await customer('POST', `/api/v1/orders/${theirs.id}/address-change`, {
      address: ADDRESS,
    });
    expect(foreignAddress.status).toBe(404);
    expect((await shop.api('GET', `/api/v1/orders/${theirs.id}`)).body).toMatchObject({
      status: 'paid',
      changes: [],
    });
    expect(await shop.rows('refunds', theirs.id)).toEqual([]);

    const own = await customer('POST', `/api/v1/orders/${mine.id}/cancellation`, {});
    expect(own.status).toBe(200);
    expect(own.body.change.requestedBy).toEqual({ type: 'customer', id: mine.customerId });
  });

  it('refuses to cancel an order the shop already cancelled, and refunds nothing', async () => {
    const { input, order } = await shop.unshippedOrder();
    await importOrder(shop.api, { ...input, status: 'cancelled' });
    const r = await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {});
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('cancelled');
    expect(await shop.rows('refunds', order.id)).toEqual([]);
    expect(await shop.rows('order_changes', order.id)).toEqual([
      expect.objectContaining({ status: 'refused', block: 'cancelled' }),
    ]);
  });
});
