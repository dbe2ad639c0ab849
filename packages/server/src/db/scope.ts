import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** A database handle bound to one connection inside an open transaction. */
export type Tx = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `work` in one transaction that sees only `tenantId`'s rows: it switches to the
 * afterdesk_app role, which row-level security holds to app.tenant_id. Both settings are
 * transaction-local, so a pooled connection never carries them to the next caller.
 *
 * BEGIN and the two settings travel in ONE round trip (a simple-protocol script), which
 * is why the tenant id is written into the SQL: it is checked to be a UUID first.
 */
export function inTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!UUID.test(tenantId)) return Promise.reject(new Error(`Not a tenant id: ${JSON.stringify(tenantId)}`));
  return transaction(
    db,
    `begin; select set_config('role', 'afterdesk_app', true), set_config('app.tenant_id', '${tenantId}', true)`,
    work,
  );
}

/**
 * A transaction without a tenant, as the database owner: for the few steps that come
 * before a tenant is known (login, API-key lookup, tenant creation).
 */
export function inSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(db, 'begin', work);
}

function transaction<T>(db: Db, begin: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql.raw(begin).execute(conn);
    let result: T;
    try {
      result = await work(conn);
    } catch (error) {
      await sql
        .raw('rollback')
        .execute(conn)
        .catch(() => undefined);
      throw error;
    }
    await sql.raw('commit').execute(conn);
    return result;
  });
}
