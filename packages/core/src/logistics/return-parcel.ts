import type { CaseActionType } from '../cases/case-action.js';
import type { CaseStatus } from '../cases/case-status.js';
import type { ShipmentStatus } from './shipment-state.js';

/** The two steps a carrier's scan of a return parcel can take its case through. */
export type ReturnParcelStep = Extract<CaseActionType, 'ship' | 'receive'>;

/**
 * The case step a scan of its return parcel means, or null when it changes nothing: any
 * scan before delivery says the carrier has the parcel (`ship`, once), and delivery says it
 * reached the warehouse (`receive`, from waiting or in transit). A case already further
 * on is never moved back, so repeated and late scans are harmless.
 */
export function returnParcelStep(caseStatus: CaseStatus, scan: ShipmentStatus): ReturnParcelStep | null {
  if (scan === 'delivered')
    return caseStatus === 'awaiting_return' || caseStatus === 'in_transit' ? 'receive' : null;
  return caseStatus === 'awaiting_return' ? 'ship' : null;
}
