import { type Actor, type CaseActionType, type CaseSnapshot, isTerminal, transition } from '@afterdesk/core';
import { updateCase } from '../../db/repositories/cases.repository.js';
import { appendEvents } from '../../db/repositories/events.repository.js';
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
 * The only way a case changes status: the machine decides, the row is written only if
 * its version is still the one read (else 409), and the transition becomes an event.
 */
export async function advanceCase(
  tx: Tx,
  tenantId: string,
  snapshot: CaseSnapshot,
  action: Advance,
  columns: { return_code?: string } = {},
): Promise<CaseSnapshot> {
  const result = transition(snapshot, { ...action, data: action.data ?? {} });
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
  const saved = await updateCase(tx, snapshot.id, snapshot.version, {
    status: result.status,
    version: result.version,
    ...(isTerminal(result.status) ? { closed_at: action.at } : {}),
    ...columns,
  });
  if (!saved) {
    throw new AppError('version_conflict', 'The case was changed by someone else; reload it and try again.');
  }
  const e = result.event;
  await appendEvents(tx, [
    {
      tenant_id: tenantId,
      stream: 'case',
      stream_id: snapshot.id,
      type: e.type,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      reason: e.reason,
      data: { from: e.from, to: e.to, ...e.data },
    },
  ]);
  return { ...snapshot, status: result.status, version: result.version };
}
