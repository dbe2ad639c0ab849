import { type AgentState, type CaseCategory, type CaseKind, type Channel, routeCase } from '@afterdesk/core';
import { sql } from 'kysely';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { Tx } from '../../db/scope.js';

/** The part of a case routing reads. */
export interface RoutableCase {
  id: string;
  tenant_id: string;
  kind: string;
  category: string;
  channel: string;
  language: string;
  team_id: string | null;
}

// Only agents who could take a case now (online), plus the dedicated one, are loaded:
// a platform may have thousands of agents, most of them off shift.
async function candidateAgents(tx: Tx, dedicatedAgentId: string | null): Promise<AgentState[]> {
  const rows = await tx
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.team_id',
      'u.is_lead',
      'u.languages',
      'u.skills',
      'u.channels',
      'u.capacity',
      'u.presence',
      'u.last_assigned_at',
      eb
        .selectFrom('cases as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.assignee_id', '=', 'u.id')
        .where('c.closed_at', 'is', null)
        .where('c.solved_at', 'is', null)
        .as('open_cases'),
    ])
    .where('u.active', '=', true)
    .where((eb) =>
      dedicatedAgentId
        ? eb.or([eb('u.presence', '=', 'online'), eb('u.id', '=', dedicatedAgentId)])
        : eb('u.presence', '=', 'online'),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    teamId: r.team_id,
    isLead: r.is_lead,
    languages: r.languages,
    skills: r.skills,
    channels: r.channels as Channel[],
    capacity: r.capacity,
    openCases: Number(r.open_cases ?? 0),
    presence: r.presence as AgentState['presence'],
    lastAssignedAt: r.last_assigned_at,
  }));
}

/**
 * Routes a new or reopened case to an agent who speaks the language and has the skill,
 * or to its team's queue, and records why on the timeline.
 */
export async function assignByRouting(
  tx: Tx,
  c: RoutableCase,
  options: { at: string; dedicatedAgentId: string | null; senior?: boolean },
) {
  const agents = await candidateAgents(tx, options.dedicatedAgentId);
  const result = routeCase(
    {
      kind: c.kind as CaseKind,
      category: c.category as CaseCategory,
      channel: c.channel as Channel,
      language: c.language,
      teamId: c.team_id,
      dedicatedAgentId: options.dedicatedAgentId,
      senior: options.senior ?? false,
    },
    agents,
  );
  await tx
    .updateTable('cases')
    .set({ assignee_id: result.assigneeId, team_id: result.teamId ?? c.team_id })
    .where('id', '=', c.id)
    .execute();
  if (result.assigneeId)
    await tx
      .updateTable('users')
      .set({ last_assigned_at: options.at })
      .where('id', '=', result.assigneeId)
      .execute();
  await appendEvents(tx, [
    {
      tenant_id: c.tenant_id,
      stream: 'case',
      stream_id: c.id,
      type: result.assigneeId ? 'case.assigned' : 'case.queued',
      actor_type: 'system',
      actor_id: null,
      reason: result.reason.text,
      data: {
        assigneeId: result.assigneeId,
        teamId: result.teamId ?? c.team_id,
        code: result.reason.code,
        candidates: result.reason.candidates,
      },
    },
  ]);
  return result;
}
