import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  classify,
  detectLanguage,
  type LabelledText,
  predictText,
  priorFunction,
  scoreSentiment,
  type TextClassifier,
  trainTenantModel,
} from '@afterdesk/core';
import { trainBaseline } from './baseline.js';
import { readBitext } from './build-intent-model.js';
import { evaluatePredictions } from './evaluate.js';
import { INTENT_MODEL_PATH, loadModel } from './model-store.js';
import { readLabelledFile, readLabelMap, readRows, splitHeldOut } from './read-labelled.js';
import { hasSharedData, sharedDataDir } from './shared-data.js';

// `npm run eval`: the triage figures on the real data sets (when this machine has them).
// Not a test: the data are not part of the repository, and several sets may not be shipped.

const DATA = sharedDataDir();
const TRIAGE_DATA = new URL('../../triage-data/', import.meta.url).pathname;
const f4 = (v: number) => v.toFixed(4);

async function languageSection() {
  const rows: { text: string; lang: string }[] = [];
  for await (const r of readRows(join(DATA, 'marc-multilingual-reviews/marc_reviews_sample_dev.csv'))) {
    rows.push({ text: String(r.text), lang: String(r.lang) });
  }
  const byLanguage = new Map<string, [number, number]>();
  for (const r of rows) {
    const hit = detectLanguage(r.text).language === r.lang ? 1 : 0;
    const [right, all] = byLanguage.get(r.lang) ?? [0, 0];
    byLanguage.set(r.lang, [right + hit, all + 1]);
  }
  const right = [...byLanguage.values()].reduce((s, [r]) => s + r, 0);
  console.log(
    `\n== 1. Language on MARC (${rows.length} rows): accuracy ${f4(right / rows.length)} (target ≥ 0.99)`,
  );
  console.log([...byLanguage].map(([l, [r, n]]) => `${l} ${f4(r / n)}`).join('  '));
}

async function readOlist(labelColumn: string, labelMap?: Record<string, string>) {
  return readLabelledFile(join(DATA, 'olist-classified-reviews/olist_classified_reviews_dev.csv'), {
    textColumn: 'review_comment_message',
    labelColumn,
    labelMap,
  });
}

async function shippedIntentSection(model: TextClassifier) {
  const bitext = await readBitext(DATA);
  const bitextFigures = evaluatePredictions(
    bitext.heldOut,
    bitext.heldOut.map((e) => classify(model, e.text).label),
  ).figures;
  const map = await readLabelMap(join(DATA, 'olist-classified-reviews/intent-map.json'));
  const olist = await readOlist('most_voted_subclass', map);
  const olistResult = evaluatePredictions(
    olist.examples,
    olist.examples.map((e) => classify(model, e.text).label),
  );
  console.log('\n== 2. Shipped intent model');
  console.log(
    `Bitext held-out (${bitext.heldOut.length}): macro-F1 ${f4(bitextFigures.macroF1)} (target ≥ 0.97)`,
  );
  console.log(
    `Olist mapped intents (${olist.examples.length}, ${olist.skipped} without label): macro-F1 ${f4(olistResult.figures.macroF1)}, accuracy ${f4(olistResult.figures.accuracy)}`,
  );
  console.log(`  per class F1 ${JSON.stringify(olistResult.figures.perClassF1)}`);
  return { bitext: bitextFigures.macroF1, olist: olistResult.figures.macroF1 };
}

function compare(name: string, examples: readonly LabelledText[], base: TextClassifier) {
  const { train, heldOut } = splitHeldOut(examples);
  const score = (predict: (t: string) => string) =>
    evaluatePredictions(
      heldOut,
      heldOut.map((e) => predict(e.text)),
    ).figures.macroF1;
  const baseline = score(trainBaseline(train));
  const { classifier, candidates } = trainTenantModel(train, { task: 'intent', base, seed: 7 });
  const prior = priorFunction(classifier.prior, base);
  const tenant = score((t) => classify(classifier, t, prior).label);
  console.log(
    `${name}: train ${train.length}, held-out ${heldOut.length} | baseline (TF-IDF char_wb 2–5 + LR) ${f4(baseline)} | tenant ${f4(tenant)} (${classifier.summary.chosen}) ${tenant > baseline ? 'beats' : 'DOES NOT beat'} the baseline`,
  );
  console.log(`  validation of candidates: ${candidates.map((c) => `${c.name} ${f4(c.score)}`).join('; ')}`);
  return { baseline, tenant };
}

async function tenantIntentSection(base: TextClassifier) {
  console.log('\n== 3. Tenant intent model on Olist (train 80 % / held-out 20 % by text hash)');
  const sub = compare('9 subclasses', (await readOlist('most_voted_subclass')).examples, base);
  const cls = compare('3 classes', (await readOlist('most_voted_class')).examples, base);
  return { subclasses: sub, classes: cls };
}

