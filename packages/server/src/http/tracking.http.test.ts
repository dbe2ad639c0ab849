import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmailSender, smtpSender } from '../channels/email/index.js';
import { inTenant } from '../db/scope.js';
import { deliverQueuedNotices } from '../jobs/deliver-notices.job.js';
import { sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  client,
  importOrder,
  newTenant,
  startTestApp,
  type TestApp,
} from '../testing/harness.test-helpers.js';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.test-helpers.js';

// Carriers post to Afterdesk over HTTP and the customer hears by real SMTP. The notice
// queue is shared by every test on the database, so this file's clock stands in 2002:
// notices queued by other files are never due here.

const now = new Date('2002-06-10T18:00:00Z');
let app: TestApp;
let sink: SmtpSink;
let sender: EmailSender;

beforeAll(async () => {
  app = await startTestApp({ now });
  sink = await startSmtpSink();
  sender = smtpSender(sink.url);
});

afterAll(async () => {
  await sender?.close();
  await sink?.close();
  await app?.close();
});

const at = (time: string) => `2002-06-10T${time}:00Z`;

/** An order in transit (not delivered yet); its one DHL parcel. */
async function parcel(options: { language?: string; email?: string | null } = {}) {
  const input = sampleOrder(now, { deliveredDaysAgo: null });
  input.customer.language = options.language ?? 'de';
  if (options.email !== undefined) input.customer.email = options.email ?? undefined;
  if (options.email === null) input.customer.externalId = `no-mail-${input.externalId}`;
  const order = await importOrder(app.api, input);
  const trackingNumber = input.shipments?.[0]?.trackingNumber as string;
  return { input, order, trackingNumber, email: input.customer.email };
}

const post = (events: object[], api = app.api) => api('POST', '/api/v1/tracking/events', { events });
const outcomes = (response: { body: { results: { outcome: string }[] } }) =>
  response.body.results.map((r) => r.outcome);

async function shipmentOf(orderId: string) {
  return inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx.selectFrom('shipments').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow(),
  );
}

async function noticesOf(orderId: string) {
  return inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx
      .selectFrom('customer_notices')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .execute(),
  );
}

