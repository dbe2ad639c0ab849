import { genericCarrier } from './generic.carrier.js';
import { manualCarrier } from './manual.carrier.js';
import type { ReturnCarrier } from './return-carrier.js';
import { SELF_SHIP_CARRIER, selfShipCarrier } from './self-ship.carrier.js';

export { GENERIC_CARRIER_REQUEST_TYPE } from './generic.carrier.js';
export type * from './return-carrier.js';
export { SELF_SHIP_CARRIER } from './self-ship.carrier.js';

/** A tenant's carrier connection as stored (table return_carriers). */
export interface CarrierRow {
  code: string;
  adapter: string;
  url: string | null;
  secret: string | null;
  waybill_pointer: string | null;
  pickup_pointer: string | null;
}

export interface CarrierDeps {
  randomBytes: (size: number) => Uint8Array;
  clock: () => Date;
  config: { webhooksAllowPrivate: boolean };
}

/** The adapter for a stored connection; the built-in self_ship carrier when there is none. */
export function carrierFor(row: CarrierRow | null, deps: CarrierDeps): ReturnCarrier {
  if (!row) return selfShipCarrier(deps.randomBytes);
  if (row.adapter === 'manual') return manualCarrier(row.code);
  if (row.adapter === 'generic' && row.url && row.secret && row.waybill_pointer)
    return genericCarrier(
      {
        code: row.code,
        url: row.url,
        secret: row.secret,
        waybillPointer: row.waybill_pointer,
        pickupPointer: row.pickup_pointer,
      },
      { allowPrivate: deps.config.webhooksAllowPrivate, clock: deps.clock },
    );
  // The table's checks make this unreachable; a new adapter kind must be added above.
  throw new Error(`Unknown carrier adapter ${row.adapter} for ${row.code}`);
}

export const isSelfShip = (code: string) => code === SELF_SHIP_CARRIER;
