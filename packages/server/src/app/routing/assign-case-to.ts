import type { AssignInput } from '@afterdesk/contract';
import type { Static } from '@sinclair/typebox';
import { type CaseViewRow, findCaseView } from '../../db/repositories/case-view.repository.js';
import { findCase } from '../../db/repositories/cases.repository.js';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import { toCaseView } from '../cases/case-view.js';
import { actorOf, type Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { assignByRouting } from './assign-case.js';
import { customerStanding } from './customer-standing.js';

/** Assigns a case by hand (to an agent or a team queue), or lets routing choose again. */
export async function assignCaseTo(ctx: Ctx, caseId: string, input: Static<typeof AssignInput>) {
  requirePermission(ctx, 'cases:review');
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const c = await findCase(tx, caseId);
    if (!c) throw notFound('The case');
    const at = ctx.clock();
    if (input.auto) {
      const standing = await customerStanding(tx, c.customer_id, at);
      await assignByRouting(tx, c, { at: at.toISOString(), dedicatedAgentId: standing.dedicatedAgentId });
    } else {
      if (input.assigneeId) {
        const agent = await tx
          .selectFrom('users')
          .select('id')
          .where('id', '=', input.assigneeId)
          .where('active', '=', true)
          .executeTakeFirst();
        if (!agent) throw notFound('The agent');
      }
      const assigneeId = input.assigneeId === undefined ? c.assignee_id : input.assigneeId;
      const teamId = input.teamId === undefined ? c.team_id : input.teamId;
      await tx
        .updateTable('cases')
        .set({ assignee_id: assigneeId, team_id: teamId })
        .where('id', '=', c.id)
        .execute();
      const actor = actorOf(ctx.principal);
      await appendEvents(tx, [
        {
          tenant_id: tenantId,
          stream: 'case',
          stream_id: c.id,
          type: assigneeId ? 'case.assigned' : 'case.queued',
          actor_type: actor.type,
          actor_id: actor.id,
          reason: input.reason ?? 'Assigned by hand.',
          data: { assigneeId, teamId, code: 'manual' },
        },
      ]);
    }
    return toCaseView((await findCaseView(tx, c.id)) as CaseViewRow);
  });
}