describe('POST /api/v1/tracking/events', () => {
  it('ends in the latest state when events arrive out of order and twice', async () => {
    const { order, trackingNumber } = await parcel();
    const scan = (status: string, time: string, location?: string) => ({
      carrier: 'dhl',
      trackingNumber,
      status,
      occurredAt: at(time),
      ...(location ? { location } : {}),
    });
    const first = await post([
      scan('delivered', '15:00', 'Berlin'),
      scan('shipped', '08:00'),
      scan('out_for_delivery', '09:00'),
      scan('delivered', '15:00', 'Berlin'),
      scan('in_transit', '08:30'),
    ]);
    expect(first.status).toBe(200);
    expect(outcomes(first)).toEqual(['applied', 'applied', 'applied', 'duplicate', 'applied']);
    // Four news in one batch: the customer hears the last, not a burst of four mails.
    expect(first.body.noticesQueued).toBe(1);
    const shipment = await shipmentOf(order.id);
    expect(shipment).toMatchObject({ status: 'delivered', location: 'Berlin' });
    expect(shipment.status_at?.toISOString()).toBe(at('15:00').replace(':00Z', ':00.000Z'));

    const again = await post([scan('shipped', '08:00'), scan('delivered', '15:00', 'Berlin')]);
    expect(outcomes(again)).toEqual(['duplicate', 'duplicate']);
    const late = await post([scan('out_for_delivery', '10:00')]);
    expect(outcomes(late)).toEqual(['stale']);
    expect((await shipmentOf(order.id)).status).toBe('delivered');

    const events = await app.api('GET', `/api/v1/orders/${order.id}`);
    expect(events.status).toBe(200);
    const types = await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx.selectFrom('events').select('type').where('stream_id', '=', order.id).orderBy('id').execute(),
    );
    expect(types.map((t) => t.type).filter((t) => t.startsWith('shipment.'))).toEqual([
      'shipment.shipped',
      'shipment.in_transit',
      'shipment.out_for_delivery',
      'shipment.delivered',
    ]);
  });

  it('tells the customer once per kind, in their language, by SMTP', async () => {
    // Whatever earlier tests (or an earlier run on this database) left due goes out first.
    await deliverQueuedNotices(app.services, sender, { batch: 1000 });
    const before = sink.messages.length;
    const ja = await parcel({ language: 'ja' });
    const de = await parcel({ language: 'de-AT' });
    const scan = (p: { trackingNumber: string }, status: string, time: string) => ({
      carrier: 'DHL',
      trackingNumber: p.trackingNumber,
      status,
      occurredAt: at(time),
      trackingUrl: `https://track.example/${p.trackingNumber}`,
    });
    expect(
      (await post([scan(ja, 'shipped', '07:00'), scan(de, 'shipped', '07:05')])).body.noticesQueued,
    ).toBe(2);
    // A later dispatch scan and every in-transit scan after it are not news.
    expect(
      (await post([scan(ja, 'shipped', '07:30'), scan(ja, 'in_transit', '09:00')])).body.noticesQueued,
    ).toBe(0);
    expect((await post([scan(ja, 'out_for_delivery', '10:00')])).body.noticesQueued).toBe(1);
    expect((await post([scan(ja, 'delivered', '12:00')])).body.noticesQueued).toBe(1);
    expect((await noticesOf(ja.order.id)).map((n) => n.kind)).toEqual([
      'shipment.shipped',
      'shipment.out_for_delivery',
      'shipment.delivered',
    ]);

    // The sink refuses the first it is offered; that one waits a minute for its retry.
    sink.failNext(1);
    const sent = await deliverQueuedNotices(app.services, sender);
    expect(sent).toEqual({ sent: 3, retried: 1, failed: 0 });
    const retry = await deliverQueuedNotices(app.services, sender, { now: new Date(now.getTime() + 61_000) });
    expect(retry).toMatchObject({ sent: 1 });
    const mails = (await sink.waitFor(before + 4)).slice(before);
    const toJa = mails.filter((m) => m.to[0]?.address === ja.email);
    expect(toJa.map((m) => m.subject).sort()).toEqual(
      [
        `ご注文 ${ja.input.number} を発送しました`,
        `ご注文 ${ja.input.number} は本日お届け予定です`,
        `ご注文 ${ja.input.number} をお届けしました`,
      ].sort(),
    );
    const toDe = mails.find((m) => m.to[0]?.address === de.email);
    expect(toDe?.subject).toBe(`Ihre Bestellung ${de.input.number} ist verschickt`);
    expect(toDe?.text).toContain(`Sendung verfolgen: https://track.example/${de.trackingNumber}`);
    expect(toDe?.headers['auto-submitted']).toBe('auto-generated');
    expect((await noticesOf(de.order.id))[0]).toMatchObject({
      delivery_state: 'sent',
      delivery_attempts: expect.any(Number),
    });
    // Nothing is left to send, and a repeated run sends nothing twice.
    expect(
      await deliverQueuedNotices(app.services, sender, { now: new Date(now.getTime() + 3_600_000) }),
    ).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
  });

  it('says "on its way" when in transit is the first news, and queues nothing for a customer without e-mail', async () => {
    const quiet = await parcel();
    const first = await post([
      { carrier: 'DHL', trackingNumber: quiet.trackingNumber, status: 'in_transit', occurredAt: at('06:00') },
    ]);
    expect(first.body.noticesQueued).toBe(1);
    expect((await noticesOf(quiet.order.id))[0]?.kind).toBe('shipment.in_transit');

    const unreachable = await parcel({ email: null });
    const none = await post([
      {
        carrier: 'DHL',
        trackingNumber: unreachable.trackingNumber,
        status: 'shipped',
        occurredAt: at('06:00'),
      },
    ]);
    expect(outcomes(none)).toEqual(['applied']);
    expect(none.body.noticesQueued).toBe(0);
  });

  it('keeps a parcel where it was when the shop imports its order again', async () => {
    const p = await parcel();
    const scan = (status: string, time: string) => ({
      carrier: 'DHL',
      trackingNumber: p.trackingNumber,
      status,
      occurredAt: at(time),
    });
    await post([scan('shipped', '05:00'), scan('out_for_delivery', '06:00')]);
    await importOrder(app.api, p.input);
    const after = await post([scan('shipped', '05:30'), scan('delivered', '11:00')]);
    expect(outcomes(after)).toEqual(['stale', 'applied']);
    expect((await shipmentOf(p.order.id)).status).toBe('delivered');
    expect((await noticesOf(p.order.id)).map((n) => n.kind)).toEqual([
      'shipment.out_for_delivery',
      'shipment.delivered',
    ]);
  });

  it('reports unknown tracking numbers without failing the batch', async () => {
    const known = await parcel();
    const response = await post([
      { carrier: 'DHL', trackingNumber: 'NOBODY-1', status: 'shipped', occurredAt: at('08:00') },
      { carrier: 'UPS', trackingNumber: known.trackingNumber, status: 'shipped', occurredAt: at('08:00') },
      { carrier: 'DHL', trackingNumber: known.trackingNumber, status: 'shipped', occurredAt: at('08:00') },
    ]);
    expect(response.status).toBe(200);
    expect(outcomes(response)).toEqual(['unknown_shipment', 'unknown_shipment', 'applied']);
  });

  it("does not touch another tenant's parcels", async () => {
    const mine = await parcel();
    const other = await newTenant(app.services, 'Other Shop');
    const theirs = client(app.server.url, other.apiKey);
    const response = await post(
      [{ carrier: 'DHL', trackingNumber: mine.trackingNumber, status: 'delivered', occurredAt: at('08:00') }],
      theirs,
    );
    expect(outcomes(response)).toEqual(['unknown_shipment']);
    expect((await shipmentOf(mine.order.id)).status).toBeNull();
    expect(await noticesOf(mine.order.id)).toEqual([]);
  });

  it('refuses bad input with problem+json naming each field', async () => {
    const bad = await post([
      { carrier: 'DHL', trackingNumber: 'X1', status: 'lost_in_space', occurredAt: at('08:00') },
      { carrier: 'DHL', status: 'shipped', occurredAt: 'yesterday', colour: 'red' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body/events/0/status' }),
        { field: 'body/events/1', message: "must have required property 'trackingNumber'" },
        { field: 'body/events/1', message: 'must NOT have additional properties' },
        expect.objectContaining({ field: 'body/events/1/occurredAt' }),
      ]),
    );

    const future = await post([
      { carrier: 'DHL', trackingNumber: 'X1', status: 'shipped', occurredAt: '2030-01-01T00:00:00Z' },
    ]);
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: '/events/0/occurredAt' })]);

    expect((await app.api('POST', '/api/v1/tracking/events', { events: [] })).status).toBe(400);
    const anonymous = await client(app.server.url)('POST', '/api/v1/tracking/events', { events: [] });
    expect(anonymous.status).toBe(401);
  });
});
