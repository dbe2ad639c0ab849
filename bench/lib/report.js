// Targets, validity and the closing table.

export const TARGETS = [
  {
    id: 'pg-create-throughput',
    label: 'PostgreSQL case creations/s',
    db: 'postgres',
    run: 'create',
    metric: (r) => r.reqPerSecMean,
    op: '>=',
    threshold: 1000,
    unit: 'req/s',
  },
  {
    id: 'pg-create-p99',
    label: 'PostgreSQL case creation p99',
    db: 'postgres',
    run: 'create',
    metric: (r) => r.latencyMs.p99,
    op: '<',
    threshold: 50,
    unit: 'ms',
  },
  {
    id: 'pg-read-throughput',
    label: 'PostgreSQL case reads/s',
    db: 'postgres',
    run: 'read',
    metric: (r) => r.reqPerSecMean,
    op: '>=',
    threshold: 5000,
    unit: 'req/s',
  },
];

const RUNS = ['create', 'read', 'bareSqlReplay', 'bareSql', 'bareSqlReplayPrepared', 'bareSqlCompact'];
const BARE_RUNS = [
  ['bareSqlReplay', 'bare SQL, replay of the service'],
  ['bareSql', 'bare SQL, by hand'],
  ['bareSqlReplayPrepared', 'what-if: replay, prepared'],
  ['bareSqlCompact', 'what-if: compact SQL'],
];

/** A run counts only if every answer had the expected status and nothing failed. */
export function runIsClean(r) {
  if (!r) return false;
  if ('unexpectedStatus' in r)
    return (
      r.unexpectedStatus === 0 &&
      r.non2xx === 0 &&
      r.errors === 0 &&
      r.timeouts === 0 &&
      (r.warmup?.unexpectedStatus ?? 0) === 0 &&
      (r.notApproved ?? 0) === 0
    );
  return r.errors === 0 && (r.warmup?.errors ?? 0) === 0; // bare SQL
}

export function allRunsClean(results) {
  return Object.values(results).every((db) => RUNS.every((k) => !(k in db) || runIsClean(db[k])));
}

export function evaluateTargets(results) {
  return TARGETS.map((t) => {
    const run = results[t.db]?.[t.run];
    if (!run)
      return {
        id: t.id,
        label: t.label,
        target: `${t.op} ${t.threshold} ${t.unit}`,
        value: null,
        status: 'NOT RUN',
      };
    const value = t.metric(run);
    const met = t.op === '>=' ? value >= t.threshold : value < t.threshold;
    return {
      id: t.id,
      label: t.label,
      target: `${t.op} ${t.threshold} ${t.unit}`,
      value,
      status: runIsClean(run) ? (met ? 'PASS' : 'MISS') : 'INVALID',
    };
  });
}

const fmt = (v, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v)
    ? '—'
    : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** CPU milliseconds per request of the process under test and of PostgreSQL (load generator excluded). */
export function cpuPerRequest(run) {
  const c = run?.cpuCores;
  const rate = run?.reqPerSecMean ?? run?.txPerSecMean;
  if (!c || !rate) return null;
  const server = ((c.server ?? c.bench) * 1000) / rate;
  const postgres = (c.postgres * 1000) / rate;
  return { server, postgres, total: server + postgres };
}

const cpu = (c) => (c ? `${fmt(c.bench, 2)}/${fmt(c.postgres, 2)}/${fmt(c.other, 2)}` : '—');

