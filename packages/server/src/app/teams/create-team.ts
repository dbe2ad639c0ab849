import { randomUUID } from 'node:crypto';
import { findTeamOrThrow, insertTeam } from '../../db/repositories/teams.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { trimmedName } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';

export const duplicateTeamName = (name: string) => `A team named "${name}" exists already.`;

/** Adds a team: a queue that inboxes route to and agents work. */
export async function createTeam(ctx: Ctx, input: { name: string }) {
  requirePermission(ctx, 'helpdesk:manage');
  const name = trimmedName(input.name);
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  return inTenant(ctx.db, tenantId, async (tx) => {
    await withUniqueConflict(duplicateTeamName(name), () => insertTeam(tx, { id, tenantId, name }));
    await recordChange(tx, ctx, { stream: 'team', streamId: id, type: 'team.created', data: { name } });
    return findTeamOrThrow(tx, id);
  });
}
