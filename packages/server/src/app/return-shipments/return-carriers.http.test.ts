import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestReturnShipments } from '../../jobs/return-shipments.job.js';
import { type CarrierBridge, startCarrierBridge } from '../../testing/carrier-bridge.test-helpers.js';
import { startTestApp, type TestApp } from '../../testing/harness.test-helpers.js';
import { pdfTexts } from '../../testing/label.test-helpers.js';
import { fetchBytes, LYON, openReturnShop, SHENZHEN } from '../../testing/return-shop.test-helpers.js';
import { verifyWebhookSignature } from '../webhooks/webhook-signature.js';

// Carriers asked over HTTP by the return-shipment job, never inside the approval, and the
// set-up behind them: carrier connections and warehouses.

let app: TestApp;
let bridge: CarrierBridge;
beforeAll(async () => {
  app = await startTestApp({ adapt: (s) => ({ ...s, config: { ...s.config, webhooksAllowPrivate: true } }) });
  bridge = await startCarrierBridge();
});
afterAll(async () => {
  await bridge.close();
  await app.close();
});

type Shop = Awaited<ReturnType<typeof openReturnShop>>;
const generic = {
  code: 'colissimo',
  name: 'Colissimo Retour',
  adapter: 'generic',
  waybillPointer: '/data/waybill',
};

