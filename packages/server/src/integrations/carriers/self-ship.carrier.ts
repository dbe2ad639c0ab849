import { generateWaybillNumber, WAYBILL_BYTES_NEEDED } from '@afterdesk/core';
import type { CarrierAnswer, ReturnCarrier } from './return-carrier.js';

/** The built-in carrier: the customer ships the parcel themselves, under a waybill Afterdesk draws. */
export const SELF_SHIP_CARRIER = 'self_ship';

/** Draws the waybill at once from `randomBytes`; books no pick-up (there is nobody to send). */
export function selfShipCarrier(randomBytes: (size: number) => Uint8Array): ReturnCarrier {
  const answerAtOnce = (): CarrierAnswer => ({
    kind: 'issued',
    waybillNumber: generateWaybillNumber(randomBytes(WAYBILL_BYTES_NEEDED)),
    pickupReference: null,
  });
  return {
    code: SELF_SHIP_CARRIER,
    booksPickup: false,
    answerAtOnce,
    createShipment: async () => answerAtOnce(),
  };
}
