import { sql } from 'kysely';
import type { Services } from '../app/context.js';
import type { StoredReturnAddress } from '../app/return-shipments/plan-return-shipment.js';
import {
  type ClaimedShipment,
  recordCarrierAnswer,
  type ShipmentOutcome,
} from '../app/return-shipments/record-carrier-answer.js';
import { inSystem, inTenant } from '../db/scope.js';
import {
  type CarrierAnswer,
  carrierFor,
  type PickupWindow,
  type ReturnShipmentRequest,
} from '../integrations/carriers/index.js';

export interface RequestReturnShipmentsOptions {
  /** Most shipments claimed in one run. Default 20. */
  batch?: number;
  /** Carrier requests in flight at once. Default 4. */
  concurrency?: number;
  /** The time the run treats as now. Default the services' clock. */
  now?: Date;
  /** Only this tenant's shipments (tests on a shared database, draining one shop by hand). */
  tenantId?: string;
}

export type RequestReturnShipmentsResult = Record<Exclude<ShipmentOutcome, 'gone'>, number>;

// A claimed shipment is hidden from other workers this long; a worker that dies between
// the request and recording it leaves it to be asked again (the shipment id is the
// carrier's idempotency key, so a carrier can answer the same waybill twice).
export const RETURN_SHIPMENT_LEASE_MS = 2 * 60_000;

/**
 * Asks carriers for the waybills of requested return shipments, across tenants. Claims
 * are leased in one short transaction (SKIP LOCKED) and each answer is written in its own,
 * so no transaction stays open during a carrier's request.
 */
export async function requestReturnShipments(
  services: Services,
  { batch = 20, concurrency = 4, now = services.clock(), tenantId }: RequestReturnShipmentsOptions = {},
): Promise<RequestReturnShipmentsResult> {
  const result: RequestReturnShipmentsResult = { issued: 0, retried: 0, failed: 0, awaiting_waybill: 0 };
  const claims = await claimDueShipments(services, batch, now, tenantId);
  let next = 0;
  const worker = async () => {
    for (let claim = claims[next++]; claim; claim = claims[next++]) {
      const answer = await askCarrier(services, claim);
      const outcome = await inTenant(services.db, claim.tenantId, (tx) =>
        recordCarrierAnswer(tx, claim, answer, now),
      );
      if (outcome !== 'gone') result[outcome] += 1;
      if (outcome === 'retried' || outcome === 'failed')
        services.log.warn({ shipmentId: claim.id, outcome }, 'return shipment: carrier request failed');
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claims.length) }, worker));
  return result;
}

async function claimDueShipments(
  services: Services,
  batch: number,
  now: Date,
  tenantId?: string,
): Promise<ClaimedShipment[]> {
  const { rows } = await inSystem(services.db, (tx) =>
    sql<{ id: string; tenant_id: string; case_id: string; attempts: number; retry_until: Date | null }>`
      with due as (
        select s.id from return_shipments s
        where s.state = 'requested' and s.next_attempt_at <= ${now}
          and (${tenantId ?? null}::uuid is null or s.tenant_id = ${tenantId ?? null}::uuid)
        order by s.next_attempt_at
        limit ${batch}
        for update skip locked
      )
      update return_shipments r set next_attempt_at = ${new Date(now.getTime() + RETURN_SHIPMENT_LEASE_MS)}
      from due where r.id = due.id
      returning r.id, r.tenant_id, r.case_id, r.attempts, r.retry_until`.execute(tx),
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    caseId: r.case_id,
    attempts: r.attempts,
    retryUntil: new Date(r.retry_until ?? now),
  }));
}

// Reads what the request needs in a short transaction of its own, then asks outside it.
async function askCarrier(services: Services, claim: ClaimedShipment): Promise<CarrierAnswer> {
  const loaded = await inTenant(services.db, claim.tenantId, async (tx) => {
    const row = await tx
      .selectFrom('return_shipments as s')
      .innerJoin('cases as c', 'c.id', 's.case_id')
      .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
      .leftJoin('return_carriers as rc', 'rc.id', 's.carrier_id')
      .select([
        's.id',
        's.return_address',
        's.postage_paid_by',
        's.pickup',
        'c.id as case_id',
        'c.number',
        'c.return_code',
        'cu.name',
        'cu.email',
        'cu.phone',
        'cu.country',
        'rc.code',
        'rc.adapter',
        'rc.url',
        'rc.secret',
        'rc.waybill_pointer',
        'rc.pickup_pointer',
      ])
      .where('s.id', '=', claim.id)
      .executeTakeFirst();
    const items = await tx
      .selectFrom('case_items')
      .select(['sku', 'quantity'])
      .where('case_id', '=', claim.caseId)
      .orderBy('id')
      .execute();
    return row ? { row, items } : null;
  });
  if (!loaded?.row.code || !loaded.row.adapter)
    return { kind: 'failed', error: 'The carrier connection of this shipment was removed.', retry: false };
  const { row, items } = loaded;
  const carrier = carrierFor({ ...row, code: row.code as string, adapter: row.adapter as string }, services);
  const to = parseJson<StoredReturnAddress>(row.return_address);
  const request: ReturnShipmentRequest = {
    shipmentId: row.id,
    tenantId: claim.tenantId,
    case: { id: row.case_id, number: Number(row.number), returnCode: row.return_code ?? '' },
    from: { name: row.name, email: row.email, phone: row.phone, country: row.country },
    to: to
      ? {
          name: to.name,
          addressLines: to.addressLines,
          postalCode: to.postalCode,
          city: to.city,
          country: to.country,
          consolidation: to.consolidation,
        }
      : null,
    postagePaidBy: row.postage_paid_by === 'merchant' ? 'merchant' : 'customer',
    pickup: parseJson<PickupWindow>(row.pickup),
    items: items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
  };
  return carrier.createShipment(request);
}

const parseJson = <T>(value: unknown): T | null =>
  value === null || value === undefined
    ? null
    : ((typeof value === 'string' ? JSON.parse(value) : value) as T);