async function connectGeneric(shop: Shop) {
  const created = await shop.api('POST', '/api/v1/return-carriers', {
    ...generic,
    url: bridge.url,
    pickupPointer: '/data/pickup/ref',
    isDefault: true,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string };
}
const runJob = (shop: Shop, now = new Date()) =>
  requestReturnShipments(app.services, { tenantId: shop.tenant.tenantId, now });
const requestsFor = (caseId: string) => bridge.requests.filter((r) => r.body.case.id === caseId);

describe('set-up: warehouses and carriers', () => {
  it('lets the shop manage warehouses, and not its agents', async () => {
    const shop = await openReturnShop(app);
    const lyon = await shop.api('POST', '/api/v1/warehouses', LYON);
    expect(lyon.status).toBe(201);
    expect(lyon.body).toMatchObject({ ...LYON, isDefault: false, carrierId: null });
    const moved = await shop.api('PUT', `/api/v1/warehouses/${lyon.body.id}`, {
      ...LYON,
      city: 'Villeurbanne',
    });
    expect(moved.body.city).toBe('Villeurbanne');
    expect((await shop.api('POST', '/api/v1/warehouses', { ...LYON, country: 'fr' })).status).toBe(400);
    const strayCarrier = { ...LYON, carrierId: '00000000-0000-4000-8000-000000000001' };
    expect((await shop.api('POST', '/api/v1/warehouses', strayCarrier)).body.errors).toEqual([
      { field: '/carrierId', message: 'Not a carrier of this shop.' },
    ]);
    expect((await shop.agent('GET', '/api/v1/warehouses')).status).toBe(403);
    expect((await shop.agent('POST', '/api/v1/warehouses', SHENZHEN)).status).toBe(403);
    expect((await shop.api('DELETE', `/api/v1/warehouses/${lyon.body.id}`)).status).toBe(204);
    expect((await shop.api('GET', '/api/v1/warehouses')).body.items).toEqual([]);
  });

  it('connects a generic carrier with its URL and pointer, showing the secret only once', async () => {
    const shop = await openReturnShop(app);
    const incomplete = await shop.api('POST', '/api/v1/return-carriers', {
      ...generic,
      waybillPointer: undefined,
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual([
      '/url',
      '/waybillPointer',
    ]);
    const manualWithUrl = { code: 'desk', name: 'Desk', adapter: 'manual', url: bridge.url };
    expect((await shop.api('POST', '/api/v1/return-carriers', manualWithUrl)).status).toBe(400);

    const created = await connectGeneric(shop);
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await shop.api('GET', '/api/v1/return-carriers');
    expect(listed.body.items).toEqual([expect.objectContaining({ code: 'colissimo', isDefault: true })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);
    expect((await shop.api('POST', '/api/v1/return-carriers', { ...generic, url: bridge.url })).status).toBe(
      409,
    );

    // A new default takes the old one's place.
    await shop.api('POST', '/api/v1/return-carriers', {
      code: 'desk',
      name: 'Desk',
      adapter: 'manual',
      isDefault: true,
    });
    const defaults = (await shop.api('GET', '/api/v1/return-carriers')).body.items.filter(
      (c: any) => c.isDefault,
    );
    expect(defaults.map((c: { code: string }) => c.code)).toEqual(['desk']);
  });
});

describe('the generic carrier', () => {
  it('is asked after the approval committed, by the job, and its waybill makes the label', async () => {
    const shop = await openReturnShop(app);
    const { secret } = await connectGeneric(shop);
    await shop.api('POST', '/api/v1/warehouses', LYON);
    const defect = await shop.qualityUnderReview('FR');
    const pickup = { date: '2099-12-01', from: '13:00', to: '17:00' };
    const approved = await shop.api('POST', `/api/v1/cases/${defect.case.id}/actions/approve`, { pickup });
    expect(approved.body).toMatchObject({
      status: 'awaiting_return',
      returnShipment: { waybillNumber: null },
    });
    expect(requestsFor(defect.case.id)).toHaveLength(0);
    const label = `/api/v1/cases/${defect.case.id}/return-label.pdf`;
    expect((await fetchBytes(app, label, { token: defect.token })).status).toBe(409);

    expect(await runJob(shop)).toMatchObject({ issued: 1, retried: 0, failed: 0 });
    const [sent] = requestsFor(defect.case.id);
    expect(sent?.body).toMatchObject({
      type: 'return_shipment.create',
      case: { id: defect.case.id, number: defect.case.number, returnCode: approved.body.returnCode },
      from: { country: 'FR' },
      to: { name: LYON.name, city: 'Lyon', country: 'FR', consolidation: true },
      postagePaidBy: 'merchant',
      pickup,
      items: [{ sku: 'SOCK-3P', quantity: 1 }],
    });
    const signature = String(sent?.headers['x-afterdesk-signature']);
    expect(verifyWebhookSignature(secret, signature, sent?.rawBody ?? '', Date.now() / 1000)).toBe(true);

    const shipment = await defect.as('GET', `/api/v1/cases/${defect.case.id}/return-shipment`);
    expect(shipment.body).toMatchObject({
      state: 'issued',
      carrier: 'colissimo',
      pickupReference: expect.stringMatching(/^PU-/),
    });
    const pdf = await fetchBytes(app, label, { token: defect.token });
    expect(pdfTexts(pdf.bytes)).toEqual(
      expect.arrayContaining([shipment.body.waybillNumber, 'COLISSIMO RETOUR']),
    );
    const timeline = (await shop.api('GET', `/api/v1/cases/${defect.case.id}`)).body.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('case.return_waybill_issued');
    expect(await runJob(shop)).toEqual({ issued: 0, retried: 0, failed: 0, awaiting_waybill: 0 });
  });

  it('retries a failing carrier with back-off, then shows staff why it gave up, and asks again on demand', async () => {
    const shop = await openReturnShop(app);
    await connectGeneric(shop);
    const buyer = await shop.noReason();
    const path = `/api/v1/cases/${buyer.case.id}/return-shipment`;
    const t0 = new Date();

    bridge.answerNext(503, 'maintenance');
    expect(await runJob(shop, t0)).toMatchObject({ retried: 1 });
    expect((await shop.api('GET', path)).body).toMatchObject({
      state: 'requested',
      attempts: 1,
      lastError: 'HTTP 503: maintenance',
    });
    // Not due again before its back-off has passed.
    expect(await runJob(shop, new Date(t0.getTime() + 10_000))).toMatchObject({ retried: 0, issued: 0 });

    bridge.answerNext(422, { error: 'postal code unknown' });
    expect(await runJob(shop, new Date(t0.getTime() + 31_000))).toMatchObject({ failed: 1 });
    const failed = (await shop.api('GET', path)).body;
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 });
    expect(failed.lastError).toContain('postal code unknown');
    expect((await buyer.as('GET', path)).body).toMatchObject({ state: 'failed', lastError: null });
    const timeline = (await shop.api('GET', `/api/v1/cases/${buyer.case.id}`)).body.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('case.return_shipment_failed');

    expect((await buyer.as('POST', `${path}/retry`)).status).toBe(403);
    expect((await shop.api('POST', `${path}/retry`)).body).toMatchObject({ state: 'requested' });
    expect((await shop.api('POST', `${path}/retry`)).status).toBe(409);
    expect(await runJob(shop, new Date(Date.now() + 1000))).toMatchObject({ issued: 1 });
    expect((await shop.api('GET', path)).body).toMatchObject({
      state: 'issued',
      lastError: null,
      attempts: 3,
    });
  });

  it('asks the carrier once per shipment, however many workers run', async () => {
    const shop = await openReturnShop(app);
    await connectGeneric(shop);
    const buyers = [await shop.noReason(), await shop.noReason(), await shop.noReason()];
    bridge.delay(100);
    try {
      const runs = await Promise.all([runJob(shop), runJob(shop), runJob(shop)]);
      expect(runs.reduce((sum, r) => sum + r.issued, 0)).toBe(3);
    } finally {
      bridge.delay(0);
    }
    for (const buyer of buyers) expect(requestsFor(buyer.case.id)).toHaveLength(1);
  });

  it('fails a waiting shipment whose carrier was disconnected, for staff to type the waybill in', async () => {
    const shop = await openReturnShop(app);
    const carrier = await connectGeneric(shop);
    const buyer = await shop.noReason();
    expect((await shop.api('DELETE', `/api/v1/return-carriers/${carrier.id}`)).status).toBe(204);
    expect(await runJob(shop)).toMatchObject({ failed: 1 });
    const path = `/api/v1/cases/${buyer.case.id}/return-shipment`;
    expect((await shop.api('GET', path)).body.lastError).toMatch(/removed/);
    expect((await shop.api('POST', `${path}/retry`)).status).toBe(409);
    const typed = await shop.api('PUT', path, { carrier: 'la-poste', waybillNumber: '6A12345678901' });
    expect(typed.body).toMatchObject({
      state: 'issued',
      carrier: 'la-poste',
      waybillNumber: '6A12345678901',
    });
    expect(requestsFor(buyer.case.id)).toHaveLength(0);
  });
});
