import { deleteMacro as removeMacro } from '../../db/repositories/macros.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { recordChange } from '../record-change.js';

/** Deletes a macro; replies already sent with it keep their text. */
export async function deleteMacro(ctx: Ctx, macroId: string): Promise<void> {
  requirePermission(ctx, 'helpdesk:manage');
  await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const name = await removeMacro(tx, macroId);
    if (name === undefined) throw notFound('The macro');
    await recordChange(tx, ctx, {
      stream: 'macro',
      streamId: macroId,
      type: 'macro.deleted',
      data: { name },
    });
  });
}
