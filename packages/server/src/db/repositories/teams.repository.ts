import { sql } from 'kysely';
import type { Tx } from '../scope.js';

export interface TeamRecord {
  id: string;
  name: string;
  memberCount: number;
  createdAt: string;
}

function selectTeams(tx: Tx) {
  return tx
    .selectFrom('teams as t')
    .select([
      't.id',
      't.name',
      't.created_at',
      sql<number>`(select count(*)::int from users u where u.team_id = t.id and u.active)`.as('member_count'),
    ]);
}

const toRecord = (row: { id: string; name: string; created_at: Date; member_count: number }): TeamRecord => ({
  id: row.id,
  name: row.name,
  memberCount: row.member_count,
  createdAt: row.created_at.toISOString(),
});

export async function listTeams(tx: Tx): Promise<TeamRecord[]> {
  return (await selectTeams(tx).orderBy('t.name').execute()).map(toRecord);
}

/** For a team just written in the same transaction. */
export async function findTeamOrThrow(tx: Tx, teamId: string): Promise<TeamRecord> {
  return toRecord(await selectTeams(tx).where('t.id', '=', teamId).executeTakeFirstOrThrow());
}

export async function insertTeam(
  tx: Tx,
  team: { id: string; tenantId: string; name: string },
): Promise<void> {
  await tx.insertInto('teams').values({ id: team.id, tenant_id: team.tenantId, name: team.name }).execute();
}

/** Whether a team of the transaction's tenant was there to rename. */
export async function renameTeam(tx: Tx, teamId: string, name: string): Promise<boolean> {
  const result = await tx.updateTable('teams').set({ name }).where('id', '=', teamId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function teamExists(tx: Tx, teamId: string): Promise<boolean> {
  const row = await tx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  return row !== undefined;
}
