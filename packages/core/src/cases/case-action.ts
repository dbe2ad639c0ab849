import type { CaseStatus } from './case-status.js';

/** Every action that can move a case from one status to another. */
export const CASE_ACTION_TYPES = [
  'start_review',
  'request_info',
  'provide_info',
  'approve',
  'reject',
  'issue_label',
  'ship',
  'receive',
  'pass_inspection',
  'fail_inspection',
  'refuse',
  'settle',
  'refund',
  'ship_replacement',
  'complete_repair',
  'close',
  'cancel',
  'solve',
  'reopen',
  'merge',
  'negotiate',
  'refer_to_arbitration',
  'decide',
  'appeal',
  'record_mediation',
] as const;
/** One action of the case life cycle. */
export type CaseActionType = (typeof CASE_ACTION_TYPES)[number];

/** Who did it. `id` is null for the system itself and for anonymous integrations. */
export interface Actor {
  type: 'customer' | 'agent' | 'system' | 'integration';
  id: string | null;
}

/**
 * A request to move a case. `at` is the ISO time the shell read from its clock; the
 * core never reads one. `data` travels unchanged into the event (e.g. `amountMinor` for
 * `settle`, `alternatives` offered with `reject`, `waybillNumber` with `issue_label`).
 */
export interface CaseAction {
  type: CaseActionType;
  by: Actor;
  at: string;
  reason?: string;
  data?: Record<string, unknown>;
}

/**
 * The event each action records, in the past tense. These names are public: webhooks,
 * notifications and the timeline key on them, so renaming one is a breaking change.
 */
export const CASE_EVENT_TYPES = {
  start_review: 'case.review_started',
  request_info: 'case.info_requested',
  provide_info: 'case.info_provided',
  approve: 'case.approved',
  reject: 'case.rejected',
  issue_label: 'case.label_issued',
  ship: 'case.shipped',
  receive: 'case.received',
  pass_inspection: 'case.inspection_passed',
  fail_inspection: 'case.inspection_failed',
  refuse: 'case.refused',
  settle: 'case.settled',
  refund: 'case.refunded',
  ship_replacement: 'case.replacement_shipped',
  complete_repair: 'case.repaired',
  close: 'case.closed',
  cancel: 'case.cancelled',
  solve: 'case.solved',
  reopen: 'case.reopened',
  merge: 'case.merged',
  negotiate: 'case.negotiation_started',
  refer_to_arbitration: 'case.referred_to_arbitration',
  decide: 'case.dispute_decided',
  appeal: 'case.appealed',
  record_mediation: 'case.mediation_recorded',
} as const satisfies Record<CaseActionType, `case.${string}`>;
/** The name of a life-cycle event, e.g. `case.approved`. */
export type CaseEventType = (typeof CASE_EVENT_TYPES)[CaseActionType];

/** What happened, as appended to the event log (timeline, audit, outbox). */
export interface CaseEvent {
  type: CaseEventType;
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  action: CaseActionType;
  actor: Actor;
  at: string;
  reason: string | null;
  data: Record<string, unknown>;
}
