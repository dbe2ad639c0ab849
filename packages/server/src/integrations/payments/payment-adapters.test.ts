import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOrders } from '../../app/orders/upsert-orders.js';
import type { DatabaseHandle } from '../../db/connect.js';
import { inTenant } from '../../db/scope.js';
import { sampleOrder } from '../../testing/fixtures.test-helpers.js';
import {
  newTenant,
  openTestDatabase,
  testDatabaseKind,
  testServices,
} from '../../testing/harness.test-helpers.js';
import { manualAdapter } from './manual.adapter.js';
import { type PaymentAdapterSubject, paymentAdapterContract } from './payment-adapter.contract.js';
import { TransientPaymentError } from './payment-adapter.js';
import { storeCreditAdapter } from './store-credit.adapter.js';
import { stripeAdapter } from './stripe.adapter.js';
import { STRIPE_TEST_KEY, type StripeDouble, startStripeDouble } from './stripe-double.test-helpers.js';

const PAYMENT = 'pi_3Pcontract0000000001';

describe(`payment adapters (${testDatabaseKind()})`, () => {
  let handle: DatabaseHandle;
  let stripe: StripeDouble;
  let tenantId: string;
  let customerId: string;

  beforeAll(async () => {
    handle = await openTestDatabase();
    stripe = await startStripeDouble({ [PAYMENT]: { amount: 1_000_000, currency: 'eur' } });
    const tenant = await newTenant(testServices(handle));
    tenantId = tenant.tenantId;
    const { orders } = await upsertOrders(tenant.ctx, [sampleOrder(new Date())]);
    const order = await inTenant(handle.db, tenantId, (tx) =>
      tx
        .selectFrom('orders')
        .select('customer_id')
        .where('id', '=', orders[0]?.id as string)
        .executeTakeFirstOrThrow(),
    );
    customerId = order.customer_id;
  });
  afterAll(async () => {
    await stripe.close();
    await handle.db.destroy();
  });

  const base = () => ({ tenantId, customerId, paymentReference: PAYMENT, currency: 'EUR' });

  // The ledger names the refund it pays, so the refund must exist.
  const owedRefund = () =>
    inTenant(handle.db, tenantId, async (tx) => {
      const id = randomUUID();
      await tx
        .insertInto('refunds')
        .values({
          id,
          tenant_id: tenantId,
          case_id: null,
          order_id: null,
          payment_id: null,
          customer_id: customerId,
          amount_minor: 1,
          currency: 'EUR',
          method: 'store_credit',
          provider: 'store_credit',
          status: 'pending',
          next_attempt_at: null,
          last_error: null,
          idempotency_key: `contract:${id}`,
          created_by: null,
        })
        .execute();
      return id;
    });

  describe('Stripe (over HTTP, through the stripe SDK)', () => {
    paymentAdapterContract(
      (): PaymentAdapterSubject => ({
        adapter: stripeAdapter({ secretKey: STRIPE_TEST_KEY, apiUrl: stripe.url }),
        request: (amountMinor) => ({ ...base(), amountMinor }),
        moneyMoved: async () => stripe.refundedOn(PAYMENT),
        pays: true,
      }),
    );

    const adapter = () => stripeAdapter({ secretKey: STRIPE_TEST_KEY, apiUrl: stripe.url });

    it('passes our refund id to Stripe as the idempotency key and as metadata', async () => {
      const refundId = randomUUID();
      const paid = await adapter().refund({ ...base(), amountMinor: 100, refundId, attempt: 1, round: 1 });
      const made = stripe.refunds.find((r) => 'providerRefundId' in paid && r.id === paid.providerRefundId);
      expect(made?.metadata).toEqual({ afterdesk_refund_id: refundId });
    });

    it('calls a 500, a 429 and a dropped connection transient, to be tried again', async () => {
      // The SDK itself repeats a request once when a kept-alive connection closes under it.
      const faults = [['api_error'], ['rate_limit'], ['drop', 'drop']] as const;
      for (const fault of faults) {
        stripe.failNext(...fault);
        await expect(
          adapter().refund({ ...base(), amountMinor: 100, refundId: randomUUID(), attempt: 1, round: 1 }),
          fault.join(),
        ).rejects.toThrow(TransientPaymentError);
      }
    });

    it('after a 500 for a refund that was never made, asks again under a new key and pays once', async () => {
      const refundId = randomUUID();
      const before = stripe.refundedOn(PAYMENT);
      stripe.failNext('api_error');
      await expect(
        adapter().refund({ ...base(), amountMinor: 400, refundId, attempt: 1, round: 1 }),
      ).rejects.toThrow(TransientPaymentError);
      const second = await adapter().refund({ ...base(), amountMinor: 400, refundId, attempt: 2, round: 1 });
      expect(second.status).toBe('succeeded');
      expect(stripe.refundedOn(PAYMENT) - before).toBe(400);
    });

    it('calls Stripe’s refusal final: more than is left on the charge', async () => {
      const paid = await adapter().refund({
        ...base(),
        amountMinor: 5_000_000,
        refundId: randomUUID(),
        attempt: 1,
        round: 1,
      });
      expect(paid).toMatchObject({
        status: 'failed',
        reason: expect.stringContaining('greater than unrefunded'),
      });
    });

    it('reports a refund Stripe has not finished as pending, then as Stripe settles it', async () => {
      stripe.startRefundsAs('pending');
      const refundId = randomUUID();
      const paid = await adapter().refund({ ...base(), amountMinor: 100, refundId, attempt: 1, round: 1 });
      expect(paid.status).toBe('pending');
      const providerRefundId = 'providerRefundId' in paid ? paid.providerRefundId : null;
      stripe.settle(providerRefundId as string, 'failed');
      expect(await adapter().status({ tenantId, refundId, providerRefundId })).toMatchObject({
        status: 'failed',
      });
    });

    it('is refused with a wrong key, as a transient fault an agent must fix', async () => {
      const wrong = stripeAdapter({ secretKey: 'sk_test_wrong', apiUrl: stripe.url });
      await expect(
        wrong.refund({ ...base(), amountMinor: 100, refundId: randomUUID(), attempt: 1, round: 1 }),
      ).rejects.toThrow(/authentication_error/);
    });
  });

  describe('store credit (a ledger per customer)', () => {
    const credit = () =>
      inTenant(handle.db, tenantId, async (tx) => {
        const row = await tx
          .selectFrom('store_credit_entries')
          .select((eb) => eb.fn.sum<string | null>('amount_minor').as('total'))
          .where('customer_id', '=', customerId)
          .executeTakeFirstOrThrow();
        return Number(row.total);
      });
    paymentAdapterContract(
      (): PaymentAdapterSubject => ({
        adapter: storeCreditAdapter(handle.db),
        newRefundId: () => owedRefund(),
        request: (amountMinor) => ({ ...base(), amountMinor }),
        moneyMoved: credit,
        pays: true,
      }),
    );
  });

  describe('manual (a bank transfer an agent records)', () => {
    paymentAdapterContract(
      (): PaymentAdapterSubject => ({
        adapter: manualAdapter(handle.db),
        request: (amountMinor) => ({ ...base(), amountMinor }),
        moneyMoved: async () => 0,
        pays: false,
      }),
    );
  });
});
