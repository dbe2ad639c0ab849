import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/**
 * Runs `work` in one transaction that sees only `tenantId`'s rows: it switches to the
 * afterdesk_app role, which row-level security holds to app.tenant_id. Both settings are
 * transaction-local, so a pooled connection never carries them to the next caller.
 */
export function inTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'afterdesk_app', true), set_config('app.tenant_id', ${tenantId}, true)`.execute(
      tx,
    );
    return work(tx);
  });
}

/**
 * A transaction without a tenant, as the database owner: for the few steps that come
 * before a tenant is known (login, API-key lookup, tenant creation).
 */
export function inSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
