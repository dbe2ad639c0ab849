import {
  type Actor,
  type CaseActionType,
  type CaseEvent,
  type CaseSnapshot,
  isTerminal,
  transition,
} from '@afterdesk/core';
import { sql } from 'kysely';
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
  const row = eventRow(tenantId, events[0] as CaseEvent);
  const written = await tx
    .with('moved', (db) =>
      db
        .updateTable('cases')
        .set({
          status: next.status,
          version: next.version,
          updated_at: sql`now()`,
          ...(isTerminal(next.status) ? { closed_at: action.at } : {}),
          ...columns,
        })
        .where('id', '=', snapshot.id)
        .where('version', '=', snapshot.version)
        .returning('id'),
    )
    .insertInto('events')
    .columns(['tenant_id', 'stream', 'stream_id', 'type', 'actor_type', 'actor_id', 'reason', 'data'])
    .expression((eb) =>
      eb
        .selectFrom('moved')
        .select([
          sql<string>`${row.tenant_id}::uuid`.as('tenant_id'),
          sql<string>`${row.stream}`.as('stream'),
          'moved.id as stream_id',
          sql<string>`${row.type}`.as('type'),
          sql<string>`${row.actor_type}`.as('actor_type'),
          sql<string | null>`${row.actor_id}::text`.as('actor_id'),
          sql<string | null>`${row.reason}::text`.as('reason'),
          sql<string>`${JSON.stringify(row.data)}::jsonb`.as('data'),
        ]),
    )
    .returning('id')
    .execute();
  if (written.length === 0) {
    throw new AppError('version_conflict', 'The case was changed by someone else; reload it and try again.');
  }
  return next;
}