async function sentimentSet(name: string, path: string, text: string, label: string, map: string) {
  const read = await readLabelledFile(path, {
    textColumn: text,
    labelColumn: label,
    labelMap: await readLabelMap(join(TRIAGE_DATA, map)),
  });
  const languageOf = new Map<string, string>();
  if (name === 'MARC') {
    for await (const r of readRows(path)) languageOf.set(String(r.text).trim(), String(r.lang));
  }
  const { train, heldOut } = splitHeldOut(read.examples);
  const { classifier, candidates } = trainTenantModel(train, { task: 'sentiment', seed: 7 });
  const prior = priorFunction(classifier.prior);
  const positive = classifier.model.labels.indexOf('positive');
  const groups = new Map<string, LabelledText[]>();
  for (const e of read.examples) {
    const key = languageOf.get(e.text) ?? 'zh';
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: Record<string, { lexicon: number; tenant: number }> = {};
  const tenantScore = (t: string) => predictText(classifier, t, prior)[positive] as number;
  const aucOf = (set: readonly LabelledText[], score: (t: string) => number) =>
    evaluatePredictions(
      set,
      set.map(() => ''),
      { scores: set.map((e) => score(e.text)) },
    ).figures.rocAuc ?? 0;
  console.log(
    `${name} overall: lexicon AUC ${f4(aucOf(heldOut, (t) => scoreSentiment(t).score))} | tenant AUC ${f4(aucOf(heldOut, tenantScore))} (held-out ${heldOut.length}; chose ${classifier.summary.chosen})`,
  );
  console.log(`  validation of candidates: ${candidates.map((c) => `${c.name} ${f4(c.score)}`).join('; ')}`);
  for (const [language, all] of [...groups].sort()) {
    const held = all.filter((e) => heldOut.includes(e));
    const lexicon = aucOf(all, (t) => scoreSentiment(t, language).score);
    const tenant = aucOf(held, tenantScore);
    out[language] = { lexicon, tenant };
    console.log(
      `${name} ${language}: lexicon AUC ${f4(lexicon)} (${all.length} rows) | tenant AUC ${f4(tenant)} (held-out ${held.length})`,
    );
  }
  return out;
}

async function sentimentSection() {
  console.log('\n== 4. Sentiment ROC AUC (targets: tenant ≥ 0.87 MARC, ≥ 0.96 Chinese)');
  const marc = await sentimentSet(
    'MARC',
    join(DATA, 'marc-multilingual-reviews/marc_reviews_sample_dev.csv'),
    'text',
    'stars',
    'marc-stars-sentiment.json',
  );
  const shopping = await sentimentSet(
    'online_shopping_10cats',
    join(DATA, 'chinese-shopping-reviews/online_shopping_10cats_sample_dev.csv'),
    'review',
    'label',
    'zh-binary-sentiment.json',
  );
  const waimai = await sentimentSet(
    'waimai_10k',
    join(DATA, 'chinese-shopping-reviews/waimai_10k_dev.csv'),
    'review',
    'label',
    'zh-binary-sentiment.json',
  );
  return { marc, shopping: shopping.zh, waimai: waimai.zh };
}

// One-sentence messages in the seven languages the speed target names, written for this bench.
const SPEED_TEXTS = [
  'Hi, I still have not received my order 123456, can you check?',
  'The parcel arrived broken and I want my money back.',
  '我的快递三周了还没到',
  '质量很差，我要退货',
  '注文をキャンセルしたいです。',
  '届いた商品が壊れていました。',
  'Die Farbe ist anders als auf dem Foto.',
  'Wo ist mein Paket? Ich warte seit zwei Wochen.',
  'Quiero devolver el producto, llegó roto.',
  '¿Cuándo llega mi pedido?',
  'Je n’ai toujours pas reçu mon colis.',
  'Le produit ne correspond pas à la description.',
  'O produto chegou quebrado e quero devolver',
  'nao recebi meu pedido ainda',
];

function measure(run: (text: string) => void, count = 50_000) {
  for (let i = 0; i < 5_000; i++) run(SPEED_TEXTS[i % SPEED_TEXTS.length] as string);
  const times = new Float64Array(count);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    run(SPEED_TEXTS[i % SPEED_TEXTS.length] as string);
    times[i] = performance.now() - t0;
  }
  const perSecond = Math.round(count / ((performance.now() - started) / 1000));
  times.sort();
  return { perSecond, p99Ms: Number((times[Math.floor(count * 0.99)] as number).toFixed(3)) };
}

function speedSection(model: TextClassifier, loadMs: number) {
  const intent = measure((t) => classify(model, t));
  const triage = measure((t) => {
    const { language } = detectLanguage(t);
    classify(model, t);
    scoreSentiment(t, language);
  });
  const size = statSync(INTENT_MODEL_PATH).size;
  console.log(
    '\n== 5. Model file, load time, speed (one core, one-sentence messages in en/zh/ja/de/es/fr/pt)',
  );
  console.log(`intent.model.gz ${(size / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms`);
  console.log(`intent alone: ${intent.perSecond} messages/s, p99 ${intent.p99Ms} ms (target ≥ 25,000/s)`);
  console.log(
    `whole triage (language + intent + sentiment): ${triage.perSecond} messages/s, p99 ${triage.p99Ms} ms (target ≥ 5,000/s, p99 < 5 ms)`,
  );
  return { modelBytes: size, loadMs: Math.round(loadMs), intent, triage };
}

// Seconds a section took, printed after it: the whole evaluation runs in CI.
async function timed<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`  (${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/**
 * Runs every triage evaluation and prints the figures, ending with one JSON line. `only`
 * (e.g. ['sentiment']) restricts it to some sections while tuning one.
 */
export async function evaluateTriage(only: readonly string[] = []) {
  if (!hasSharedData(DATA)) {
    console.log(`triage: no shared data at ${DATA}; nothing to evaluate`);
    return;
  }
  const started = performance.now();
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const { classifier: model, loadMs } = await loadModel(INTENT_MODEL_PATH);
  if (wanted('language')) await timed('language', languageSection);
  const shipped = wanted('shipped') ? await timed('shipped', () => shippedIntentSection(model)) : undefined;
  const tenant = wanted('tenant') ? await timed('tenant', () => tenantIntentSection(model)) : undefined;
  const sentiment = wanted('sentiment') ? await timed('sentiment', sentimentSection) : undefined;
  const speed = wanted('speed') ? await timed('speed', () => speedSection(model, loadMs)) : undefined;
  console.log(`\ntriage evaluation took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(JSON.stringify({ shipped, tenant, sentiment, speed }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await evaluateTriage(process.argv.slice(2));
}
