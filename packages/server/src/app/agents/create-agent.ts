import type { AgentInput } from '@afterdesk/contract';
import {
  type AgentProfileChange,
  findAgentOrThrow,
  updateAgentProfile,
} from '../../db/repositories/agents.repository.js';
import { teamExists } from '../../db/repositories/teams.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { type FieldError, invalid } from '../errors.js';
import { trimmedName } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { insertUser } from '../tenants/create-user.js';
import { skillErrors } from './agent-skills.js';

const MIN_PASSWORD = 12;

/** Adds an agent who logs in with e-mail and password, with their routing profile. */
export async function createAgent(ctx: Ctx, input: AgentInput) {
  requirePermission(ctx, 'users:manage');
  const errors: FieldError[] = skillErrors(input.skills);
  if (input.password.length < MIN_PASSWORD)
    errors.push({ field: '/password', message: `At least ${MIN_PASSWORD} characters.` });
  if (errors.length > 0) throw invalid('The agent is not valid.', errors);
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    // Foreign keys ignore row-level security, so another tenant's team must be refused here.
    if (input.teamId && !(await teamExists(tx, input.teamId)))
      throw invalid('There is no such team.', [{ field: '/teamId', message: 'is not a team of yours' }]);
    const user = await insertUser(tx, {
      tenantId,
      email: input.email.trim(),
      name: trimmedName(input.name),
      role: input.role,
      password: input.password,
    });
    const profile: AgentProfileChange = {};
    if (input.teamId !== undefined) profile.team_id = input.teamId;
    if (input.languages !== undefined) profile.languages = input.languages;
    if (input.skills !== undefined) profile.skills = input.skills;
    if (Object.keys(profile).length > 0) await updateAgentProfile(tx, user.id, profile);
    await recordChange(tx, ctx, {
      stream: 'user',
      streamId: user.id,
      type: 'agent.created',
      data: { role: user.role },
    });
    return findAgentOrThrow(tx, user.id);
  });
}
