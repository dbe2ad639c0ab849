import {
  classify,
  detectLanguage,
  type PriorFunction,
  predictText,
  priorFunction,
  scoreSentiment,
  type TextClassifier,
} from '@afterdesk/core';
import { Command, Option } from 'commander';
import type { Services } from '../app/context.js';
import { trainAndCheck, trainTenantTriage } from '../app/triage/train-tenant-model.js';
import { evaluatePredictions, formatEvaluation } from '../triage/evaluate.js';
import { loadIntentModel, loadModel, saveModel } from '../triage/model-store.js';
import { readLabelledFile, readLabelMap } from '../triage/read-labelled.js';

type WithServices = <T>(run: (services: Services) => Promise<T>) => Promise<T>;

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

type TrainOptions = Partial<FileOptions> & { out?: string; tenant?: string; seed: string };

// From a file (written to --out, stored for --tenant, or both), or from what the tenant's agents labelled.
async function train(file: string | undefined, o: TrainOptions, withServices: WithServices) {
  const task = o.task;
  if (task !== 'intent' && task !== 'sentiment')
    throw new Error('--task intent or --task sentiment: language has no trainable model.');
  if (!o.out && !o.tenant) throw new Error('Say where the model goes: --out FILE, --tenant ID, or both.');
  if (!file && !o.tenant)
    throw new Error('Give a labelled FILE, or --tenant ID to learn from its agents’ labels.');
  if (file && (!o.textColumn || !o.labelColumn))
    throw new Error('A file needs --text-column and --label-column.');
  const examples = file ? (await readExamples(file, o as FileOptions)).examples : undefined;
  const seed = Number(o.seed);
  const source = file ?? 'labels in the console';
  const trained = o.tenant
    ? await withServices((services) =>
        trainTenantTriage(services, {
          tenantId: o.tenant as string,
          task,
          seed,
          source,
          ...(examples ? { examples } : {}),
        }),
      )
    : {
        ...(await trainAndCheck(examples ?? [], task, { seed, summary: { source } })),
        examples: examples?.length ?? 0,
      };
  console.log(`held-out (20 % of ${trained.examples} by text hash), trained on ${trained.trainedOn}:`);
  console.log(formatEvaluation(trained.heldOutReport, trained.heldOut));
  if (o.out) {
    const bytes = await saveModel(o.out, trained.classifier);
    console.log(`wrote ${o.out} (${(bytes / 1e6).toFixed(2)} MB)`);
  }
  if (o.tenant) console.log(`stored as tenant ${o.tenant}'s ${task} model; new messages are triaged with it`);
  console.log(`chose ${trained.chosen}`);
  console.log(
    JSON.stringify({ task, source, out: o.out ?? null, tenant: o.tenant ?? null, ...trained.heldOut }),
  );
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
export function triageCommand(withServices: WithServices): Command {
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
  triage
    .command('train [file]')
    .description(
      "Train a tenant model, blended with the shipped model or lexicon, from a labelled CSV or JSONL file or from the labels a tenant's agents gave in the console",
    )
    .addOption(
      new Option('--task <task>', 'what to classify').choices(['intent', 'sentiment']).makeOptionMandatory(),
    )
    .option('--text-column <name>', 'with a file: column (CSV) or key (JSONL) holding the text')
    .option('--label-column <name>', 'with a file: column or key holding the label')
    .option(
      '--label-map <file.json>',
      'with a file: JSON object mapping its labels; unmapped rows are skipped',
    )
    .option(
      '--tenant <id>',
      "store the model as this tenant's (without a file: learn from its agents' labels)",
    )
    .option('--out <path>', 'write the model to this file (gzipped)')
    .option('--seed <n>', 'random seed (same data and seed give the same model)', '1')
    .action((file: string | undefined, o: TrainOptions) => train(file, o, withServices));
  return triage;
}
