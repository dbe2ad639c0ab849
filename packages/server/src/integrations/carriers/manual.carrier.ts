import type { CarrierAnswer, ReturnCarrier } from './return-carrier.js';

/**
 * A carrier the merchant deals with outside Afterdesk: they book the parcel (and any
 * pick-up the customer asked for, which the shipment records for them) and type the
 * waybill in with PUT /cases/:id/return-shipment.
 */
export function manualCarrier(code: string): ReturnCarrier {
  const answerAtOnce = (): CarrierAnswer => ({ kind: 'awaiting_waybill' });
  return { code, booksPickup: true, answerAtOnce, createShipment: async () => answerAtOnce() };
}
