import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INTENTS, type LabelledText, type TextClassifier, trainTextClassifier } from '@afterdesk/core';
import { INTENT_MODEL_PATH, saveModel } from './model-store.js';
import { readLabelledFile, readLabelMap, readRows, splitHeldOut } from './read-labelled.js';
import { sharedDataDir } from './shared-data.js';

/** The examples we wrote ourselves (packages/server/triage-data/intent-examples/*.jsonl). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../triage-data/intent-examples/', import.meta.url));

/** Our own multilingual intent examples. */
export async function readOwnExamples(dir = EXAMPLES_DIR): Promise<(LabelledText & { language: string })[]> {
  const out: (LabelledText & { language: string })[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort()) {
    for await (const row of readRows(join(dir, name))) {
      const { text, intent, language } = row as { text: string; intent: string; language: string };
      if (!(INTENTS as readonly string[]).includes(intent))
        throw new Error(`${name}: unknown intent "${intent}"`);
      out.push({ text, label: intent, language });
    }
  }
  return out;
}

/** Both Bitext sets with their labels mapped to Afterdesk intents, split 80/20 by text hash. */
export async function readBitext(dataDir = sharedDataDir()) {
  const map = await readLabelMap(join(dataDir, 'bitext-customer-service-8k/intent-map.json'));
  const short = await readLabelledFile(join(dataDir, 'bitext-customer-service-8k/bitext_cs_8k_dev.csv'), {
    textColumn: 'utterance',
    labelColumn: 'intent',
    labelMap: map,
  });
  const long = await readLabelledFile(join(dataDir, 'bitext-customer-support-llm/bitext_cs_llm_dev.csv.gz'), {
    textColumn: 'instruction',
    labelColumn: 'intent',
    labelMap: map,
  });
  return splitHeldOut([...short.examples, ...long.examples]);
}

// Bitext gives ~8,000 English lines for 14 intents; our own ~1,500 lines in many languages
// cover all 21. Repeating ours keeps them from being drowned, and square-root class weights
// lift the intents only we cover without letting them dominate.
const OWN_REPEATS = 3;

/** Trains the shipped intent model: Bitext's training part plus our own examples. */
export async function buildIntentModel(dataDir = sharedDataDir()): Promise<TextClassifier> {
  const bitext = await readBitext(dataDir);
  const own = await readOwnExamples();
  const examples = [...bitext.train, ...Array.from({ length: OWN_REPEATS }, () => own).flat()];
  return trainTextClassifier(examples, {
    task: 'intent',
    seed: 20_240_601,
    labels: INTENTS,
    epochs: 10,
    l2: 1e-6,
    classWeights: 'sqrt-balanced',
    summary: {
      trainedOn: [
        'bitext-customer-service-8k (dev, 80 %)',
        'bitext-customer-support-llm (dev, 80 %)',
        'own examples',
      ],
      bitextTrain: bitext.train.length,
      bitextHeldOut: bitext.heldOut.length,
      ownExamples: own.length,
      ownLanguages: [...new Set(own.map((e) => e.language))].sort(),
      ownRepeats: OWN_REPEATS,
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const classifier = await buildIntentModel();
  const bytes = await saveModel(INTENT_MODEL_PATH, classifier);
  console.log(JSON.stringify(classifier.summary, null, 2));
  console.log(
    `wrote ${INTENT_MODEL_PATH} (${(bytes / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
