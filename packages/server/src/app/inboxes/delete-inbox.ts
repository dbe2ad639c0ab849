import {
  countInboxCases,
  findInbox,
  deleteInbox as removeInbox,
} from '../../db/repositories/inboxes.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { recordChange } from '../record-change.js';

/** Deletes an inbox that no case came in through; one that has cases is kept for their history. */
export async function deleteInbox(ctx: Ctx, inboxId: string): Promise<void> {
  requirePermission(ctx, 'helpdesk:manage');
  await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const inbox = await findInbox(tx, inboxId);
    if (!inbox) throw notFound('The inbox');
    const cases = await countInboxCases(tx, inboxId);
    if (cases > 0)
      throw conflict(
        `${cases} case(s) came in through this inbox, so it stays; rename it or change its team instead.`,
      );
    await removeInbox(tx, inboxId);
    await recordChange(tx, ctx, {
      stream: 'inbox',
      streamId: inboxId,
      type: 'inbox.deleted',
      data: { channel: inbox.channel, name: inbox.name, address: inbox.address },
    });
  });
}
