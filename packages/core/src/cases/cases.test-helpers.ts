import { expect } from 'vitest';
import type { Actor, CaseAction, CaseActionType } from './case-action.js';
import type { CaseStatus } from './case-status.js';
import type { CaseKind } from './kinds.js';
import { type CaseSnapshot, type TransitionResult, transition } from './transition.js';

export const AT = '2025-03-01T10:00:00.000Z';
export const customer: Actor = { type: 'customer', id: 'cus_1' };
export const agent: Actor = { type: 'agent', id: 'agt_1' };
export const system: Actor = { type: 'system', id: null };
export const integration: Actor = { type: 'integration', id: 'int_shop' };

/** An action that passes every guard, so only the machine decides; override to break one. */
export function act(type: CaseActionType, overrides: Partial<CaseAction> = {}): CaseAction {
  return { type, by: agent, at: AT, reason: 'because', data: { amountMinor: 1500 }, ...overrides };
}

export function snapshot(kind: CaseKind, status: CaseStatus, version = 1): CaseSnapshot {
  return { id: 'case_1', kind, status, version };
}

/** Runs actions from `submitted`, failing the test at the first refused one. */
export function run(
  kind: CaseKind,
  actions: CaseActionType[],
  from: CaseStatus = 'submitted',
): { status: CaseStatus; version: number } {
  let c = snapshot(kind, from, 0);
  for (const type of actions) {
    const result = transition(c, act(type));
    expectOk(result, `${kind}: ${c.status} --${type}-->`);
    c = { ...c, status: result.status, version: result.version };
  }
  return { status: c.status, version: c.version };
}

export function expectOk(
  result: TransitionResult,
  context = '',
): asserts result is Extract<TransitionResult, { ok: true }> {
  expect(result, context).toMatchObject({ ok: true });
}

export function expectError(
  result: TransitionResult,
): asserts result is Extract<TransitionResult, { ok: false }> {
  expect(result).toMatchObject({ ok: false });
}
