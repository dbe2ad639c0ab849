import type { OrderInput } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import {
  STRIPE_TEST_KEY,
  startStripeDouble,
} from '../../integrations/payments/stripe-double.test-helpers.js';
import { payRefunds } from '../../jobs/pay-refunds.job.js';
import { sampleOrder } from '../../testing/fixtures.test-helpers.js';
import { importOrder, startTestApp } from '../../testing/harness.test-helpers.js';

/** What the sample order captured: two shoes less their discount, socks and shipping. */
export const CAPTURED = 2 * 5999 - 1000 + 1299 + 499;

export const ADDRESS = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Köln',
  postalCode: '51147',
  country: 'DE',
};

/**
 * A shop for order-change tests: the whole stack over HTTP, Stripe connected (a local
 * double), orders before and after shipment, and a look at the rows behind the answers.
 */
export async function startOrderShop(now: Date) {
  const stripe = await startStripeDouble();
  const app = await startTestApp({
    now,
    adapt: (services) => ({ ...services, config: { ...services.config, stripeApiUrl: stripe.url } }),
  });
  const { api } = app;
  const connected = await api('PUT', '/api/v1/integrations/stripe', { secretKey: STRIPE_TEST_KEY });
  if (connected.status !== 200) throw new Error(`stripe not connected: ${JSON.stringify(connected.body)}`);
  const inShop = <T>(work: Parameters<typeof inTenant<T>>[2]) =>
    inTenant(app.handle.db, app.tenant.tenantId, work);

  return {
    app,
    api,
    stripe,
    /** A paid order still in the warehouse (no parcel yet), its payment known to Stripe. */
    async unshippedOrder(options: { reference?: string } = {}) {
      const input: OrderInput = { ...sampleOrder(now), shipments: [] };
      const payment = options.reference ?? `pi_${input.externalId}`;
      input.payments = [{ method: 'card', reference: payment, capturedMinor: CAPTURED }];
      stripe.chargeKnown(payment, CAPTURED, 'eur');
      return { input, payment, order: await importOrder(api, input) };
    },
    /** An order whose parcel left two days ago and has not arrived yet. */
    shippedOrder: () => importOrder(api, sampleOrder(now, { deliveredDaysAgo: null })),
    rows: (table: 'refunds' | 'order_changes', orderId: string) =>
      inShop((tx) => tx.selectFrom(table).selectAll().where('order_id', '=', orderId).execute()),
    eventsOf: (orderId: string, type: string) =>
      inShop((tx) =>
        tx
          .selectFrom('events')
          .selectAll()
          .where('stream_id', '=', orderId)
          .where('type', '=', type)
          .execute(),
      ),
    casesOf: (orderId: string) =>
      inShop((tx) => tx.selectFrom('cases').select(['id', 'kind']).where('order_id', '=', orderId).execute()),
    /** What the order's payment has promised back so far. */
    reserved: (orderId: string) =>
      inShop(async (tx) => {
        const row = await tx
          .selectFrom('payments')
          .select('refunded_minor')
          .where('order_id', '=', orderId)
          .executeTakeFirstOrThrow();
        return Number(row.refunded_minor);
      }),
    /** One run of the refund job, as a worker would. */
    pay: () => payRefunds(app.services, { tenantId: app.tenant.tenantId, now }),
    close: async () => {
      await app.close();
      await stripe.close();
    },
  };
}
export type OrderShop = Awaited<ReturnType<typeof startOrderShop>>;