/** Runs during which neighbours used more than a fifth of a core. */
export function noisyRuns(results, limit = 0.2) {
  const out = [];
  for (const [db, r] of Object.entries(results)) {
    for (const run of RUNS) {
      const c = r[run]?.cpuCores;
      if (c && c.other > limit) out.push({ db, run, other: c.other });
    }
  }
  return out;
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(report) {
  const m = report.machine;
  console.log('\n=== Afterdesk benchmark ===');
  console.log(
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.totalMemoryGiB} GiB, ${m.platform}; Node ${m.node}; ` +
      `PostgreSQL ${m.postgres?.version ?? '—'}; PGlite ${m.pglite}`,
  );
  console.log('Load generator: autocannon in a child process, same machine; server in the bench process.\n');
  const rows = [];
  for (const [db, r] of Object.entries(report.results)) {
    for (const [key, name] of [
      ['create', 'create case (API)'],
      ['read', 'read case (API)'],
    ]) {
      const x = r[key];
      if (!x) continue;
      rows.push([
        db,
        name,
        x.connections,
        fmt(x.durationS),
        fmt(x.reqPerSecMean),
        fmt(x.latencyMs.p50, 1),
        fmt(x.latencyMs.p99, 1),
        fmt(x.requestsTotal),
        x.non2xx,
        x.errors + x.timeouts,
        cpu(x.cpuCores),
        runIsClean(x) ? 'ok' : 'INVALID',
      ]);
    }
    for (const [key, name] of BARE_RUNS) {
      const b = r[key];
      if (!b) continue;
      rows.push([
        db,
        `create case (${name}, ${b.statementsPerTransaction} round trips)`,
        `${b.concurrency}/${b.poolSize}`,
        fmt(b.durationS),
        fmt(b.txPerSecMean),
        fmt(b.latencyMs.p50, 1),
        fmt(b.latencyMs.p99, 1),
        fmt(b.transactionsTotal),
        '—',
        b.errors,
        cpu(b.cpuCores),
        runIsClean(b) ? 'ok' : 'INVALID',
      ]);
    }
  }
  console.log(
    table(
      [
        'database',
        'scenario',
        'conn',
        's',
        'req/s',
        'p50 ms',
        'p99 ms',
        'total',
        'non-2xx',
        'errors',
        'CPU bench/pg/other',
        'valid',
      ],
      rows,
    ),
  );
  const noisy = noisyRuns(report.results);
  if (noisy.length > 0) {
    console.log(
      `\nWARNING: other processes used CPU during ${noisy.map((n) => `${n.db} ${n.run} (${n.other} cores)`).join(', ')}: ` +
        'the machine was shared, so these figures understate what it can do. Re-run on a quiet machine.',
    );
  }

  const pg = report.results.postgres;
  if (pg?.create && pg.bareSqlReplay) {
    const apiStatements = pg.singleCreation?.statements ?? '—';
    console.log(
      `\nService-layer cost (PostgreSQL), API ÷ bare SQL throughput:\n` +
        `  vs the same ${pg.bareSqlReplay.statementsPerTransaction} round trips replayed: ` +
        `${fmt(pg.create.reqPerSecMean)} ÷ ${fmt(pg.bareSqlReplay.txPerSecMean)} = ${fmt(pg.apiOverBareSqlReplay, 2)}` +
        ` (the API sent ${apiStatements} per creation)`,
    );
    if (pg.bareSql) {
      console.log(
        `  vs the hand-written ${pg.bareSql.statementsPerTransaction} statements (one round trip each): ` +
          `${fmt(pg.create.reqPerSecMean)} ÷ ${fmt(pg.bareSql.txPerSecMean)} = ${fmt(pg.apiOverBareSql, 2)}`,
      );
    }
  }
  if (pg?.bareSqlReplayPrepared && pg.bareSqlReplay) {
    console.log(
      `What-if: the same ${pg.bareSqlReplay.statementsPerTransaction} round trips with named prepared statements: ` +
        `${fmt(pg.bareSqlReplayPrepared.txPerSecMean)} tx/s, ${fmt(pg.bareSqlReplayPrepared.txPerSecMean / pg.bareSqlReplay.txPerSecMean, 1)}× the replay.`,
    );
  }
  if (pg?.bareSqlCompact && pg.bareSqlReplay) {
    console.log(
      `What-if: the same creation in ${pg.bareSqlCompact.statementsPerTransaction} round trips: ` +
        `${fmt(pg.bareSqlCompact.txPerSecMean)} tx/s, ${fmt(pg.bareSqlCompact.txPerSecMean / pg.bareSqlReplay.txPerSecMean, 1)}× ` +
        `the replay of today's ${pg.bareSqlReplay.statementsPerTransaction}.`,
    );
  }
  for (const [db, r] of Object.entries(report.results)) {
    const s = r.singleCreation;
    if (s) {
      console.log(
        `Single unloaded creation on ${db} (in-process inject): ${fmt(s.totalMs, 1)} ms` +
          (s.statements
            ? `, ${s.statements} SQL round trips, ${fmt(s.sqlRoundTripMs, 1)} ms of it waiting on them`
            : ''),
      );
    }
  }

  const perRequest = [];
  for (const [db, r] of Object.entries(report.results)) {
    for (const [key, name] of [
      ['create', 'create (API)'],
      ['read', 'read (API)'],
      ['bareSqlReplay', 'create (bare SQL, replay)'],
      ['bareSql', 'create (bare SQL, by hand)'],
      ['bareSqlReplayPrepared', 'create (what-if, prepared)'],
      ['bareSqlCompact', 'create (what-if, compact SQL)'],
    ]) {
      const c = cpuPerRequest(r[key]);
      if (c)
        perRequest.push([
          db,
          name,
          fmt(c.server, 2),
          fmt(c.postgres, 2),
          fmt(c.total, 2),
          fmt((report.machine.cpus * 1000) / c.total),
        ]);
    }
  }
  if (perRequest.length > 0) {
    console.log(
      '\nCPU time per request (ms), from the CPU split above; ceiling = all cores ÷ (server + PostgreSQL):',
    );
    console.log(table(['database', 'scenario', 'server/client', 'postgres', 'sum', 'ceiling/s'], perRequest));
  }

  console.log('\nTargets:');
  console.log(
    table(
      ['target', 'status', 'required', 'measured'],
      report.targets.map((t) => [t.label, t.status, t.target, t.value === null ? '—' : fmt(t.value, 1)]),
    ),
  );
  if (!report.valid)
    console.log(
      '\nThe run is NOT valid: a run had non-2xx answers, errors or timeouts, or the benchmark failed. Its figures must not be quoted.',
    );
}
