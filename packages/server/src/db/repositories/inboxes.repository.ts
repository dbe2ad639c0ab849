import type { Tx } from '../scope.js';

export type InboxChannel = 'email' | 'chat' | 'web';

export interface InboxRecord {
  id: string;
  channel: InboxChannel;
  name: string;
  address: string | null;
  storeId: string | null;
  teamId: string | null;
  createdAt: string;
}

export type InboxFields = Omit<InboxRecord, 'id' | 'createdAt'>;

function selectInboxes(tx: Tx) {
  return tx
    .selectFrom('inboxes')
    .select(['id', 'channel', 'name', 'address', 'store_id', 'team_id', 'created_at']);
}

type InboxRow = Awaited<ReturnType<ReturnType<typeof selectInboxes>['executeTakeFirstOrThrow']>>;

const toRecord = (row: InboxRow): InboxRecord => ({
  id: row.id,
  channel: row.channel as InboxChannel,
  name: row.name,
  address: row.address,
  storeId: row.store_id,
  teamId: row.team_id,
  createdAt: row.created_at.toISOString(),
});

export async function listInboxes(tx: Tx): Promise<InboxRecord[]> {
  return (await selectInboxes(tx).orderBy('name').orderBy('id').execute()).map(toRecord);
}

export async function findInbox(tx: Tx, inboxId: string): Promise<InboxRecord | undefined> {
  const row = await selectInboxes(tx).where('id', '=', inboxId).executeTakeFirst();
  return row && toRecord(row);
}

/** For an inbox just written in the same transaction. */
export async function findInboxOrThrow(tx: Tx, inboxId: string): Promise<InboxRecord> {
  return toRecord(await selectInboxes(tx).where('id', '=', inboxId).executeTakeFirstOrThrow());
}

export async function insertInbox(
  tx: Tx,
  inbox: InboxFields & { id: string; tenantId: string },
): Promise<void> {
  await tx
    .insertInto('inboxes')
    .values({
      id: inbox.id,
      tenant_id: inbox.tenantId,
      channel: inbox.channel,
      name: inbox.name,
      address: inbox.address,
      store_id: inbox.storeId,
      team_id: inbox.teamId,
    })
    .execute();
}

/** Writes every field but the channel, which never changes. */
export async function updateInbox(tx: Tx, inboxId: string, inbox: InboxFields): Promise<void> {
  await tx
    .updateTable('inboxes')
    .set({ name: inbox.name, address: inbox.address, store_id: inbox.storeId, team_id: inbox.teamId })
    .where('id', '=', inboxId)
    .execute();
}

export async function deleteInbox(tx: Tx, inboxId: string): Promise<void> {
  await tx.deleteFrom('inboxes').where('id', '=', inboxId).execute();
}

/** How many cases came in through the inbox; they keep pointing at it. */
export async function countInboxCases(tx: Tx, inboxId: string): Promise<number> {
  const row = await tx
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('inbox_id', '=', inboxId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
