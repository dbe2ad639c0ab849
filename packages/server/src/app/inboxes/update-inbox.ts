import { InboxPatch } from '@afterdesk/contract';
import {
  findInbox,
  findInboxOrThrow,
  updateInbox as writeInbox,
} from '../../db/repositories/inboxes.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { schemaErrors, trimmedName } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { addressTaken, checkInbox, normalizeAddress } from './inbox-input.js';

/** Changes the fields named in `patch`; an inbox's channel never changes. */
export async function updateInbox(ctx: Ctx, inboxId: string, patch: InboxPatch) {
  requirePermission(ctx, 'helpdesk:manage');
  const errors = schemaErrors(InboxPatch, patch);
  if (errors.length > 0) throw invalid('The inbox is not valid.', errors);
  const changed = {
    ...patch,
    ...(patch.name !== undefined ? { name: trimmedName(patch.name) } : {}),
    ...(patch.address !== undefined ? { address: normalizeAddress(patch.address) } : {}),
  };
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const found = await findInbox(tx, inboxId);
    if (!found) throw notFound('The inbox');
    const { id: _id, createdAt: _createdAt, ...current } = found;
    const next = { ...current, ...changed };
    await checkInbox(tx, next, changed);
    await withUniqueConflict(addressTaken(next.address ?? ''), () => writeInbox(tx, inboxId, next));
    await recordChange(tx, ctx, {
      stream: 'inbox',
      streamId: inboxId,
      type: 'inbox.updated',
      data: { changed: Object.keys(changed) },
    });
    return findInboxOrThrow(tx, inboxId);
  });
}
