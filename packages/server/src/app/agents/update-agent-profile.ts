import { type AgentProfilePatch, AgentProfilePatch as AgentProfilePatchSchema } from '@afterdesk/contract';
import {
  type AgentProfileChange,
  findAgentOrThrow,
  updateAgentProfile as writeProfile,
} from '../../db/repositories/agents.repository.js';
import { teamExists } from '../../db/repositories/teams.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { type FieldError, invalid, notFound } from '../errors.js';
import { schemaErrors } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { skillErrors } from './agent-skills.js';

/** Changes the routing fields named in `patch` of one agent (team, languages, capacity, …). */
export async function updateAgentProfile(ctx: Ctx, userId: string, patch: AgentProfilePatch) {
  requirePermission(ctx, 'helpdesk:manage');
  const errors: FieldError[] = [
    ...schemaErrors(AgentProfilePatchSchema, patch),
    ...skillErrors(patch.skills),
  ];
  if (errors.length > 0) throw invalid('The routing profile is not valid.', errors);
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    // Foreign keys ignore row-level security, so another tenant's team must be refused here.
    if (patch.teamId && !(await teamExists(tx, patch.teamId)))
      throw invalid('There is no such team.', [{ field: '/teamId', message: 'is not a team of yours' }]);
    if (!(await writeProfile(tx, userId, toColumns(patch)))) throw notFound('The agent');
    await recordChange(tx, ctx, {
      stream: 'user',
      streamId: userId,
      type: 'agent.profile_updated',
      data: { changed: Object.keys(patch) },
    });
    return findAgentOrThrow(tx, userId);
  });
}

function toColumns(patch: AgentProfilePatch): AgentProfileChange {
  const columns: AgentProfileChange = {};
  if (patch.teamId !== undefined) columns.team_id = patch.teamId;
  if (patch.isLead !== undefined) columns.is_lead = patch.isLead;
  if (patch.languages !== undefined) columns.languages = patch.languages;
  if (patch.skills !== undefined) columns.skills = patch.skills;
  if (patch.channels !== undefined) columns.channels = patch.channels;
  if (patch.capacity !== undefined) columns.capacity = patch.capacity;
  if (patch.presence !== undefined) columns.presence = patch.presence;
  return columns;
}
