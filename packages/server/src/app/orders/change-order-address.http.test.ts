import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, importOrder, testDatabaseKind } from '../../testing/harness.test-helpers.js';
import { createUser } from '../tenants/create-user.js';
import { ADDRESS, type OrderShop, startOrderShop } from './order-changes.test-helpers.js';

// A new shipping address while the order has not shipped, over real HTTP.

const now = new Date();
let shop: OrderShop;

beforeAll(async () => {
  shop = await startOrderShop(now);
});
afterAll(async () => {
  await shop?.close();
});

describe(`POST /api/v1/orders/:id/address-change (${testDatabaseKind()})`, () => {
  it('sends an order that has not shipped to the new address, tidied, and tells the shop', async () => {
    const { order } = await shop.unshippedOrder();
    const r = await shop.api('POST', `/api/v1/orders/${order.id}/address-change`, {
      address: {
        ...ADDRESS,
        name: '  Erika Mustermann ',
        line2: '  ',
        postalCode: '51147 ',
        phone: '+49 221 555',
      },
    });
    expect(r.status).toBe(200);
    const expected = { ...ADDRESS, phone: '+49 221 555' };
    expect(r.body.shippingAddress).toEqual(expected);
    expect(r.body.change).toMatchObject({
      kind: 'address',
      status: 'applied',
      address: expected,
      block: null,
    });

    const seen = (await shop.api('GET', `/api/v1/orders/${order.id}`)).body;
    expect(seen.shippingAddress).toEqual(expected);
    expect(seen.status).toBe('paid');
    expect(seen.changes).toEqual([r.body.change]);
    const [event] = await shop.eventsOf(order.id, 'order.address_changed');
    expect(event?.data).toMatchObject({
      changeId: r.body.change.id,
      address: expected,
      previousAddress: null,
    });
  });

  it('refuses with 409 once the order has shipped, and changes nothing', async () => {
    const { input, order } = await shop.unshippedOrder();
    await shop.api('POST', `/api/v1/orders/${order.id}/address-change`, { address: ADDRESS });
    // The shop reports the parcel on its way.
    const shipped = await importOrder(shop.api, {
      ...input,
      shipments: [{ carrier: 'DHL', trackingNumber: `JD${input.externalId}`, shippedAt: now.toISOString() }],
    });
    expect(shipped.status).toBe('shipped');

    const r = await shop.api('POST', `/api/v1/orders/${order.id}/address-change`, {
      address: { ...ADDRESS, line1: 'Somewhere else 1', city: 'Bonn', postalCode: '53111' },
    });
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'conflict', detail: expect.stringContaining('already shipped') });

    const seen = (await shop.api('GET', `/api/v1/orders/${order.id}`)).body;
    expect(seen.shippingAddress).toEqual(ADDRESS);
    expect(seen.changes.map((c: { status: string }) => c.status)).toEqual(['applied', 'refused']);
    expect(seen.changes[1]).toMatchObject({ block: 'shipped', address: { city: 'Bonn' } });
    expect(await shop.eventsOf(order.id, 'order.address_changed')).toHaveLength(1);
    expect(await shop.eventsOf(order.id, 'order.change_refused')).toHaveLength(1);
  });

  it('refuses to send a cancelled order anywhere', async () => {
    const { order } = await shop.unshippedOrder();
    expect((await shop.api('POST', `/api/v1/orders/${order.id}/cancellation`, {})).status).toBe(200);
    const r = await shop.api('POST', `/api/v1/orders/${order.id}/address-change`, { address: ADDRESS });
    expect(r.status).toBe(409);
    expect(r.body.detail).toBe('The order is cancelled; there is nothing left to change.');
    expect((await shop.api('GET', `/api/v1/orders/${order.id}`)).body.shippingAddress).toBeNull();
  });

  it('answers 400 with a message per field for a bad address, and stores nothing', async () => {
    const { order } = await shop.unshippedOrder();
    const r = await shop.api('POST', `/api/v1/orders/${order.id}/address-change`, {
      address: { name: 'Erika', line1: '   ', city: 'Köln', postalCode: '5', country: 'Germany', fax: '1' },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    const fields = r.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body/address/line1', 'body/address/postalCode', 'body/address/country']),
    );
    expect(r.body.errors).toContainEqual({
      field: 'body/address',
      message: 'must NOT have additional properties',
    });
    expect(await shop.rows('order_changes', order.id)).toEqual([]);
  });

  it('lets an agent change the address of any order of the tenant', async () => {
    const { order } = await shop.unshippedOrder();
    const email = `agent-oc-${shop.app.tenant.tenantId.slice(0, 8)}@example.com`;
    const password = 'correct horse battery 1';
    await createUser(shop.app.services, {
      tenantId: shop.app.tenant.tenantId,
      email,
      name: 'Agent',
      role: 'agent',
      password,
    });
    const login = await shop.api('POST', '/api/v1/auth/login', { email, password });
    const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('afterdesk_session=')) ?? '').split(
      ';',
    )[0];
    const agent = client(shop.app.server.url);
    const r = await agent(
      'POST',
      `/api/v1/orders/${order.id}/address-change`,
      { address: ADDRESS },
      {
        cookie: cookie as string,
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.change.requestedBy.type).toBe('agent');
  });
});
