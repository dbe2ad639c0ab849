import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import {
  STRIPE_TEST_KEY,
  type StripeDouble,
  startStripeDouble,
} from '../../integrations/payments/stripe-double.test-helpers.js';
import { payRefunds } from '../../jobs/pay-refunds.job.js';
import { noReasonReturn, sampleOrder } from '../../testing/fixtures.test-helpers.js';
import {
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../../testing/harness.test-helpers.js';

const CAPTURED = 2 * 5999 - 1000 + 1299 + 499;
const MINUTE = 60_000;

describe(`refunds paid for real (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  let stripe: StripeDouble;
  const now = new Date();

  beforeAll(async () => {
    stripe = await startStripeDouble();
    app = await startTestApp({
      now,
      adapt: (services) => ({ ...services, config: { ...services.config, stripeApiUrl: stripe.url } }),
    });
    ({ api } = app);
    const connected = await api('PUT', '/api/v1/integrations/stripe', { secretKey: STRIPE_TEST_KEY });
    expect(connected.body).toEqual({ provider: 'stripe', mode: 'test', updatedAt: now.toISOString() });
  });
  afterAll(async () => {
    await app.close();
    await stripe.close();
  });

  const tenantId = () => app.tenant.tenantId;
  const pay = (at = now) => payRefunds(app.services, { tenantId: tenantId(), now: at });

  /** A paid order Stripe knows. */
  async function paidOrder(capturedMinor = CAPTURED) {
    const input = sampleOrder(now);
    const payments = (input.payments ?? []).map((p) => ({ ...p, capturedMinor }));
    const order = await importOrder(api, { ...input, payments });
    const payment = order.payments[0].reference as string;
    stripe.chargeKnown(payment, capturedMinor, 'eur');
    return { order, payment };
  }

  /** A return of one paid order's shoes that passed inspection. */
  async function returnOf(order: { id: string; lines: { id: string }[] }, quantity = 1) {
    const created = await api('POST', '/api/v1/cases', noReasonReturn(order, quantity));
    const id = created.body.id as string;
    for (const action of ['ship', 'receive', 'pass-inspection']) {
      const r = await api('POST', `/api/v1/cases/${id}/actions/${action}`, {});
      expect(r.status, action).toBe(200);
    }
    return { id, refundable: created.body.refundableMinor as number };
  }

  async function inspectedReturn(quantity = 1) {
    const { order, payment } = await paidOrder();
    return { ...(await returnOf(order, quantity)), order, payment };
  }

  const refundsOf = async (caseId: string) =>
    (await api('GET', `/api/v1/refunds?caseId=${caseId}`)).body.items;
  const reserved = (orderId: string) =>
    inTenant(app.handle.db, tenantId(), async (tx) => {
      const row = await tx
        .selectFrom('payments')
        .select('refunded_minor')
        .where('order_id', '=', orderId)
        .executeTakeFirstOrThrow();
      return Number(row.refunded_minor);
    });

  it('pays a refund back to the original payment through Stripe, to the cent, in the order currency', async () => {
    const { id, order, payment, refundable } = await inspectedReturn();
    const refunded = await api('POST', `/api/v1/cases/${id}/actions/refund`, {});
    expect(refunded.body.status).toBe('refunded');
    expect(refunded.body.refunds).toEqual([
      expect.objectContaining({
        amountMinor: refundable,
        currency: 'EUR',
        provider: 'stripe',
        status: 'pending',
      }),
    ]);
    // Owed, reserved on the payment, and not paid before the job runs after the commit.
    expect(stripe.refundedOn(payment)).toBe(0);
    expect(await reserved(order.id)).toBe(refundable);

    expect(await pay()).toMatchObject({ succeeded: 1 });
    const [paid] = await refundsOf(id);
    expect(paid).toMatchObject({ status: 'succeeded', attempts: 1, settledAt: now.toISOString() });
    expect(paid.providerRefundId).toMatch(/^re_/);
    expect(stripe.refunds.find((r) => r.id === paid.providerRefundId)).toMatchObject({
      amount: refundable,
      currency: 'eur',
      payment_intent: payment,
      metadata: { afterdesk_refund_id: paid.id },
    });
    expect(stripe.refundedOn(payment)).toBe(refundable);
    const timeline = (await api('GET', `/api/v1/cases/${id}`)).body.timeline.map(
      (e: { type: string }) => e.type,
    );
    expect(timeline).toEqual(
      expect.arrayContaining(['case.refunded', 'refund.requested', 'refund.succeeded']),
    );
    expect(await pay()).toMatchObject({ succeeded: 0 });
  });

  it('pays once when 100 identical refund requests and five workers race', async () => {
    const { id, payment, refundable } = await inspectedReturn(2);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => api('POST', `/api/v1/cases/${id}/actions/refund`, {})),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const runs = await Promise.all(Array.from({ length: 5 }, () => pay()));
    expect(runs.reduce((sum, r) => sum + r.succeeded, 0)).toBe(1);
    expect(await refundsOf(id)).toEqual([
      expect.objectContaining({ status: 'succeeded', amountMinor: refundable }),
    ]);
    expect(stripe.refunds.filter((r) => r.payment_intent === payment)).toHaveLength(1);
    expect(stripe.refundedOn(payment)).toBe(refundable);
  });

  it('lets the database itself refuse to refund more than was captured', async () => {
    const order = await importOrder(api, sampleOrder(now));
    const overdraw = inTenant(app.handle.db, tenantId(), (tx) =>
      tx
        .updateTable('payments')
        .set({ refunded_minor: CAPTURED + 1 })
        .where('order_id', '=', order.id)
        .execute(),
    );
    await expect(overdraw).rejects.toMatchObject({ code: '23514' });
  });

  it('holds a refund beyond what is left for an agent, who verifies and pays the actual amount', async () => {
    // Only part of the order was captured: the second shoe's refund no longer fits.
    const { order, payment } = await paidOrder(6000);
    const first = await returnOf(order);
    const second = await returnOf(order);
    await api('POST', `/api/v1/cases/${first.id}/actions/refund`, {});
    await pay();
    expect(stripe.refundedOn(payment)).toBe(first.refundable);
    const answer = await api('POST', `/api/v1/cases/${second.id}/actions/refund`, {});
    expect(answer.status).toBe(200);
    const [held] = await refundsOf(second.id);
    expect(held).toMatchObject({ status: 'held', lastError: expect.stringContaining('still refundable') });
    expect((await api('GET', '/api/v1/refunds')).body.items.map((r: { id: string }) => r.id)).toContain(
      held.id,
    );
    expect(await reserved(order.id)).toBe(first.refundable);

    const left = 6000 - first.refundable;
    const tooMuch = await api('POST', `/api/v1/refunds/${held.id}/release`, { amountMinor: left + 1 });
    expect(tooMuch.status).toBe(422);
    const released = await api('POST', `/api/v1/refunds/${held.id}/release`, { amountMinor: left });
    expect(released.body).toMatchObject({ status: 'pending', amountMinor: left, provider: 'stripe' });
    await pay();
    expect(stripe.refundedOn(payment)).toBe(6000);
    expect(await reserved(order.id)).toBe(6000);
  });

  it('retries a refund Stripe cannot take now with back-off, then raises the case to an agent', async () => {
    const { id, order, payment, refundable } = await inspectedReturn();
    await api('POST', `/api/v1/cases/${id}/actions/refund`, {});
    stripe.failNext(...Array.from({ length: 8 }, () => 'api_error' as const));
    let at = now;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const run = await pay(at);
      const [refund] = await refundsOf(id);
      if (attempt < 8) {
        expect(run).toMatchObject({ retried: 1 });
        const next = await nextAttemptOf(refund.id);
        waits.push((next.getTime() - at.getTime()) / MINUTE);
        at = next;
      } else {
        expect(run).toMatchObject({ failed: 1 });
        expect(refund).toMatchObject({ status: 'failed', lastError: expect.stringContaining('Gave up') });
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);
    const view = (await api('GET', `/api/v1/cases/${id}`)).body;
    expect(view.priority).toBe('high');
    expect(view.timeline.map((e: { type: string }) => e.type)).toContain('refund.failed');
    expect(await reserved(order.id)).toBe(0);
    expect(stripe.refundedOn(payment)).toBe(0);

    const [failed] = await refundsOf(id);
    const retried = await api('POST', `/api/v1/refunds/${failed.id}/retry`, {});
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    await pay(at);
    expect((await refundsOf(id))[0]).toMatchObject({ status: 'succeeded' });
    expect(stripe.refundedOn(payment)).toBe(refundable);
  });

  it('asks Stripe again about a refund it has not finished, until it has', async () => {
    const { id } = await inspectedReturn();
    await api('POST', `/api/v1/cases/${id}/actions/refund`, {});
    stripe.startRefundsAs('pending');
    expect(await pay()).toMatchObject({ processing: 1 });
    const [processing] = await refundsOf(id);
    expect(processing.status).toBe('processing');
    stripe.settle(processing.providerRefundId);
    expect(await pay(new Date(now.getTime() + 11 * MINUTE))).toMatchObject({ succeeded: 1 });
    expect(stripe.createRequests()).toBeGreaterThan(0);
  });

  it('refunds as store credit into the customer’s ledger, once', async () => {
    const { id, order, refundable } = await inspectedReturn();
    await api('POST', `/api/v1/cases/${id}/actions/refund`, { method: 'store_credit' });
    await Promise.all([pay(), pay()]);
    expect((await refundsOf(id))[0]).toMatchObject({ status: 'succeeded', provider: 'store_credit' });
    const credit = await api('GET', `/api/v1/customers/${order.customerId}/store-credit`);
    expect(credit.body.balances).toEqual([{ currency: 'EUR', amountMinor: refundable }]);
    expect(await reserved(order.id)).toBe(refundable);
  });

  it('refunds an order the shop sent without payments by hand, within its total', async () => {
    const order = await importOrder(api, { ...sampleOrder(now), payments: [] });
    const first = await returnOf(order);
    await api('POST', `/api/v1/cases/${first.id}/actions/refund`, {});
    expect(await refundsOf(first.id)).toEqual([
      expect.objectContaining({
        provider: 'manual',
        status: 'awaiting_transfer',
        amountMinor: first.refundable,
      }),
    ]);
    // Another return of the same order counts what the first already owes.
    const second = await returnOf(order);
    await api('POST', `/api/v1/cases/${second.id}/actions/refund`, {});
    const owed = [...(await refundsOf(first.id)), ...(await refundsOf(second.id))];
    expect(owed.every((r: { status: string }) => r.status === 'awaiting_transfer')).toBe(true);
    expect(
      owed.reduce((sum: number, r: { amountMinor: number }) => sum + r.amountMinor, 0),
    ).toBeLessThanOrEqual(order.totalMinor);
  });

  it('waits for an agent to record a manual bank transfer', async () => {
    const { id } = await inspectedReturn();
    await api('POST', `/api/v1/cases/${id}/actions/refund`, { method: 'manual' });
    const [owed] = await refundsOf(id);
    expect(owed).toMatchObject({ status: 'awaiting_transfer', provider: 'manual' });
    const bad = await api('POST', `/api/v1/refunds/${owed.id}/transfer`, {});
    expect(bad.status).toBe(400);
    const paid = await api('POST', `/api/v1/refunds/${owed.id}/transfer`, { reference: 'SEPA-2026-11-0042' });
    expect(paid.body).toMatchObject({ status: 'succeeded', reference: 'SEPA-2026-11-0042' });
    const twice = await api('POST', `/api/v1/refunds/${owed.id}/transfer`, { reference: 'again' });
    expect(twice.status).toBe(409);
  });

  it('keeps what was refunded, and what carriers reported, when the shop sends the order again', async () => {
    const { id, order, refundable } = await inspectedReturn();
    await api('POST', `/api/v1/cases/${id}/actions/refund`, {});
    const tracking = order.shipments[0].trackingNumber as string;
    await api('POST', '/api/v1/tracking/events', {
      events: [
        { carrier: 'DHL', trackingNumber: tracking, status: 'delivered', occurredAt: now.toISOString() },
      ],
    });
    const input = sampleOrder(now);
    const again = await api('POST', '/api/v1/orders/batch', {
      orders: [
        {
          ...input,
          externalId: order.externalId,
          number: order.number,
          payments: order.payments.map(strip),
          shipments: order.shipments.map(stripShipment),
        },
      ],
    });
    expect(again.body).toMatchObject({ updated: 1 });
    expect(await reserved(order.id)).toBe(refundable);
    const shipment = await inTenant(app.handle.db, tenantId(), (tx) =>
      tx
        .selectFrom('shipments')
        .select(['tracking_number', 'status'])
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow(),
    );
    expect(shipment).toEqual({ tracking_number: tracking, status: 'delivered' });
  });

  it('refuses an order sent again with a payment capturing less than was already refunded from it', async () => {
    const { id, order, refundable } = await inspectedReturn();
    await api('POST', `/api/v1/cases/${id}/actions/refund`, {});
    const input = sampleOrder(now);
    const lowered = await api('POST', '/api/v1/orders/batch', {
      orders: [
        {
          ...input,
          externalId: order.externalId,
          number: order.number,
          payments: order.payments.map((p: Parameters<typeof strip>[0]) => ({
            ...strip(p),
            capturedMinor: refundable - 1,
          })),
        },
      ],
    });
    expect(lowered.status).toBe(400);
    expect(lowered.body.errors).toEqual([
      {
        field: '/orders/0/payments/0/capturedMinor',
        message: `Less than the ${refundable} already refunded from this payment.`,
      },
    ]);
    expect(await reserved(order.id)).toBe(refundable);
  });

  async function nextAttemptOf(refundId: string): Promise<Date> {
    const row = await inTenant(app.handle.db, tenantId(), (tx) =>
      tx.selectFrom('refunds').select('next_attempt_at').where('id', '=', refundId).executeTakeFirstOrThrow(),
    );
    return new Date(row.next_attempt_at as Date);
  }
});

const strip = (p: { method: string; reference: string | null; capturedMinor: number }) => ({
  method: p.method,
  reference: p.reference,
  capturedMinor: p.capturedMinor,
});

const stripShipment = (s: Record<string, unknown>) =>
  Object.fromEntries(
    ['carrier', 'trackingNumber', 'shippedAt', 'deliveredAt', 'estimatedAt']
      .filter((k) => s[k] !== null && s[k] !== undefined)
      .map((k) => [k, s[k]]),
  );
