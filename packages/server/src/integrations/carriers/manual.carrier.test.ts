import { describe, expect, it } from 'vitest';
import { manualCarrier } from './manual.carrier.js';
import { describeReturnCarrier, sampleShipmentRequest } from './return-carrier.contract.js';

describeReturnCarrier('manual', () => manualCarrier('dhl-desk'));

describe('manualCarrier', () => {
  it('waits for the merchant to type the waybill, and records pick-ups for them to book', async () => {
    const carrier = manualCarrier('dhl-desk');
    expect(carrier.answerAtOnce()).toEqual({ kind: 'awaiting_waybill' });
    expect(await carrier.createShipment(sampleShipmentRequest(1, true))).toEqual({
      kind: 'awaiting_waybill',
    });
    expect(carrier.booksPickup).toBe(true);
  });
});
