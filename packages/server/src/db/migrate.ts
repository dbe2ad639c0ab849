import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connect.js';

// Resolves to packages/server/src/db/migrations from both src/db and dist/db.
const MIGRATIONS_DIR = new URL('../../src/db/migrations/', import.meta.url);
// Any constant: processes starting together take turns instead of racing.
const MIGRATION_LOCK = 727_274;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** Applies the forward-only `NNNN_name.sql` files not applied yet, each in its own transaction. */
export async function migrate(handle: DatabaseHandle, dir: URL = MIGRATIONS_DIR): Promise<MigrationReport> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now())`.execute(conn);
      const done = new Set(
        (await sql<{ name: string }>`select name from schema_migrations`.execute(conn)).rows.map(
          (r) => r.name,
        ),
      );
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const script = await readFile(new URL(file, dir), 'utf8');
        try {
          await sql
            .raw(`begin;\n${script}\n;insert into schema_migrations (name) values ('${file}');\ncommit;`)
            .execute(conn);
        } catch (error) {
          await sql.raw('rollback').execute(conn);
          throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(file);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
