/** A postal address on a return label. */
export interface ReturnAddress {
  name: string;
  addressLines: string[];
  postalCode: string | null;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** A pick-up the customer asked for: a local date and a time window (HH:MM). */
export interface PickupWindow {
  date: string;
  from: string;
  to: string;
}

/** What Afterdesk asks a carrier for: one return parcel from a customer to a warehouse. */
export interface ReturnShipmentRequest {
  /** Afterdesk's id of the shipment; the same on every retry, so a carrier can deduplicate. */
  shipmentId: string;
  tenantId: string;
  case: { id: string; number: number; returnCode: string };
  from: { name: string | null; email: string | null; phone: string | null; country: string | null };
  /** The warehouse's address, or null when the tenant has set up no warehouse for it. */
  to: (ReturnAddress & { consolidation: boolean }) | null;
  postagePaidBy: 'merchant' | 'customer';
  pickup: PickupWindow | null;
  items: { sku: string; quantity: number }[];
}

/** The carrier's answer to a request. */
export type CarrierAnswer =
  /** A waybill to print; `pickupReference` when a pick-up was asked for and booked. */
  | { kind: 'issued'; waybillNumber: string; pickupReference: string | null }
  /** Nothing to print yet: a person types the waybill in (the manual carrier). */
  | { kind: 'awaiting_waybill' }
  /** Refused or unreachable; `retry` when trying again later may help. */
  | { kind: 'failed'; error: string; retry: boolean };

/**
 * A way to get a return waybill. A carrier that is asked over the network answers
 * `answerAtOnce` with null, and the return-shipment job calls `createShipment` later,
 * never inside the transaction that approves a case: a slow carrier must not hold a case's
 * row lock, and a rolled-back approval must not leave a booked parcel behind. The others
 * answer at once, inside that transaction, with no I/O.
 */
export interface ReturnCarrier {
  /** The code stored on the shipment ('self_ship' or the tenant's carrier code). */
  readonly code: string;
  /** Whether a pick-up can be asked for with the shipment. */
  readonly booksPickup: boolean;
  /** The answer without I/O, inside the approving transaction; null: ask `createShipment` later. */
  answerAtOnce(): CarrierAnswer | null;
  /** Asks for a waybill (and the pick-up in the request, if any). Never throws: failures are answers. */
  createShipment(request: ReturnShipmentRequest): Promise<CarrierAnswer>;
}
