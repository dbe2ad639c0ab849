import type { CaseActionType } from './case-action.js';
import type { CaseStatus } from './case-status.js';
import type { ReturnKind } from './kinds.js';

/** One kind's life cycle as data: status → action → next status. A missing entry is illegal. */
export type MachineTable = {
  readonly [S in CaseStatus]?: { readonly [A in CaseActionType]?: CaseStatus };
};

// The parts every kind shares are written once so the four diagrams cannot drift apart;
// each kind below then reads top to bottom as its own diagram.

// review pauses while the customer is asked for more, and resumes when they answer.
// `submitted` may be decided at once by the policy engine (R-5.4, no human review).
// Cancel is open until the parcel leaves the customer: after that the goods are with the
// carrier or the warehouse, and undoing the case needs a person, not a button.
const REVIEW = {
  submitted: {
    start_review: 'under_review',
    request_info: 'pending_info',
    approve: 'approved',
    reject: 'rejected',
    cancel: 'cancelled',
  },
  under_review: {
    request_info: 'pending_info',
    approve: 'approved',
    reject: 'rejected',
    cancel: 'cancelled',
  },
  pending_info: { provide_info: 'under_review', cancel: 'cancelled' },
  rejected: { close: 'closed' },
} as const satisfies MachineTable;

// the label (return code + waybill) is issued, the parcel travels (or simply
// arrives, when the customer used an untracked post) and is inspected.
// A failed inspection is either refused (goods sent back, case closed) or settled with a
// negotiated refund, whatever the kind.
const PARCEL_BACK = {
  approved: { issue_label: 'awaiting_return', cancel: 'cancelled' },
  awaiting_return: { ship: 'in_transit', receive: 'received', cancel: 'cancelled' },
  in_transit: { receive: 'received' },
  received: { pass_inspection: 'inspection_passed', fail_inspection: 'inspection_failed' },
  inspection_failed: { refuse: 'closed', settle: 'refunded' },
  refunded: { close: 'closed' },
} as const satisfies MachineTable;

const TERMINAL = { closed: {}, cancelled: {} } as const satisfies MachineTable;

/** Return: the goods come back and the money goes out. */
export const RETURN_MACHINE: MachineTable = {
  ...REVIEW,
  ...PARCEL_BACK,
  inspection_passed: { refund: 'refunded' },
  ...TERMINAL,
};

/** Exchange: the goods come back and a replacement goes out. */
export const EXCHANGE_MACHINE: MachineTable = {
  ...REVIEW,
  ...PARCEL_BACK,
  inspection_passed: { ship_replacement: 'replacement_shipped' },
  replacement_shipped: { close: 'closed' },
  ...TERMINAL,
};

/** Repair: the goods come back, are repaired and (outside this machine) sent home. */
export const REPAIR_MACHINE: MachineTable = {
  ...REVIEW,
  ...PARCEL_BACK,
  inspection_passed: { complete_repair: 'repaired' },
  repaired: { close: 'closed' },
  ...TERMINAL,
};

/** Refund only: nothing travels, so approval leads straight to the refund. */
export const REFUND_ONLY_MACHINE: MachineTable = {
  ...REVIEW,
  approved: { refund: 'refunded', cancel: 'cancelled' },
  refunded: { close: 'closed' },
  ...TERMINAL,
};

/** The machine of each return kind. */
export const CASE_MACHINES: Readonly<Record<ReturnKind, MachineTable>> = {
  return: RETURN_MACHINE,
  exchange: EXCHANGE_MACHINE,
  repair: REPAIR_MACHINE,
  refund_only: REFUND_ONLY_MACHINE,
};
