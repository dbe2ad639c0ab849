import { randomUUID } from 'node:crypto';
import { InboxInput } from '@afterdesk/contract';
import { findInboxOrThrow, type InboxFields, insertInbox } from '../../db/repositories/inboxes.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { schemaErrors, trimmedName } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { addressTaken, checkInbox, normalizeAddress } from './inbox-input.js';

/** Adds a place customers write to, optionally tied to a store and routed to a team. */
export async function createInbox(ctx: Ctx, input: InboxInput) {
  requirePermission(ctx, 'helpdesk:manage');
  const errors = schemaErrors(InboxInput, input);
  if (errors.length > 0) throw invalid('The inbox is not valid.', errors);
  const inbox: InboxFields = {
    channel: input.channel,
    name: trimmedName(input.name),
    address: normalizeAddress(input.address),
    storeId: input.storeId ?? null,
    teamId: input.teamId ?? null,
  };
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  return inTenant(ctx.db, tenantId, async (tx) => {
    await checkInbox(tx, inbox);
    await withUniqueConflict(addressTaken(inbox.address ?? ''), () =>
      insertInbox(tx, { ...inbox, id, tenantId }),
    );
    await recordChange(tx, ctx, {
      stream: 'inbox',
      streamId: id,
      type: 'inbox.created',
      data: { channel: inbox.channel, name: inbox.name, address: inbox.address },
    });
    return findInboxOrThrow(tx, id);
  });
}
