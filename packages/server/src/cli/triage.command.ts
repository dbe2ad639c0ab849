import {
  classify,
  detectLanguage,
  type PriorFunction,
  predictText,
  priorFunction,
  scoreSentiment,
  type TextClassifier,
  trainTenantModel,
} from '@afterdesk/core';
import { Command, Option } from 'commander';
import { evaluatePredictions, formatEvaluation } from '../triage/evaluate.js';
import { loadIntentModel, loadModel, saveModel } from '../triage/model-store.js';
import { readLabelledFile, readLabelMap, splitHeldOut } from '../triage/read-labelled.js';

interface FileOptions {
  task: 'intent' | 'sentiment' | 'language';
  textColumn: string;
  labelColumn: string;
  labelMap?: string;
}

async function readExamples(file: string, o: FileOptions) {
  const labelMap = o.labelMap ? await readLabelMap(o.labelMap) : undefined;
  const read = await readLabelledFile(file, {
    textColumn: o.textColumn,
    labelColumn: o.labelColumn,
    labelMap,
  });
  if (read.examples.length === 0) throw new Error(`${file}: no rows with a text and a (mapped) label.`);
  return read;
}

// A tenant model is classified with the prior it was trained with; the shipped intent model
// is loaded only when that prior needs it.
async function predictorFor(
  classifier: TextClassifier,
): Promise<{ prior: PriorFunction | undefined; positive: number }> {
  const base = classifier.prior?.kind === 'intent-model' ? await loadIntentModel() : undefined;
  return {
    prior: priorFunction(classifier.prior, base),
    positive: classifier.model.labels.indexOf('positive'),
  };
}

async function evaluate(file: string, o: FileOptions & { model?: string }) {
  const read = await readExamples(file, o);
  const texts = read.examples.map((e) => e.text);
  let predicted: string[];
  let scores: number[] | undefined;
  if (o.model || o.task === 'intent') {
    const loaded = o.model ? await loadModel(o.model) : { classifier: await loadIntentModel(), loadMs: 0 };
    if (o.model) console.log(`model ${o.model} loaded in ${loaded.loadMs.toFixed(0)} ms`);
    const { prior, positive } = await predictorFor(loaded.classifier);
    predicted = texts.map((t) => classify(loaded.classifier, t, prior).label);
    if (o.task === 'sentiment') {
      if (positive < 0) throw new Error('a sentiment model must have the labels "positive" and "negative".');
      scores = texts.map((t) => predictText(loaded.classifier, t, prior)[positive] as number);
    }
  } else if (o.task === 'language') {
    predicted = texts.map((t) => detectLanguage(t).language);
  } else {
    scores = texts.map((t) => scoreSentiment(t).score);
    predicted = scores.map((s) => (s >= 0 ? 'positive' : 'negative'));
  }
  const { report, figures } = evaluatePredictions(read.examples, predicted, {
    skipped: read.skipped + read.empty,
    ...(scores ? { scores } : {}),
  });
  console.log(formatEvaluation(report, figures));
  console.log(JSON.stringify({ task: o.task, file, ...figures }));
}

async function train(file: string, o: FileOptions & { out: string; seed: string }) {
  if (o.task === 'language') throw new Error('--task language has no trainable model.');
  const read = await readExamples(file, o);
  const { train: part, heldOut } = splitHeldOut(read.examples);
  const base = o.task === 'intent' ? await loadIntentModel() : undefined;
  const seed = Number(o.seed);
  // First on 80 % to report honest held-out figures, then on everything for the file written.
  const trial = trainTenantModel(part, { task: o.task, base, seed });
  const { prior, positive } = await predictorFor(trial.classifier);
  const predicted = heldOut.map((e) => classify(trial.classifier, e.text, prior).label);
  const scores =
    o.task === 'sentiment' && positive >= 0
      ? heldOut.map((e) => predictText(trial.classifier, e.text, prior)[positive] as number)
      : undefined;
  const { report, figures } = evaluatePredictions(heldOut, predicted, { ...(scores ? { scores } : {}) });
  console.log(`held-out (20 % of ${read.examples.length} by text hash), trained on ${part.length}:`);
  console.log(formatEvaluation(report, figures));
  const final = trainTenantModel(read.examples, {
    task: o.task,
    base,
    seed,
    summary: { source: file, heldOut: { ...figures, confusion: undefined } },
  });
  const bytes = await saveModel(o.out, final.classifier);
  console.log(`chose ${final.classifier.summary.chosen}; wrote ${o.out} (${(bytes / 1e6).toFixed(2)} MB)`);
  console.log(JSON.stringify({ task: o.task, file, out: o.out, ...figures }));
}

const fileOptions = (command: Command) =>
  command
    .addOption(
      new Option('--task <task>', 'what to classify')
        .choices(['intent', 'sentiment', 'language'])
        .makeOptionMandatory(),
    )
    .requiredOption('--text-column <name>', 'column (CSV) or key (JSONL) holding the text')
    .requiredOption('--label-column <name>', 'column or key holding the label')
    .option(
      '--label-map <file.json>',
      'JSON object mapping the file’s labels to the task’s; unmapped rows are skipped',
    );

/** `afterdesk triage eval|train`: measure the triage models on a labelled file, or train a tenant model from one. */
export function triageCommand(): Command {
  const triage = new Command('triage').description('Evaluate and train the message triage models');
  fileOptions(triage.command('eval <file>'))
    .description(
      'Evaluate on a labelled CSV or JSONL file (plain or .gz): accuracy, macro-F1, per-class F1, confusion matrix ' +
        '(and ROC AUC for sentiment); the last line is JSON',
    )
    .option(
      '--model <path>',
      'a tenant model written by "triage train" (default: the shipped model or lexicon)',
    )
    .action(evaluate);
  fileOptions(triage.command('train <file>'))
    .description(
      'Train a tenant model from a labelled CSV or JSONL file, blended with the shipped model or lexicon',
    )
    .requiredOption('--out <path>', 'where to write the model (gzipped)')
    .option('--seed <n>', 'random seed (same data and seed give the same model)', '1')
    .action(train);
  return triage;
}
