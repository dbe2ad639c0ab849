import type { CaseActionType } from './case-action.js';
import type { CaseStatus } from './case-status.js';
import type { CaseKind } from './kinds.js';

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

/**
 * Return whose decision lets the customer keep the goods ("keep it": the label would cost
 * more than they are worth): approval leads straight to the refund, as for refund only.
 * An agent who wants the goods after all may still issue a label, and the case then runs
 * as any return.
 */
export const RETURNLESS_RETURN_MACHINE: MachineTable = {
  ...RETURN_MACHINE,
  approved: { ...PARCEL_BACK.approved, refund: 'refunded' },
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

// A conversation (inquiry, complaint, logistics question) is open until an agent solves
// it; the customer's reply reopens a solved one within the tenant's reopen period,
// and a duplicate is merged into the case that carries on. A merged or closed case is over.
const CONVERSATION = {
  open: { request_info: 'pending_info', solve: 'solved', merge: 'closed', close: 'closed' },
  pending_info: { provide_info: 'open', solve: 'solved', merge: 'closed', close: 'closed' },
  solved: { reopen: 'open', merge: 'closed', close: 'closed' },
  closed: {},
} as const satisfies MachineTable;

/** Inquiry, complaint, logistics question: answered in a conversation. */
export const CONVERSATION_MACHINE: MachineTable = CONVERSATION;

// submission with evidence → review → negotiation → plan (a written decision) →
// execution → result. Complex disputes go to the arbitration group. A decision
// may be appealed once: the appeal's decision has no `appeal` arrow, so a second appeal
// is illegal by construction. Third-party mediation is recorded where it can happen,
// without moving the case.
/** Dispute: evidence, review, negotiation, arbitration, a decision and one appeal. */
export const DISPUTE_MACHINE: MachineTable = {
  open: { start_review: 'under_review', request_info: 'pending_info', merge: 'closed', close: 'closed' },
  pending_info: { provide_info: 'under_review', close: 'closed' },
  under_review: {
    request_info: 'pending_info',
    negotiate: 'negotiation',
    refer_to_arbitration: 'in_arbitration',
    decide: 'decided',
    record_mediation: 'under_review',
  },
  negotiation: {
    request_info: 'pending_info',
    refer_to_arbitration: 'in_arbitration',
    decide: 'decided',
    record_mediation: 'negotiation',
  },
  in_arbitration: { decide: 'decided', record_mediation: 'in_arbitration' },
  decided: { appeal: 'appealed', close: 'closed', record_mediation: 'decided' },
  appealed: { decide: 'appeal_decided', record_mediation: 'appealed' },
  appeal_decided: { close: 'closed', record_mediation: 'appeal_decided' },
  closed: {},
};

/** The machine of each case kind. */
export const CASE_MACHINES: Readonly<Record<CaseKind, MachineTable>> = {
  return: RETURN_MACHINE,
  exchange: EXCHANGE_MACHINE,
  repair: REPAIR_MACHINE,
  refund_only: REFUND_ONLY_MACHINE,
  inquiry: CONVERSATION_MACHINE,
  complaint: CONVERSATION_MACHINE,
  logistics: CONVERSATION_MACHINE,
  dispute: DISPUTE_MACHINE,
};

/**
 * The machine one case runs on: its kind's, except that a return whose decision was
 * returnless runs on `RETURNLESS_RETURN_MACHINE`. Other kinds ignore the flag: refund only
 * already sends nothing back, and an exchange or a repair needs the goods.
 */
export function machineOf(
  kind: CaseKind,
  { returnless = false }: { returnless?: boolean } = {},
): MachineTable {
  return kind === 'return' && returnless ? RETURNLESS_RETURN_MACHINE : CASE_MACHINES[kind];
}
