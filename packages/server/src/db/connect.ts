import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.js';
import { preparingPool } from './prepared-pool.js';
import type { Database } from './schema.js';

// bigint columns hold minor units and counts, far inside Number's safe range; reading
// them as numbers keeps PostgreSQL and PGlite results identical.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** An open database: the typed query builder plus what migrations and shutdown need. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory. */
  dataDir?: string;
  poolSize?: number;
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
    // An idle connection that drops (a restart, a terminated backend) is discarded and the
    // pool emits 'error'; unheard, that would end the process. The next query reconnects.
    pool.on('error', (error: Error & { code?: string }) =>
      console.warn(`database: an idle connection was lost (${error.code ?? error.message})`),
    );
    return {
      db: new Kysely<Database>({
        dialect: new PostgresDialect({ pool: preparingPool(pool) as unknown as pg.Pool }),
      }),
      kind: 'postgres',
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const pool = new PGlitePool(pglite);
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) }),
    kind: 'pglite',
    close: () => pool.end(),
  };
}
