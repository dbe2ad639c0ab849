import type { CaseAction, CaseActionType } from './case-action.js';

/**
 * Why a legal action was still refused. Stable codes: the server maps each to a
 * user message; the `message` beside it is for developers.
 */
export type GuardCode = 'reason_required' | 'actor_not_allowed' | 'amount_invalid' | 'data_invalid';

/** A domain rule the action broke. Permissions are not checked here: the server does that. */
export interface GuardFailure {
  guard: GuardCode;
  message: string;
}

type Guard = (action: CaseAction) => GuardFailure | null;

/** The groups that arbitrate complex disputes. */
export const ARBITRATION_GROUPS = ['legal', 'service', 'product'] as const;
export type ArbitrationGroup = (typeof ARBITRATION_GROUPS)[number];

const isAmount = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function requireReason(purpose: string): Guard {
  return (action) =>
    action.reason !== undefined && action.reason.trim() !== ''
      ? null
      : { guard: 'reason_required', message: `${action.type} needs a reason: ${purpose}` };
}

// Domain rules only. Each is something that would make the case itself wrong, whoever
// asked: a customer told "no" without being told why (R-5.3), a request for "more
// information" that does not say which.
const GUARDS: Partial<Record<CaseActionType, Guard>> = {
  reject: requireReason('why the request is rejected (R-5.3)'),
  request_info: requireReason('what information the customer must provide'),
  refuse: requireReason('why the goods failed and are sent back'),
  // The system never cancels on its own: a case dropped without a person deciding would
  // look, to the customer, like a lost request.
  cancel: (action) =>
    action.by.type === 'customer' || action.by.type === 'agent'
      ? null
      : {
          guard: 'actor_not_allowed',
          message: `cancel is done by a customer or an agent, not ${action.by.type}`,
        },
  // A settlement is a negotiated amount of money: it must be one, in minor units.
  settle: (action) =>
    isAmount(action.data?.amountMinor)
      ? null
      : { guard: 'amount_invalid', message: 'settle needs data.amountMinor, a non-negative integer' },
  // A decision is written (R-10.2: the plan is told to the customer); compensation, when
  // there is any, is money and flows into the refund record.
  decide: (action) =>
    requireReason('the written decision')(action) ??
    (action.data?.compensationMinor === undefined || isAmount(action.data.compensationMinor)
      ? null
      : {
          guard: 'amount_invalid',
          message: 'decide: data.compensationMinor must be a non-negative integer',
        }),
  appeal: requireReason('why the decision is appealed'),
  refer_to_arbitration: (action) =>
    (ARBITRATION_GROUPS as readonly unknown[]).includes(action.data?.group)
      ? null
      : {
          guard: 'data_invalid',
          message: `refer_to_arbitration needs data.group, one of ${ARBITRATION_GROUPS.join(', ')}`,
        },
  record_mediation: (action) =>
    typeof action.data?.mediator === 'string' && action.data.mediator.trim() !== ''
      ? requireReason('what the mediation concluded')(action)
      : { guard: 'data_invalid', message: 'record_mediation needs data.mediator, who mediated' },
  merge: (action) =>
    typeof action.data?.intoCaseId === 'string'
      ? null
      : { guard: 'data_invalid', message: 'merge needs data.intoCaseId, the case that carries on' },
};

/** The first domain rule `action` breaks, or null when it breaks none. */
export function checkGuard(action: CaseAction): GuardFailure | null {
  return GUARDS[action.type]?.(action) ?? null;
}
