import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeReturnCarrier, sampleShipmentRequest } from './return-carrier.contract.js';
import { SELF_SHIP_CARRIER, selfShipCarrier } from './self-ship.carrier.js';

describeReturnCarrier('self_ship', () => selfShipCarrier((size) => randomBytes(size)));

describe('selfShipCarrier', () => {
  it('draws an Afterdesk waybill at once, inside the approving transaction, from the bytes given', async () => {
    const carrier = selfShipCarrier((size) => new Uint8Array(size).fill(7));
    expect(carrier.code).toBe(SELF_SHIP_CARRIER);
    expect(carrier.answerAtOnce()).toEqual({
      kind: 'issued',
      waybillNumber: expect.stringMatching(/^AD\d{11}$/),
      pickupReference: null,
    });
    expect(await carrier.createShipment(sampleShipmentRequest())).toEqual(carrier.answerAtOnce());
  });

  it('books no pick-up: the customer takes the parcel to a carrier of their choice', () => {
    expect(selfShipCarrier((size) => randomBytes(size)).booksPickup).toBe(false);
  });
});
