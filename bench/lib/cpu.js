// Who used the CPUs during a run: this benchmark (its process and children), PostgreSQL,
// and everything else. On a shared machine the "other" share tells whether a figure was
// measured on a quiet machine. Linux /proc only; elsewhere it reports null.
import { readdirSync, readFileSync } from 'node:fs';

const HZ = 100; // USER_HZ; 100 on every mainstream Linux

function readProcs() {
  const procs = new Map();
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // fields after comm: state(0) ppid(1) … utime(11) stime(12)
      let cmdline = '';
      if (comm.startsWith('postgres')) cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      procs.set(Number(name), { comm, cmdline, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // exited meanwhile
    }
  }
  return procs;
}

function readTotal() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    // user nice system idle iowait irq softirq steal
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { processes: v[0] + v[1] + v[2], kernel: (v[5] ?? 0) + (v[6] ?? 0), steal: v[7] ?? 0, total };
  } catch {
    return null;
  }
}

// A backend's title is "postgres: 15/main: <user> <database> <client> <state>"; auxiliary
// processes (WAL writer, checkpointer, autovacuum launcher) have no database in it.
const BACKEND = /^postgres: [^:]+: \S+ (\S+) (\S+)/;

function classify(procs, pid, database) {
  const self = process.pid;
  let cur = pid;
  if (pid === self) return 'server';
  for (let depth = 0; depth < 20 && cur > 1; depth++) {
    if (cur === self) return 'load';
    cur = procs.get(cur)?.ppid ?? 0;
  }
  const p = procs.get(pid);
  if (!p?.comm.startsWith('postgres')) return 'other';
  const backend = BACKEND.exec(p.cmdline.replaceAll('\0', ' '));
  // Backends of other databases (someone else's tests) are neighbours, not the benchmark.
  if (backend && /^\d|^\[/.test(backend[2]) && backend[1] !== database) return 'other';
  return 'postgres';
}

/**
 * Starts a measurement; `stop()` returns CPU use in cores (1.0 = one core busy) per group.
 * `database`: the PostgreSQL database of the benchmark; backends of other databases (all of them
 * when none is given, as for PGlite) count as "other".
 */
export function cpuMeter(database) {
  const t0 = performance.now();
  const before = readProcs();
  const total0 = readTotal();
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const after = readProcs();
      const total1 = readTotal();
      if (!before || !after || !total0 || !total1 || seconds <= 0) return null;
      const groups = { server: 0, load: 0, postgres: 0 };
      for (const [pid, p] of after) {
        const group = classify(after, pid, database);
        if (group === 'other') continue;
        const prev = before.get(pid);
        groups[group] += p.ticks - (prev && prev.comm === p.comm ? prev.ticks : 0);
      }
      const processes = total1.processes - total0.processes;
      const cores = (ticks) => Math.round((ticks / HZ / seconds) * 100) / 100;
      return {
        cores: Math.round(((total1.total - total0.total) / HZ / seconds) * 10) / 10,
        busy: cores(processes + total1.kernel - total0.kernel + total1.steal - total0.steal),
        // The benchmark process (the server under test, or the bare-SQL client) and its children (load generator).
        bench: cores(groups.server + groups.load),
        server: cores(groups.server),
        load: cores(groups.load),
        postgres: cores(groups.postgres),
        // Process time that was neither the benchmark nor its PostgreSQL: neighbours on a shared machine.
        other: Math.max(0, cores(processes - groups.server - groups.load - groups.postgres)),
        // Interrupt handling (loopback networking) and time the hypervisor took away.
        irq: cores(total1.kernel - total0.kernel),
        steal: cores(total1.steal - total0.steal),
      };
    },
  };
}
