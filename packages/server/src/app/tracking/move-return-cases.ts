import {
  type Actor,
  type CaseStatus,
  compareTrackingUpdates,
  returnParcelStep,
  type ShipmentStatus,
} from '@afterdesk/core';
import type { Tx } from '../../db/scope.js';
import { refundOnFirstScan } from '../refunds/refund-on-first-scan.js';
import { lockCase, stepReturnCase } from '../warehouse/step-return-case.js';

/** A return parcel a carrier may report on: named by its waybill or the customer's tracking number. */
export interface ReturnParcel {
  caseId: string;
  number: string;
}

/** One fresh carrier event about a return parcel. */
export interface ReturnScan {
  index: number;
  status: ShipmentStatus;
  occurredAt: Date;
  carrier: string;
  trackingNumber: string;
  location: string | null;
}

const SYSTEM: Actor = { type: 'system', id: null };

/** The tenant's return shipments carrying any of these numbers, by number. */
export async function findReturnParcels(
  tx: Tx,
  tenantId: string,
  numbers: string[],
): Promise<Map<string, ReturnParcel>> {
  const found = new Map<string, ReturnParcel>();
  if (numbers.length === 0) return found;
  const rows = await tx
    .selectFrom('return_shipments')
    .select(['case_id', 'waybill_number', 'tracking_number'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('waybill_number', 'in', numbers), eb('tracking_number', 'in', numbers)]))
    .execute();
  const wanted = new Set(numbers);
  for (const r of rows)
    for (const number of [r.waybill_number, r.tracking_number])
      if (number && wanted.has(number)) found.set(number, { caseId: r.case_id, number });
  return found;
}

/**
 * Moves return cases by their parcel's scans: the first scan ships the case, the
 * delivery receives it at the warehouse, each through the machine as the system, in the
 * machine's order of events. A scan that would not move the case on is `stale`. The first
 * scan may refund a trusted customer at once (`refundOnFirstScan`).
 */
export async function moveReturnCases(
  tx: Tx,
  scans: ReturnScan[],
  parcels: Map<string, ReturnParcel>,
  now: Date,
): Promise<Map<number, 'applied' | 'stale'>> {
  const outcomes = new Map<number, 'applied' | 'stale'>();
  const byCase = new Map<string, ReturnScan[]>();
  for (const scan of scans) {
    const caseId = parcels.get(scan.trackingNumber)?.caseId;
    if (!caseId) continue;
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), scan]);
  }
  for (const [caseId, mine] of byCase) {
    let row = await lockCase(tx, caseId);
    for (const scan of [...mine].sort((a, b) => compareTrackingUpdates(a, b) || a.index - b.index)) {
      const step = row ? returnParcelStep(row.status as CaseStatus, scan.status) : null;
      if (!row || !step) {
        outcomes.set(scan.index, 'stale');
        continue;
      }
      row = await stepReturnCase(tx, row, {
        type: step,
        by: SYSTEM,
        at: now,
        parcelAt: scan.occurredAt,
        reason:
          step === 'ship'
            ? 'The carrier scanned the return parcel.'
            : 'The carrier delivered the return parcel to the warehouse.',
        data: {
          carrier: scan.carrier,
          trackingNumber: scan.trackingNumber,
          occurredAt: scan.occurredAt.toISOString(),
          location: scan.location,
        },
      });
      if (step === 'ship') await refundOnFirstScan(tx, row, now);
      outcomes.set(scan.index, 'applied');
    }
  }
  return outcomes;
}
