// Runs the analytics history's SQL (analytics-seed.js) on two connections side by side, the
// way a bulk load is done: the loaded tables' secondary indexes are dropped first and built
// again afterwards (with the same definitions, so what is measured later is unchanged), and
// foreign-key triggers are off while loading (session_replication_role = replica: every
// reference is consistent by construction). Then VACUUM ANALYZE, as autovacuum would have
// done over two years of history.
import pg from 'pg';

const SESSION = [
  'set session_replication_role = replica',
  'set synchronous_commit = off',
  "set maintenance_work_mem = '1GB'",
  "set work_mem = '64MB'",
];

/** The non-primary-key indexes of `tables`, and the unique constraints they back, to drop and recreate. */
async function secondaryIndexes(client, tables) {
  const { rows } = await client.query(
    `select i.indexrelid::regclass::text as name, t.relname as "table", pg_get_indexdef(i.indexrelid) as definition,
            c.conname as constraint_name, pg_get_constraintdef(c.oid) as constraint_definition
       from pg_index i join pg_class t on t.oid = i.indrelid
       left join pg_constraint c on c.conindid = i.indexrelid and c.contype = 'u'
      where t.relname = any($1) and not i.indisprimary and t.relnamespace = 'public'::regnamespace
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid)`,
    [tables],
  );
  return rows;
}

async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  // DROP DATABASE … WITH (FORCE) on a failure ends this connection: expected then.
  client.on('error', () => {});
  await client.connect();
  for (const s of SESSION) await client.query(s);
  return client;
}

/** Runs `jobs` (async functions of a client) on `clients`, each client taking the next job when free. */
async function sideBySide(clients, jobs) {
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < jobs.length; i = next++) await jobs[i](client);
    }),
  );
}

/**
 * Loads the plan's steps into the database at `url`; returns timings (seconds) per step and
 * phase and the row count of every loaded table.
 */
export async function loadHistory(url, plan, { log, parallel = 2, defer }) {
  const clients = [];
  for (let i = 0; i < parallel; i++) clients.push(await connect(url));
  defer?.('close analytics loaders', () => Promise.all(clients.map((c) => c.end().catch(() => {}))));
  const out = { steps: [], seconds: {} };
  const tables = [...new Set(plan.steps.map((s) => s.table).filter(Boolean))];
  const started = performance.now();

  let t = performance.now();
  const indexes = await secondaryIndexes(clients[0], tables);
  for (const ix of indexes)
    await clients[0].query(
      ix.constraint_name
        ? `alter table ${ix.table} drop constraint ${ix.constraint_name}`
        : `drop index ${ix.name}`,
    );
  out.droppedIndexes = indexes.length;

  const phases = [...new Set(plan.steps.map((s) => s.phase))].sort((a, b) => a - b);
  for (const phase of phases)
    await sideBySide(
      clients,
      plan.steps
        .filter((step) => step.phase === phase)
        .map((step) => async (client) => {
          const s = performance.now();
          const r = await client.query(step.sql).catch((error) => {
            throw new Error(`loading ${step.label}: ${error.message}`);
          });
          const seconds = (performance.now() - s) / 1000;
          out.steps.push({ label: step.label, table: step.table, rows: r.rowCount, seconds });
          log(
            `analytics: ${r.rowCount.toLocaleString('en')} ${step.label} in ${seconds.toFixed(1)} s ` +
              `(${Math.round(r.rowCount / seconds).toLocaleString('en')} rows/s)`,
          );
        }),
    );
  for (const helper of plan.helpers) await clients[0].query(`drop table ${helper}`);
  await clients[0].query(`select setval('case_number_seq', ${plan.caseNumberAfter})`);
  out.seconds.insert = (performance.now() - t) / 1000;

  t = performance.now();
  await sideBySide(
    clients,
    indexes.map((ix) => async (client) => {
      await client.query(
        ix.constraint_name
          ? `alter table ${ix.table} add constraint ${ix.constraint_name} ${ix.constraint_definition}`
          : ix.definition,
      );
    }),
  );
  out.seconds.indexes = (performance.now() - t) / 1000;
  log(`analytics: rebuilt ${indexes.length} secondary indexes in ${out.seconds.indexes.toFixed(1)} s`);

  t = performance.now();
  await sideBySide(
    clients,
    tables.map((table) => (client) => client.query(`vacuum (analyze) ${table}`)),
  );
  out.seconds.vacuum = (performance.now() - t) / 1000;
  log(`analytics: VACUUM ANALYZE in ${out.seconds.vacuum.toFixed(1)} s`);
  out.seconds.total = (performance.now() - started) / 1000;

  const counts = await clients[0].query(
    tables
      .map((table) => `select ${pgLiteral(table)} as table, count(*)::bigint as n from ${table}`)
      .join(' union all '),
  );
  out.rows = Object.fromEntries(counts.rows.map((r) => [r.table, Number(r.n)]));
  const size = await clients[0].query('select pg_database_size(current_database())::bigint as bytes');
  out.databaseGiB = Math.round((Number(size.rows[0].bytes) / 2 ** 30) * 10) / 10;
  await Promise.all(clients.map((c) => c.end()));
  return out;
}

const pgLiteral = (s) => `'${s.replace(/'/g, "''")}'`;
