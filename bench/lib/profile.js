// Optional CPU profile of the server process during a measured run (BENCH_PROFILE=1).
// Writes a .cpuprofile (open it in Chrome DevTools or speedscope) to the temp folder and
// returns where the server's CPU time went, grouped by package and by function.
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROFILE_DIR = join(tmpdir(), 'afterdesk-bench-profiles');

function groupOf(url, functionName) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'v8 (program)';
    return 'native (syscalls, crypto, …)';
  }
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.includes('/packages/server/')) return '@afterdesk/server';
  if (url.includes('/packages/core/')) return '@afterdesk/core';
  if (url.includes('/packages/contract/')) return '@afterdesk/contract';
  if (url.includes('/bench/')) return 'bench';
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

export function summarizeProfile(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
    total += dt;
  });
  const byGroup = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  for (const [id, t] of selfTime) {
    const n = byId.get(id);
    const { url, functionName, lineNumber } = n.callFrame;
    const g = groupOf(url, functionName);
    byGroup.set(g, (byGroup.get(g) ?? 0) + t);
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      const k = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '')}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  const pct = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, t]) => ({ name, percent: Math.round((t / total) * 1000) / 10 }));
  return {
    sampledSeconds: total / 1e6,
    byPackage: pct(byGroup, 40),
    selfByFunction: pct(byFunction, top),
    inclusiveByFunction: pct(inclusive, top * 2),
  };
}

export async function startProfile(name) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      await mkdir(PROFILE_DIR, { recursive: true });
      const file = join(PROFILE_DIR, `${name}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      return { file, ...summarizeProfile(profile) };
    },
  };
}
