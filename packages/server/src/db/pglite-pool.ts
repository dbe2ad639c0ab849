import type { PGlite } from '@electric-sql/pglite';

// Kysely's PostgresDialect talks to anything shaped like a `pg` pool. PGlite is one
// connection, so this pool hands that connection to one caller at a time (FIFO) and a
// transaction keeps it until it is released. Written by hand because the published
// Kysely-PGlite dialects either pin an older PGlite or bring a code generator and a CLI.

interface PoolClient {
  query(
    sql: string,
    parameters?: readonly unknown[],
  ): Promise<{ rows: unknown[]; rowCount: number; command: string }>;
  release(): void;
}

/** A `pg.Pool` look-alike over one PGlite instance. */
export class PGlitePool {
  #busy = false;
  #waiting: Array<() => void> = [];

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PoolClient> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#busy = true;
    let released = false;
    return {
      query: async (sql, parameters) => {
        // Like `pg`, a query without parameters goes over the simple protocol, which
        // allows several statements (migration scripts).
        const result =
          parameters && parameters.length > 0
            ? await this.pglite.query(sql, parameters as unknown[], { rowMode: 'object' })
            : ((await this.pglite.exec(sql, { rowMode: 'object' })).at(-1) ?? { rows: [], affectedRows: 0 });
        const command = (result as { command?: string }).command ?? '';
        return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command };
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.#waiting.shift();
        if (next) next();
        else this.#busy = false;
      },
    };
  }

  async end(): Promise<void> {
    await this.pglite.close();
  }
}
