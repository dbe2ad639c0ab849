import { chooseReturnWarehouse, type Fee, type PostagePayer, returnPostagePayer } from '@afterdesk/core';
import type { Insertable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ReturnShipmentsTable } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import {
  type CarrierAnswer,
  carrierFor,
  type PickupWindow,
  type ReturnAddress,
} from '../../integrations/carriers/index.js';
import type { Services } from '../context.js';
import { AppError } from '../errors.js';

/** Who sends the parcel back, and what the policy decided about its postage. */
export interface ReturnParcel {
  customerId: string | null;
  storeId: string | null;
  /** The decision's fees: the return shipping fee's payer pays the postage. */
  fees: readonly Pick<Fee, 'code' | 'payer'>[] | null;
  pickup?: PickupWindow | null | undefined;
}

/** The warehouse's address kept on the shipment, as the label prints it. */
export type StoredReturnAddress = ReturnAddress & { warehouseId: string; consolidation: boolean };

/** A shipment row without its id, tenant and case: what the approving transaction writes. */
export type PlannedShipment = Omit<Insertable<ReturnShipmentsTable>, 'id' | 'tenant_id' | 'case_id'>;

// How long the job keeps asking a carrier that fails, before agents must step in.
const RETRY_WINDOW_MS = 24 * 3600_000;

/**
 * Chooses where a return goes and who carries it, inside the approving transaction and
 * without I/O beyond the database: the warehouse for the customer's country, that
 * warehouse's carrier or the tenant's default one (else the built-in self_ship), and the
 * postage payer. Carriers that answer at once (self_ship, manual) answer here; the others
 * are left `requested` for the return-shipment job.
 */
export async function planReturnShipment(
  services: Services,
  tx: Tx,
  parcel: ReturnParcel,
): Promise<PlannedShipment> {
  const { country, warehouses, carriers } = await returnSetUp(tx, parcel);
  const warehouse = chooseReturnWarehouse(
    warehouses.map((w) => ({ ...w, servesCountries: w.serves_countries, isDefault: w.is_default })),
    country,
  );
  const carrierRow = warehouse?.carrier_id
    ? carriers.find((c) => c.id === warehouse.carrier_id)
    : carriers.find((c) => c.is_default);
  const carrier = carrierFor(carrierRow ?? null, services);
  const pickup = parcel.pickup ?? null;
  if (pickup && !carrier.booksPickup)
    throw new AppError('unprocessable', `The carrier ${carrier.code} books no pick-ups.`, {
      errors: [
        { field: '/pickup', message: 'This return is shipped by the customer; leave the pick-up out.' },
      ],
    });
  if (pickup && pickup.from >= pickup.to)
    throw new AppError('unprocessable', 'The pick-up window ends before it starts.', {
      errors: [{ field: '/pickup/to', message: 'Must be later than from.' }],
    });
  const now = services.clock();
  if (pickup && pickup.date < now.toISOString().slice(0, 10))
    throw new AppError('unprocessable', 'A pick-up cannot be booked for a day that has passed.', {
      errors: [{ field: '/pickup/date', message: 'Must be today or later.' }],
    });
  const returnAddress: StoredReturnAddress | null = warehouse
    ? {
        warehouseId: warehouse.id,
        name: warehouse.name,
        addressLines: warehouse.address_lines,
        postalCode: warehouse.postal_code,
        city: warehouse.city,
        country: warehouse.country,
        consolidation: warehouse.consolidation,
      }
    : null;
  const postagePaidBy: PostagePayer = returnPostagePayer(parcel.fees);
  return {
    carrier: carrier.code,
    carrier_id: carrierRow?.id ?? null,
    warehouse_id: warehouse?.id ?? null,
    return_address: returnAddress ? JSON.stringify(returnAddress) : null,
    postage_paid_by: postagePaidBy,
    pickup: pickup ? JSON.stringify(pickup) : null,
    ...answerColumns(carrier.answerAtOnce(), now),
  };
}

/** The columns a carrier's answer sets; null means "ask it from the job". */
export function answerColumns(answer: CarrierAnswer | null, now: Date) {
  if (answer === null)
    return {
      state: 'requested',
      waybill_number: null,
      next_attempt_at: now,
      retry_until: new Date(now.getTime() + RETRY_WINDOW_MS),
    };
  switch (answer.kind) {
    case 'issued':
      return {
        state: 'issued',
        waybill_number: answer.waybillNumber,
        pickup_reference: answer.pickupReference,
        issued_at: now,
      };
    case 'awaiting_waybill':
      return { state: 'awaiting_waybill', waybill_number: null };
    case 'failed':
      return { state: 'failed', waybill_number: null, last_error: answer.error };
  }
}

// One round trip on the hot path of filing a case: the customer's own country (else their
// store's), and the tenant's warehouses and carriers, which are few.
async function returnSetUp(tx: Tx, parcel: ReturnParcel) {
  const row = await tx
    .selectNoFrom((eb) => [
      eb
        .selectFrom('customers')
        .select('country')
        .where('id', '=', parcel.customerId ?? NO_ID)
        .as('customer_country'),
      eb
        .selectFrom('stores')
        .select('country')
        .where('id', '=', parcel.storeId ?? NO_ID)
        .as('store_country'),
      jsonArrayFrom(
        eb
          .selectFrom('warehouses')
          .select([
            'id',
            'name',
            'address_lines',
            'postal_code',
            'city',
            'country',
            'serves_countries',
            'consolidation',
            'is_default',
            'carrier_id',
          ])
          .orderBy('created_at')
          .orderBy('id'),
      ).as('warehouses'),
      jsonArrayFrom(
        eb
          .selectFrom('return_carriers')
          .select([
            'id',
            'code',
            'adapter',
            'url',
            'secret',
            'waybill_pointer',
            'pickup_pointer',
            'is_default',
          ]),
      ).as('carriers'),
    ])
    .executeTakeFirstOrThrow();
  return {
    country: row.customer_country ?? row.store_country ?? null,
    warehouses: row.warehouses,
    carriers: row.carriers,
  };
}

// Matches no row: a uuid nobody is given.
const NO_ID = '00000000-0000-0000-0000-000000000000';
