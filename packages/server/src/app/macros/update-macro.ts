import type { MacroInput } from '@afterdesk/contract';
import { findMacroOrThrow, updateMacro as writeMacro } from '../../db/repositories/macros.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { checkMacroInput, duplicateMacroName } from './macro-input.js';

/** Replaces a macro: name, category and the whole set of language variants. */
export async function updateMacro(ctx: Ctx, macroId: string, input: MacroInput) {
  requirePermission(ctx, 'helpdesk:manage');
  const macro = checkMacroInput(input);
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const updated = await withUniqueConflict(duplicateMacroName(macro.name), () =>
      writeMacro(tx, macroId, macro),
    );
    if (!updated) throw notFound('The macro');
    await recordChange(tx, ctx, {
      stream: 'macro',
      streamId: macroId,
      type: 'macro.updated',
      data: { name: macro.name, languages: Object.keys(macro.variants) },
    });
    return findMacroOrThrow(tx, macroId);
  });
}
