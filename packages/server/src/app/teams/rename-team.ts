import { findTeamOrThrow, renameTeam as writeName } from '../../db/repositories/teams.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { trimmedName } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { duplicateTeamName } from './create-team.js';

export async function renameTeam(ctx: Ctx, teamId: string, input: { name: string }) {
  requirePermission(ctx, 'helpdesk:manage');
  const name = trimmedName(input.name);
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const renamed = await withUniqueConflict(duplicateTeamName(name), () => writeName(tx, teamId, name));
    if (!renamed) throw notFound('The team');
    await recordChange(tx, ctx, { stream: 'team', streamId: teamId, type: 'team.renamed', data: { name } });
    return findTeamOrThrow(tx, teamId);
  });
}
