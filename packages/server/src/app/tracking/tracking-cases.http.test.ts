import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { notifyCustomers } from '../../jobs/notify-customers.job.js';
import { noReasonReturn, sampleOrder } from '../../testing/fixtures.test-helpers.js';
import { importOrder, startTestApp, type TestApp } from '../../testing/harness.test-helpers.js';
import { reportLateParcels } from './report-late-parcels.js';

// Carrier events that move cases and parcel trouble that opens them, over
// real HTTP.

const now = new Date();
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ now });
});

afterAll(async () => {
  await app?.close();
});

const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const post = (events: object[]) => app.api('POST', '/api/v1/tracking/events', { events });
const outcomes = (r: { body: { results: { outcome: string }[] } }) => r.body.results.map((x) => x.outcome);
const caseOf = async (id: string) => (await app.api('GET', `/api/v1/cases/${id}`)).body;

async function logisticsCasesOf(orderId: string) {
  return inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx
      .selectFrom('cases')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('kind', '=', 'logistics')
      .execute(),
  );
}

async function eventsOf(caseId: string, type: string) {
  return inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx.selectFrom('events').selectAll().where('stream_id', '=', caseId).where('type', '=', type).execute(),
  );
}

describe('tracking events about a return parcel', () => {
  it('ship the case on the first scan and receive it on delivery, once and never back', async () => {
    const order = await importOrder(app.api, sampleOrder(now));
    const filed = (await app.api('POST', '/api/v1/cases', noReasonReturn(order))).body;
    expect(filed.status).toBe('awaiting_return');
    const scan = (status: string, h: number) => ({
      carrier: 'DHL',
      trackingNumber: filed.returnShipment.waybillNumber,
      status,
      occurredAt: hoursAgo(h),
    });

    const first = await post([scan('in_transit', 10), scan('shipped', 12)]);
    expect(outcomes(first)).toEqual(['stale', 'applied']);
    expect((await caseOf(filed.id)).status).toBe('in_transit');

    const again = await post([scan('in_transit', 10), scan('out_for_delivery', 3)]);
    expect(outcomes(again)).toEqual(['duplicate', 'stale']);

    const delivered = await post([scan('delivered', 2), scan('in_transit', 1)]);
    expect(outcomes(delivered)).toEqual(['applied', 'stale']);
    const received = await caseOf(filed.id);
    expect(received.status).toBe('received');
    expect(received.returnShipment.shippedAt).toBe(hoursAgo(12));
    expect(received.returnShipment.receivedAt).toBe(hoursAgo(2));
    const shipped = await eventsOf(filed.id, 'case.shipped');
    expect(shipped).toHaveLength(1);
    expect(shipped[0]).toMatchObject({ actor_type: 'system' });
    expect(await eventsOf(filed.id, 'case.received')).toHaveLength(1);
  });

  it('receives a case whose first news is the delivery, in one step', async () => {
    const order = await importOrder(app.api, sampleOrder(now));
    const filed = (await app.api('POST', '/api/v1/cases', noReasonReturn(order))).body;
    const r = await post([
      {
        carrier: 'UPS',
        trackingNumber: filed.returnShipment.waybillNumber,
        status: 'delivered',
        occurredAt: hoursAgo(1),
      },
    ]);
    expect(outcomes(r)).toEqual(['applied']);
    expect((await caseOf(filed.id)).status).toBe('received');
  });
});

describe('parcel exceptions', () => {
  async function inTransit(estimatedHoursAgo?: number) {
    const input = sampleOrder(now, { deliveredDaysAgo: null });
    if (estimatedHoursAgo !== undefined && input.shipments?.[0])
      input.shipments[0].estimatedAt = hoursAgo(estimatedHoursAgo);
    const order = await importOrder(app.api, input);
    return { order, trackingNumber: input.shipments?.[0]?.trackingNumber as string };
  }

  it('opens one logistics case per parcel and tells the customer of each problem', async () => {
    const { order, trackingNumber } = await inTransit();
    const exception = (reason: string | undefined, h: number) => ({
      carrier: 'DHL',
      trackingNumber,
      status: 'exception',
      occurredAt: hoursAgo(h),
      ...(reason ? { reason } : {}),
    });
    expect(outcomes(await post([exception('damaged', 5)]))).toEqual(['applied']);
    expect(outcomes(await post([exception('damaged', 5), exception('lost', 2)]))).toEqual([
      'duplicate',
      'applied',
    ]);
    const cases = await logisticsCasesOf(order.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ category: 'logistics', status: 'open', parcel_number: trackingNumber });
    const owner = await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx.selectFrom('orders').select('customer_id').where('id', '=', order.id).executeTakeFirstOrThrow(),
    );
    expect(cases[0]?.customer_id).toBe(owner.customer_id);
    const reported = await eventsOf(cases[0]?.id as string, 'case.logistics_exception');
    expect(reported.map((e) => (e.data as { reason: string }).reason)).toEqual(['damaged', 'lost']);

    // The notifier reads events a little after they are written: run it a minute later.
    await notifyCustomers({ ...app.services, clock: () => new Date(Date.now() + 60_000) }, { batch: 10_000 });
    const messages = await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx
        .selectFrom('messages')
        .selectAll()
        .where('case_id', '=', cases[0]?.id as string)
        .execute(),
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]?.subject).toBe('Ein Problem mit Ihrer Lieferung');
    expect(messages[0]?.body).toContain(String(cases[0]?.number));
  });

  it('opens a case for a parcel a day past its estimated delivery, once', async () => {
    const { order } = await inTransit(30);
    const { order: onTime } = await inTransit(3);
    const first = await reportLateParcels(app.services);
    expect(first.reported).toBeGreaterThanOrEqual(1);
    const cases = await logisticsCasesOf(order.id);
    expect(cases).toHaveLength(1);
    expect(await logisticsCasesOf(onTime.id)).toHaveLength(0);
    await reportLateParcels(app.services);
    const reported = await eventsOf(cases[0]?.id as string, 'case.logistics_exception');
    expect(reported).toHaveLength(1);
    expect(reported[0]?.data).toMatchObject({ reason: 'delayed' });
  });
});
