import { appendEvents } from '../db/repositories/events.repository.js';
import type { Tx } from '../db/scope.js';
import { actorOf, type Ctx } from './context.js';

export interface Change {
  /** The kind of thing changed: 'settings', 'macro', 'inbox', … */
  stream: string;
  /** Its id; the tenant's id for tenant-wide settings. */
  streamId: string;
  /** What happened, e.g. 'macro.created'. */
  type: string;
  data?: Record<string, unknown>;
}

/** Appends the audit event of a set-up change, with its actor, in the caller's transaction. */
export function recordChange(tx: Tx, ctx: Ctx, change: Change): Promise<void> {
  const actor = actorOf(ctx.principal);
  return appendEvents(tx, [
    {
      tenant_id: ctx.principal.tenantId,
      stream: change.stream,
      stream_id: change.streamId,
      type: change.type,
      actor_type: actor.type,
      actor_id: actor.id,
      reason: null,
      data: change.data ?? {},
    },
  ]);
}
