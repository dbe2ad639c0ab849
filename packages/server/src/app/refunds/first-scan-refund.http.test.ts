import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { noReasonReturn, sampleOrder } from '../../testing/fixtures.test-helpers.js';
import {
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../../testing/harness.test-helpers.js';

describe(`refund on the carrier's first scan for trusted customers (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let api: TestApp['api'];
  const now = new Date();

  beforeAll(async () => {
    app = await startTestApp({ now });
    ({ api } = app);
    const published = await api('POST', '/api/v1/policy/versions', {
      document: { firstScanRefund: { enabled: true, minOrders: 2, maxRefundMinor: { EUR: 10_000 } } },
    });
    expect(published.status).toBe(201);
  });
  afterAll(() => app.close());

  /** A no-reason return of a customer with `orders` orders, approved and waiting for its parcel. */
  async function returnOfCustomerWith(orders: number) {
    const email = `loyal-${Math.random().toString(36).slice(2)}@example.com`;
    const placed = [];
    for (let i = 0; i < orders; i++) placed.push(await importOrder(api, sampleOrder(now, { email })));
    const filed = await api('POST', '/api/v1/cases', noReasonReturn(placed[0]));
    expect(filed.body.status).toBe('awaiting_return');
    return filed.body;
  }

  const scan = (waybill: string, status = 'in_transit') =>
    api('POST', '/api/v1/tracking/events', {
      events: [{ carrier: 'DHL', trackingNumber: waybill, status, occurredAt: now.toISOString() }],
    });
  const refundsOf = (caseId: string) =>
    inTenant(app.handle.db, app.tenant.tenantId, (tx) =>
      tx.selectFrom('refunds').selectAll().where('case_id', '=', caseId).execute(),
    );

  it('refunds a trusted customer when the carrier first scans the parcel, and only once', async () => {
    const filed = await returnOfCustomerWith(2);
    expect((await scan(filed.returnShipment.waybillNumber)).status).toBe(200);
    const scanned = (await api('GET', `/api/v1/cases/${filed.id}`)).body;
    expect(scanned.status).toBe('in_transit');
    expect(scanned.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['case.shipped', 'refund.requested', 'refund.on_first_scan']),
    );
    expect(await refundsOf(filed.id)).toMatchObject([
      { amount_minor: expect.anything(), idempotency_key: `case:${filed.id}:refund` },
    ]);
    expect(Number((await refundsOf(filed.id))[0]?.amount_minor)).toBe(filed.refundableMinor);

    // A second scan, the warehouse and its passed inspection pay nothing more.
    await scan(filed.returnShipment.waybillNumber, 'out_for_delivery');
    await api('POST', '/api/v1/warehouse/receipts', { code: filed.returnCode });
    const inspected = await api('POST', `/api/v1/cases/${filed.id}/inspections`, {
      items: [
        { caseItemId: filed.items[0].id, result: 'passed', disposition: 'restock', receivedQuantity: 1 },
      ],
    });
    expect(inspected.body.case.status).toBe('refunded');
    expect(await refundsOf(filed.id)).toHaveLength(1);
  });

  it('waits for the inspection when the customer has not earned the trust yet', async () => {
    const filed = await returnOfCustomerWith(1);
    await scan(filed.returnShipment.waybillNumber);
    expect((await api('GET', `/api/v1/cases/${filed.id}`)).body.status).toBe('in_transit');
    expect(await refundsOf(filed.id)).toEqual([]);
  });
});
