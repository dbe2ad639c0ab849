import { randomUUID } from 'node:crypto';
import type { MacroInput } from '@afterdesk/contract';
import { findMacroOrThrow, insertMacro } from '../../db/repositories/macros.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { checkMacroInput, duplicateMacroName } from './macro-input.js';

/** Adds a standard reply, written once per language the shop answers in. */
export async function createMacro(ctx: Ctx, input: MacroInput) {
  requirePermission(ctx, 'helpdesk:manage');
  const macro = checkMacroInput(input);
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  return inTenant(ctx.db, tenantId, async (tx) => {
    await withUniqueConflict(duplicateMacroName(macro.name), () =>
      insertMacro(tx, { ...macro, id, tenantId }),
    );
    await recordChange(tx, ctx, {
      stream: 'macro',
      streamId: id,
      type: 'macro.created',
      data: { name: macro.name, languages: Object.keys(macro.variants) },
    });
    return findMacroOrThrow(tx, id);
  });
}
