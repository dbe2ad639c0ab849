import {
  type Actor,
  type CaseActionType,
  type CaseEvent,
  type CaseSnapshot,
  isTerminal,
  transition,
} from '@afterdesk/core';
import { moveCase } from '../../db/repositories/cases.repository.js';
import type { NewEvent } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { AppError } from '../errors.js';

export interface Advance {
  type: CaseActionType;
  by: Actor;
  at: string;
  reason?: string | undefined;
  data?: Record<string, unknown>;
}

/**
 * Runs steps through the life-cycle machine in memory: the resulting snapshot and one
 * event per step, or the machine's refusal as a 409/422. Nothing is written here.
 */
export function planTransitions(
  start: CaseSnapshot,
  steps: Advance[],
): { snapshot: CaseSnapshot; events: CaseEvent[] } {
  let snapshot = start;
  const events: CaseEvent[] = [];
  for (const step of steps) {
    const result = transition(snapshot, { ...step, data: step.data ?? {} });
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'illegal_transition') {
        throw new AppError(
          'illegal_transition',
          `A ${error.kind} case that is ${error.from} cannot ${error.action}. Allowed: ${error.allowed.join(', ') || 'nothing'}.`,
          { allowedActions: error.allowed },
        );
      }
      throw new AppError('unprocessable', error.message, { allowedActions: error.allowed });
    }
    snapshot = { ...snapshot, status: result.status, version: result.version };
    events.push(result.event);
  }
  return { snapshot, events };
}

/** A machine event as a row of the event log. */
export function eventRow(tenantId: string, e: CaseEvent): NewEvent {
  return {
    tenant_id: tenantId,
    stream: 'case',
    stream_id: e.caseId,
    type: e.type,
    actor_type: e.actor.type,
    actor_id: e.actor.id,
    reason: e.reason,
    data: { from: e.from, to: e.to, ...e.data },
  };
}

/**
 * The only way an existing case changes status: the machine decides, and ONE statement
 * writes the row — only if its version is still the one read (else 409) — and the event.
 */
export async function advanceCase(
  tx: Tx,
  tenantId: string,
  snapshot: CaseSnapshot,
  action: Advance,
  columns: { return_code?: string } = {},
): Promise<CaseSnapshot> {
  const { snapshot: next, events } = planTransitions(snapshot, [action]);
  const moved = await moveCase(
    tx,
    snapshot.id,
    snapshot.version,
    {
      status: next.status,
      version: next.version,
      ...(isTerminal(next.status) ? { closed_at: action.at } : {}),
      ...columns,
    },
    eventRow(tenantId, events[0] as CaseEvent),
  );
  if (!moved) {
    throw new AppError('version_conflict', 'The case was changed by someone else; reload it and try again.');
  }
  return next;
}
