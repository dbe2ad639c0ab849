import type { AgentState, Channel } from '@afterdesk/core';
import { sql, type Updateable } from 'kysely';
import type { UsersTable } from '../schema.js';
import type { Tx } from '../scope.js';

/** An agent as the console's team view shows them: who, where, how busy. */
export interface AgentRecord {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  teamId: string | null;
  isLead: boolean;
  languages: string[];
  skills: string[];
  channels: Channel[];
  capacity: number;
  presence: AgentState['presence'];
  openCases: number;
}

function selectAgents(tx: Tx) {
  return tx.selectFrom('users as u').select([
    'u.id',
    'u.name',
    'u.email',
    'u.role',
    'u.active',
    'u.team_id',
    'u.is_lead',
    'u.languages',
    'u.skills',
    'u.channels',
    'u.capacity',
    'u.presence',
    // Served by the partial index cases_assignee_open_recent.
    sql<number>`(select count(*)::int from cases c where c.tenant_id = u.tenant_id and c.assignee_id = u.id and c.closed_at is null)`.as(
      'open_cases',
    ),
  ]);
}

type AgentRow = Awaited<ReturnType<ReturnType<typeof selectAgents>['executeTakeFirstOrThrow']>>;

const toRecord = (row: AgentRow): AgentRecord => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active,
  teamId: row.team_id,
  isLead: row.is_lead,
  languages: row.languages,
  skills: row.skills,
  // The table's CHECK constraints hold these to the core's values.
  channels: row.channels as Channel[],
  capacity: row.capacity,
  presence: row.presence as AgentState['presence'],
  openCases: row.open_cases,
});

export async function listAgents(tx: Tx): Promise<AgentRecord[]> {
  return (await selectAgents(tx).orderBy('u.name').orderBy('u.id').execute()).map(toRecord);
}

/** For an agent just written in the same transaction. */
export async function findAgentOrThrow(tx: Tx, userId: string): Promise<AgentRecord> {
  return toRecord(await selectAgents(tx).where('u.id', '=', userId).executeTakeFirstOrThrow());
}

/** The routing columns an agent's profile may change. */
export type AgentProfileChange = Pick<
  Updateable<UsersTable>,
  'team_id' | 'is_lead' | 'languages' | 'skills' | 'channels' | 'capacity' | 'presence'
>;

/** Whether a user of the transaction's tenant was there to update. */
export async function updateAgentProfile(
  tx: Tx,
  userId: string,
  change: AgentProfileChange,
): Promise<boolean> {
  const result = await tx.updateTable('users').set(change).where('id', '=', userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
