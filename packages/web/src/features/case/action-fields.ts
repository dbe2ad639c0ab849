/** What an action asks of the agent before it is sent (the domain guards of case-guards.ts). */
export interface ActionFields {
  reason?: 'required' | 'optional';
  /** The label of the reason field, when "reason" says too little (request info: what is needed). */
  reasonLabel?: string;
  amount?: 'required' | 'optional';
  group?: boolean;
  mediator?: boolean;
  carrier?: boolean;
  mergeTarget?: boolean;
  /** Shows the refundable amount and asks to confirm. */
  refund?: boolean;
  inspection?: 'passed' | 'failed';
}

export const ACTION_FIELDS: Record<string, ActionFields> = {
  reject: { reason: 'required' },
  request_info: { reason: 'required', reasonLabel: 'actions.infoNeeded' },
  refuse: { reason: 'required' },
  appeal: { reason: 'required' },
  decide: { reason: 'required', reasonLabel: 'actions.decision', amount: 'optional' },
  settle: { amount: 'required', reason: 'optional' },
  refer_to_arbitration: { group: true, reason: 'optional' },
  record_mediation: { mediator: true, reason: 'required', reasonLabel: 'actions.mediationOutcome' },
  merge: { mergeTarget: true, reason: 'optional' },
  ship_replacement: { carrier: true },
  ship: { carrier: true },
  issue_label: { carrier: true },
  refund: { refund: true },
  cancel: { reason: 'optional' },
  close: { reason: 'optional' },
  pass_inspection: { inspection: 'passed' },
  fail_inspection: { inspection: 'failed' },
};

/** The order the buttons stand in: the step forward first, the way out last. */
export const ACTION_ORDER = [
  'start_review',
  'approve',
  'request_info',
  'provide_info',
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
  'negotiate',
  'refer_to_arbitration',
  'record_mediation',
  'decide',
  'appeal',
  'solve',
  'reopen',
  'merge',
  'close',
  'cancel',
];
