import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.test-helpers.js';
import { pdfTexts } from '../../testing/label.test-helpers.js';
import { fetchBytes, LYON, openReturnShop, SHENZHEN } from '../../testing/return-shop.test-helpers.js';

// Return labels over real HTTP: the built-in self_ship carrier and the manual one, the
// warehouse chosen by the customer's country, and who pays the postage.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const labelPath = (caseId: string) => `/api/v1/cases/${caseId}/return-label.pdf`;

describe('the built-in self_ship carrier', () => {
  it('labels an auto-approved return at once, to the warehouse serving the customer country', async () => {
    const shop = await openReturnShop(app);
    expect((await shop.api('POST', '/api/v1/warehouses', SHENZHEN)).status).toBe(201);
    expect((await shop.api('POST', '/api/v1/warehouses', LYON)).status).toBe(201);
    const belgian = await shop.noReason('BE');
    const waybill = belgian.case.returnShipment.waybillNumber;
    expect(waybill).toMatch(/^AD\d{11}$/);

    const shipment = await belgian.as('GET', `/api/v1/cases/${belgian.case.id}/return-shipment`);
    expect(shipment.body).toMatchObject({
      carrier: 'self_ship',
      state: 'issued',
      waybillNumber: waybill,
      postagePaidBy: 'customer',
      warehouse: { name: LYON.name, city: 'Lyon', country: 'FR', consolidation: true },
    });

    const pdf = await fetchBytes(app, labelPath(belgian.case.id), { token: belgian.token });
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const texts = pdfTexts(pdf.bytes);
    expect(texts).toEqual(
      expect.arrayContaining([
        waybill,
        belgian.case.returnCode,
        `Case #${belgian.case.number}`,
        'SELF-SHIP',
        'POSTAGE PAID BY SENDER',
        'TO (CONSOLIDATION WAREHOUSE)',
        LYON.name,
        '69007 Lyon',
        'BELGIUM',
      ]),
    );
  });

  it('sends a customer no warehouse serves to the default one', async () => {
    const shop = await openReturnShop(app);
    await shop.api('POST', '/api/v1/warehouses', LYON);
    await shop.api('POST', '/api/v1/warehouses', SHENZHEN);
    const american = await shop.noReason('US');
    const shipment = await shop.api('GET', `/api/v1/cases/${american.case.id}/return-shipment`);
    expect(shipment.body.warehouse).toMatchObject({
      name: SHENZHEN.name,
      country: 'CN',
      consolidation: false,
    });
  });

  it('prints the merchant as postage payer when the policy puts the return on them', async () => {
    const shop = await openReturnShop(app, 'Acme Outdoor');
    const defect = await shop.qualityUnderReview();
    const approved = await shop.api('POST', `/api/v1/cases/${defect.case.id}/actions/approve`, {});
    expect(approved.body.status).toBe('awaiting_return');
    const pdf = await fetchBytes(app, labelPath(defect.case.id), { cookie: shop.agentCookie });
    expect(pdf.status).toBe(200);
    const texts = pdfTexts(pdf.bytes);
    expect(texts).toContain('POSTAGE PAID BY ACME OUTDOOR');
    // Without a warehouse the parcel goes to the store customers bought from.
    expect(texts).toEqual(expect.arrayContaining(['EU store', 'GERMANY']));
  });

  it('refuses a pick-up, which nobody would come for, and leaves the case as it was', async () => {
    const shop = await openReturnShop(app);
    const defect = await shop.qualityUnderReview();
    const pickup = { date: '2099-12-01', from: '09:00', to: '12:00' };
    const refused = await shop.api('POST', `/api/v1/cases/${defect.case.id}/actions/approve`, { pickup });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: '/pickup', message: expect.any(String) }]);
    expect((await shop.api('GET', `/api/v1/cases/${defect.case.id}`)).body.status).toBe('under_review');
  });

  it('shows a label to its own customer and staff only', async () => {
    const shop = await openReturnShop(app);
    const mine = await shop.noReason();
    const stranger = await shop.customer();
    expect((await fetchBytes(app, labelPath(mine.case.id), { token: stranger.token })).status).toBe(404);
    expect((await fetchBytes(app, labelPath(mine.case.id), { cookie: shop.agentCookie })).status).toBe(200);
    const other = await openReturnShop(app);
    expect((await fetchBytes(app, labelPath(mine.case.id), { token: other.tenant.apiKey })).status).toBe(404);
  });
});

