import { sql } from 'kysely';
import type { Tx } from '../scope.js';

/** The keys of `tenant_settings`: one document each, a missing row meaning "the default". */
export const SETTING_KEYS = {
  slaPolicy: 'sla_policy',
  forbiddenPhrases: 'forbidden_phrases',
  helpDesk: 'help_desk',
} as const;

/** The stored document of `key` for the transaction's tenant, or null when none is stored. */
export async function readSetting<T>(tx: Tx, key: string): Promise<T | null> {
  const row = await tx
    .selectFrom('tenant_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (row.value as T) : null;
}

/** Stores `value` as the document of `key`, replacing what was there. */
export async function writeSetting(tx: Tx, tenantId: string, key: string, value: unknown): Promise<void> {
  // Serialised here: the driver would send a bare array as a PostgreSQL array, not as JSON.
  const json = JSON.stringify(value);
  await tx
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, key, value: json })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value: json, updated_at: sql`now()` }))
    .execute();
}
