import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../app/webhooks/webhook-signature.js';
import { type CarrierBridge, startCarrierBridge } from '../../testing/carrier-bridge.test-helpers.js';
import {
  GENERIC_CARRIER_REQUEST_TYPE,
  type GenericCarrierConfig,
  genericCarrier,
} from './generic.carrier.js';
import { describeReturnCarrier, sampleShipmentRequest } from './return-carrier.contract.js';

const SECRET = 'whsec_test_0123456789abcdef';
const NOW = new Date('2026-11-23T09:00:00Z');
let bridge: CarrierBridge;

beforeAll(async () => {
  bridge = await startCarrierBridge();
});
afterAll(() => bridge.close());

function carrier(overrides: Partial<GenericCarrierConfig> = {}, allowPrivate = true, timeoutMs = 2000) {
  return genericCarrier(
    {
      code: 'colissimo',
      url: bridge.url,
      secret: SECRET,
      waybillPointer: '/data/waybill',
      pickupPointer: '/data/pickup/ref',
      ...overrides,
    },
    { allowPrivate, clock: () => NOW, timeoutMs },
  );
}

describeReturnCarrier('generic', () => carrier());

describe('genericCarrier', () => {
  it('is never asked inside a transaction: it has no answer at once', () => {
    expect(carrier().answerAtOnce()).toBeNull();
  });

  it('POSTs the documented request, signed like a webhook, and reads waybill and pick-up by pointer', async () => {
    const before = bridge.requests.length;
    const request = sampleShipmentRequest(7, true);
    const answer = await carrier().createShipment(request);
    const got = bridge.requests[before];
    expect(answer).toEqual({
      kind: 'issued',
      waybillNumber: `CB${String(before + 1).padStart(6, '0')}`,
      pickupReference: `PU-${before + 1}`,
    });
    expect(got?.body).toEqual({ type: GENERIC_CARRIER_REQUEST_TYPE, ...request });
    expect(got?.headers['x-afterdesk-shipment']).toBe(request.shipmentId);
    const signature = String(got?.headers['x-afterdesk-signature']);
    expect(verifyWebhookSignature(SECRET, signature, got?.rawBody ?? '', NOW.getTime() / 1000)).toBe(true);
    expect(verifyWebhookSignature('whsec_other', signature, got?.rawBody ?? '', NOW.getTime() / 1000)).toBe(
      false,
    );
  });

  it('reads a numeric waybill as text, and no pick-up reference when none was asked for', async () => {
    bridge.answerNext(201, { result: [{ awb: 123456789 }], pickup: 'PU-9' });
    const answer = await carrier({
      waybillPointer: '/result/0/awb',
      pickupPointer: '/pickup',
    }).createShipment(sampleShipmentRequest(8));
    expect(answer).toEqual({ kind: 'issued', waybillNumber: '123456789', pickupReference: null });
  });

  it('retries server errors, time-outs and rate limits, but not refusals', async () => {
    bridge.answerNext(503, 'maintenance');
    expect(await carrier().createShipment(sampleShipmentRequest())).toMatchObject({
      kind: 'failed',
      retry: true,
      error: 'HTTP 503: maintenance',
    });
    bridge.answerNext(429, { error: 'slow down' });
    expect(await carrier().createShipment(sampleShipmentRequest())).toMatchObject({
      kind: 'failed',
      retry: true,
    });
    bridge.answerNext(422, { error: 'postal code unknown' });
    expect(await carrier().createShipment(sampleShipmentRequest())).toMatchObject({
      kind: 'failed',
      retry: false,
      error: expect.stringContaining('postal code unknown'),
    });
    bridge.delay(300);
    try {
      expect(await carrier({}, true, 50).createShipment(sampleShipmentRequest())).toEqual({
        kind: 'failed',
        retry: true,
        error: 'No answer within 50 ms',
      });
    } finally {
      bridge.delay(0);
    }
  });

  it('fails without retry when the answer holds no usable waybill where the pointer says', async () => {
    bridge.answerNext(200, '<html>ok</html>');
    expect(await carrier().createShipment(sampleShipmentRequest())).toMatchObject({
      kind: 'failed',
      retry: false,
      error: expect.stringContaining('not JSON'),
    });
    bridge.answerNext(200, { data: { tracking: 'X' } });
    expect(await carrier().createShipment(sampleShipmentRequest())).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('/data/waybill'),
    });
    bridge.answerNext(200, { data: { waybill: 'has spaces and ; semicolons' } });
    expect(await carrier().createShipment(sampleShipmentRequest())).toMatchObject({
      kind: 'failed',
      retry: false,
    });
  });

  it('refuses a loopback URL unless private addresses are allowed, without calling it', async () => {
    const before = bridge.requests.length;
    const answer = await carrier({}, false).createShipment(sampleShipmentRequest());
    expect(answer).toMatchObject({ kind: 'failed', retry: false });
    expect(bridge.requests.length).toBe(before);
  });

  it('retries when nothing listens at the URL', async () => {
    const closed = await closedPort();
    const answer = await carrier({ url: `http://127.0.0.1:${closed}/returns` }).createShipment(
      sampleShipmentRequest(),
    );
    expect(answer).toMatchObject({
      kind: 'failed',
      retry: true,
      error: expect.stringMatching(/^Connection failed/),
    });
  });
});

// A port that was just free: listened on, then closed again.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}
