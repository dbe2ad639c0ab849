// Triage of inbound messages: how long the models take to load, how many messages one core
// triages per second (language + intent + mood), and what it adds to storing one message
// (p50/p99 per message, short chat lines and long e-mails). The texts are the examples
// written for the shipped model, in ten languages: licence-clean and in the repository.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentiles } from './stats.js';

const QUICK = process.env.BENCH_QUICK === '1';
const root = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = join(root, 'packages/server/triage-data/intent-examples');
const MODELS = join(root, 'packages/server/models');

function examples() {
  const texts = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(join(EXAMPLES, file), 'utf8').split('\n'))
      if (line.trim()) texts.push(JSON.parse(line).text);
  return texts;
}

// An e-mail: a dozen sentences of one language run together, as long replies quote.
function emails(texts, count) {
  const out = [];
  for (let i = 0; i < count; i++)
    out.push(texts.slice((i * 12) % (texts.length - 12), ((i * 12) % (texts.length - 12)) + 12).join(' '));
  return out;
}

export async function benchTriage({ log }) {
  // Loading, in a fresh process (this one has the core loaded already): the core module,
  // which brings eld's n-gram table, and the shipped model file.
  const coreUrl = new URL('../../packages/core/dist/index.js', import.meta.url).href;
  const coreLoadMs = Number(
    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `const t = performance.now(); await import(${JSON.stringify(coreUrl)}); console.log(performance.now() - t);`,
    ]).toString(),
  );
  const core = await import('../../packages/core/dist/index.js');
  const { loadModel, INTENT_MODEL_PATH } = await import('../../packages/server/dist/triage/model-store.js');
  const started = performance.now();
  const { classifier } = await loadModel(INTENT_MODEL_PATH);
  const modelLoadMs = performance.now() - started;
  // The table eld/small reads (language.ts imports that entry).
  const eldTable = join(root, 'node_modules/eld/src/ngrams/small.js');
  const modelBytes = readdirSync(MODELS)
    .filter((f) => f.endsWith('.gz'))
    .reduce((sum, f) => sum + statSync(join(MODELS, f)).size, 0);
  const sizes = { shippedModelsMb: modelBytes / 1e6, languageTableMb: statSync(eldTable).size / 1e6 };
  log(
    `triage: core (with the language table) loaded in ${coreLoadMs.toFixed(0)} ms, intent model in ${modelLoadMs.toFixed(0)} ms`,
  );

  const models = { intent: classifier };
  const short = examples();
  const long = emails(short, 200);
  const triage = (text) => core.triageMessage(text, models);
  for (const text of short.slice(0, 500)) triage(text); // warm the JIT

  // Throughput: one core, back to back.
  const rounds = QUICK ? 3 : 10;
  const perSecond = (texts) => {
    const t = performance.now();
    for (let r = 0; r < rounds; r++) for (const text of texts) triage(text);
    return (rounds * texts.length) / ((performance.now() - t) / 1000);
  };
  const shortPerS = perSecond(short);
  const longPerS = perSecond(long);

  // Latency added to storing a message: each triage timed on its own.
  const latency = (texts) => {
    const ms = [];
    for (let r = 0; r < rounds; r++)
      for (const text of texts) {
        const t = performance.now();
        triage(text);
        ms.push(performance.now() - t);
      }
    return percentiles(ms, [50, 99]);
  };
  const out = {
    messages: short.length,
    emails: long.length,
    coreLoadMs,
    modelLoadMs,
    ...sizes,
    shortPerS,
    longPerS,
    shortMs: latency(short),
    longMs: latency(long),
  };
  log(
    `triage: ${Math.round(shortPerS).toLocaleString('en')} short messages/s, ${Math.round(longPerS).toLocaleString('en')} e-mails/s`,
  );
  return out;
}

export function printTriage(r) {
  const ok = (cond) => (cond ? 'met' : 'MISS');
  console.log('\nTriage (language + intent + mood, one core):');
  console.log(
    `  throughput: ${Math.round(r.shortPerS).toLocaleString('en')} one-sentence messages/s over ${r.messages} examples in 10 languages ` +
      `(target ≥ 5,000: ${ok(r.shortPerS >= 5000)}); ${Math.round(r.longPerS).toLocaleString('en')} e-mails of ~12 sentences/s`,
  );
  console.log(
    `  added latency per message: p50 ${r.shortMs[50]} ms, p99 ${r.shortMs[99]} ms; e-mails p50 ${r.longMs[50]} ms, p99 ${r.longMs[99]} ms ` +
      `(target p99 < 5 ms: ${ok(Math.max(r.shortMs[99], r.longMs[99]) < 5)})`,
  );
  console.log(
    `  models: shipped ${r.shippedModelsMb.toFixed(2)} MB + language table ${r.languageTableMb.toFixed(2)} MB ` +
      `(target < 25 MB: ${ok(r.shippedModelsMb + r.languageTableMb < 25)}); loaded in ${r.modelLoadMs.toFixed(0)} ms ` +
      `(core with the language table ${r.coreLoadMs.toFixed(0)} ms; target < 1 s: ${ok(r.modelLoadMs + r.coreLoadMs < 1000)})`,
  );
}
