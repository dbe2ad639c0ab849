import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';

/**
 * Whether the case's policy decision let the customer keep the goods ("keep it"). The
 * machine needs it to offer the refund straight from `approved`; decisions stored before
 * the rule existed have no such field and read as false.
 */
export async function isReturnless(tx: Tx, caseId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('decisions')
    .select(sql<boolean | null>`(result ->> 'returnless')::boolean`.as('returnless'))
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.returnless === true;
}
