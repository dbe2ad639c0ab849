import { storeExists } from '../../db/repositories/calendars.repository.js';
import type { InboxFields } from '../../db/repositories/inboxes.repository.js';
import { teamExists } from '../../db/repositories/teams.repository.js';
import type { Tx } from '../../db/scope.js';
import { type FieldError, invalid } from '../errors.js';

// Addresses are unique across all tenants because the mail receiver finds the tenant from
// the recipient alone; saying so tells the admin why an address they never used is taken.
export const addressTaken = (address: string) =>
  `The address ${address} is already used by another inbox. An address receives mail for one inbox only, across all shops on this server.`;

/** Mail systems ignore the case of an address in practice, and the receiver looks it up so. */
export const normalizeAddress = (address: string | null | undefined) => address?.trim().toLowerCase() || null;

/**
 * Refuses an inbox that cannot work: an e-mail inbox without an address, a chat or web
 * inbox with one, or a store or team that is not the tenant's. The last is checked here
 * because foreign keys ignore row-level security.
 */
export async function checkInbox(tx: Tx, inbox: InboxFields, changed: Partial<InboxFields> = inbox) {
  const errors: FieldError[] = [];
  if (inbox.channel === 'email' && inbox.address === null)
    errors.push({ field: '/address', message: 'an email inbox needs the address it receives mail at' });
  if (inbox.channel !== 'email' && inbox.address !== null)
    errors.push({ field: '/address', message: `a ${inbox.channel} inbox has no address` });
  if (changed.storeId && !(await storeExists(tx, changed.storeId)))
    errors.push({ field: '/storeId', message: 'is not a store of yours' });
  if (changed.teamId && !(await teamExists(tx, changed.teamId)))
    errors.push({ field: '/teamId', message: 'is not a team of yours' });
  if (errors.length > 0) throw invalid('The inbox is not valid.', errors);
}
