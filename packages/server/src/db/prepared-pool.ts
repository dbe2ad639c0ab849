import { createHash } from 'node:crypto';
import type pg from 'pg';

// PostgreSQL parses and plans every unnamed statement anew, and on the hot paths that
// planning is most of its work (bench/README.md: prepared statements halve PostgreSQL's
// CPU per case creation). Naming a statement makes node-postgres prepare it once per
// connection. Kysely sends the same text for the same query shape, so names repeat; the
// cap keeps dynamic SQL (multi-row inserts, IN lists of any length) from piling up.
const MAX_PREPARED_PER_CONNECTION = 300;

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `ad_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= 10_000) names.clear();
    names.set(text, name);
  }
  return name;
}

const preparedBy = new WeakMap<pg.PoolClient, Set<string>>();

/** A `pg.Pool` look-alike for Kysely whose parameterised statements are prepared. */
export function preparingPool(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      let prepared = preparedBy.get(client);
      if (!prepared) {
        prepared = new Set();
        preparedBy.set(client, prepared);
      }
      const known = prepared;
      return {
        query(text: string, values?: unknown[]) {
          // Without parameters: the simple protocol, which also carries multi-statement scripts.
          if (!values || values.length === 0) return client.query(text);
          const name = statementName(text);
          if (!known.has(name)) {
            if (known.size >= MAX_PREPARED_PER_CONNECTION) return client.query(text, values);
            known.add(name);
          }
          return client.query({ name, text, values });
        },
        release(error?: Error | boolean) {
          client.release(error);
        },
      };
    },
    end: () => pool.end(),
  };
}
