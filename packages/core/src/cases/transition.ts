import { CASE_EVENT_TYPES, type CaseAction, type CaseActionType, type CaseEvent } from './case-action.js';
import { checkGuard, type GuardCode } from './case-guards.js';
import type { CaseStatus } from './case-status.js';
import type { CaseKind } from './kinds.js';
import { machineOf } from './return-request.machine.js';

/** The part of a case the life cycle needs. `version` guards concurrent saves. */
export interface CaseSnapshot {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  version: number;
  /** The case's policy decision lets the customer keep the goods; see `machineOf`. */
  returnless?: boolean;
}

/** What, beyond kind and status, picks a case's machine. */
export type MachineOptions = Pick<CaseSnapshot, 'returnless'>;

/** Why a transition did not happen. Both carry what the caller may do instead. */
export type TransitionError =
  | {
      /** No such arrow in the kind's machine from this status. */
      code: 'illegal_transition';
      kind: CaseKind;
      from: CaseStatus;
      action: CaseActionType;
      allowed: CaseActionType[];
    }
  | {
      /** The arrow exists, but a domain rule (reason, actor, amount) was broken. */
      code: 'guard_failed';
      kind: CaseKind;
      from: CaseStatus;
      action: CaseActionType;
      guard: GuardCode;
      message: string;
      allowed: CaseActionType[];
    };

/** The new status and version to save, and the event to append, or why not. */
export type TransitionResult =
  | { ok: true; status: CaseStatus; version: number; event: CaseEvent }
  | { ok: false; error: TransitionError };

/**
 * The actions the kind's machine offers from this status, in table order. Actor rules
 * are not applied (e.g. `cancel` is listed even though only people may cancel).
 */
export function allowedActions(
  kind: CaseKind,
  status: CaseStatus,
  options: MachineOptions = {},
): CaseActionType[] {
  return Object.keys(machineOf(kind, options)[status] ?? {}) as CaseActionType[];
}

/** The status `action` leads to from `status` for this kind, or null when illegal. */
export function nextStatus(
  kind: CaseKind,
  status: CaseStatus,
  action: CaseActionType,
  options: MachineOptions = {},
): CaseStatus | null {
  return machineOf(kind, options)[status]?.[action] ?? null;
}

/**
 * Applies one action to a case. Pure: returns what to save (status, version + 1) and
 * the event to append; the caller saves with `version` as the optimistic lock.
 */
export function transition(c: CaseSnapshot, action: CaseAction): TransitionResult {
  const base = { kind: c.kind, from: c.status, action: action.type };
  const to = nextStatus(c.kind, c.status, action.type, c);
  if (to === null) {
    return {
      ok: false,
      error: { code: 'illegal_transition', ...base, allowed: allowedActions(c.kind, c.status, c) },
    };
  }
  const failure = checkGuard(action);
  if (failure !== null) {
    return {
      ok: false,
      error: { code: 'guard_failed', ...base, ...failure, allowed: allowedActions(c.kind, c.status, c) },
    };
  }
  const reason = action.reason?.trim();
  return {
    ok: true,
    status: to,
    version: c.version + 1,
    event: {
      type: CASE_EVENT_TYPES[action.type],
      caseId: c.id,
      from: c.status,
      to,
      action: action.type,
      actor: { ...action.by },
      at: action.at,
      reason: reason === undefined || reason === '' ? null : reason,
      // Copied so a caller mutating its input later cannot rewrite recorded history.
      data: { ...action.data },
    },
  };
}