describe('the manual carrier', () => {
  it('waits for the merchant to type the waybill, then prints it with the pick-up asked for', async () => {
    const shop = await openReturnShop(app);
    const carrier = await shop.api('POST', '/api/v1/return-carriers', {
      code: 'dhl-desk',
      name: 'DHL Retoure',
      adapter: 'manual',
      isDefault: true,
    });
    expect(carrier.status).toBe(201);
    expect(carrier.body.secret).toBeNull();
    const defect = await shop.qualityUnderReview();
    const approve = (body: object) =>
      shop.api('POST', `/api/v1/cases/${defect.case.id}/actions/approve`, body);
    const past = await approve({ pickup: { date: '2020-01-01', from: '09:00', to: '12:00' } });
    expect(past.status).toBe(422);
    expect((await approve({ pickup: { date: '2099-01-01', from: '12:00', to: '09:00' } })).status).toBe(422);
    const pickup = { date: '2099-12-01', from: '09:00', to: '12:00' };
    const approved = await approve({ pickup });
    expect(approved.status).toBe(200);
    expect(approved.body.returnShipment).toMatchObject({ carrier: 'dhl-desk', waybillNumber: null });
    const path = `/api/v1/cases/${defect.case.id}/return-shipment`;
    expect((await shop.api('GET', path)).body).toMatchObject({ state: 'awaiting_waybill', pickup });

    const early = await fetchBytes(app, labelPath(defect.case.id), { token: defect.token });
    expect(early.status).toBe(409);
    expect(JSON.parse(Buffer.from(early.bytes).toString()).detail).toMatch(/not entered the waybill/);

    expect((await defect.as('PUT', path, { waybillNumber: 'JJD000390007' })).status).toBe(403);
    expect((await shop.api('PUT', path, { waybillNumber: 'has space' })).status).toBe(400);
    const typed = await shop.api('PUT', path, {
      waybillNumber: 'JJD000390007',
      pickupReference: 'DHL-PU-4711',
    });
    expect(typed.status).toBe(200);
    expect(typed.body).toMatchObject({
      state: 'issued',
      waybillNumber: 'JJD000390007',
      pickupReference: 'DHL-PU-4711',
    });
    expect((await shop.api('PUT', path, { waybillNumber: 'JJD000390007' })).status).toBe(200);
    expect((await shop.api('PUT', path, { waybillNumber: 'JJD000390008' })).status).toBe(409);

    const timeline = (await shop.api('GET', `/api/v1/cases/${defect.case.id}`)).body.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('case.return_waybill_issued');
    const pdf = await fetchBytes(app, labelPath(defect.case.id), { token: defect.token });
    expect(pdf.status).toBe(200);
    expect(pdfTexts(pdf.bytes)).toEqual(
      expect.arrayContaining(['JJD000390007', 'DHL RETOURE', 'Pick-up 2099-12-01 09:00-12:00 (DHL-PU-4711)']),
    );
  });

  it('will not give one waybill to two returns', async () => {
    const shop = await openReturnShop(app);
    await shop.api('POST', '/api/v1/return-carriers', {
      code: 'post',
      name: 'Post',
      adapter: 'manual',
      isDefault: true,
    });
    const first = await shop.noReason();
    const second = await shop.noReason();
    const put = (caseId: string) =>
      shop.api('PUT', `/api/v1/cases/${caseId}/return-shipment`, { waybillNumber: 'RR123456785DE' });
    expect((await put(first.case.id)).status).toBe(200);
    expect((await put(second.case.id)).status).toBe(409);
  });
});
