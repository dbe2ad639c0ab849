import { gzipSync } from 'node:zlib';
import {
  type ClassificationReport,
  classify,
  type LabelledText,
  predictText,
  priorFunction,
  serializeModel,
  type TextClassifier,
  trainTenantModel,
} from '@afterdesk/core';
import { inTenant } from '../../db/scope.js';
import { type EvaluationFigures, evaluatePredictions } from '../../triage/evaluate.js';
import { loadIntentModel } from '../../triage/model-store.js';
import { splitHeldOut } from '../../triage/read-labelled.js';
import type { Services } from '../context.js';
import { AppError } from '../errors.js';

export type TrainableTask = 'intent' | 'sentiment';

/** A trained model, how it did on the part held back, and what it was trained on. */
export interface TrainedModel {
  classifier: TextClassifier;
  heldOut: EvaluationFigures;
  heldOutReport: ClassificationReport;
  trainedOn: number;
  heldOutCount: number;
  chosen: string;
}

/**
 * Trains a merchant's model the honest way: first on 80 % of the examples (by a hash of the
 * text, so a repeated message stays on one side) to measure it on the other 20 %, then on
 * all of them for the model that is kept. Intents lean on the shipped model, sentiment on
 * the lexicon (see `trainTenantModel`).
 */
export async function trainAndCheck(
  examples: readonly LabelledText[],
  task: TrainableTask,
  options: { seed?: number; summary?: Record<string, unknown> } = {},
): Promise<TrainedModel> {
  const base = task === 'intent' ? await loadIntentModel() : undefined;
  const seed = options.seed ?? 1;
  const { train, heldOut } = splitHeldOut(examples);
  const trial = trainTenantModel(train, { task, base, seed });
  const prior = priorFunction(trial.classifier.prior, base);
  const positive = trial.classifier.model.labels.indexOf('positive');
  const { report, figures } = evaluatePredictions(
    heldOut,
    heldOut.map((e) => classify(trial.classifier, e.text, prior).label),
    task === 'sentiment' && positive >= 0
      ? { scores: heldOut.map((e) => predictText(trial.classifier, e.text, prior)[positive] as number) }
      : {},
  );
  const final = trainTenantModel(examples, {
    task,
    base,
    seed,
    summary: { ...options.summary, heldOut: { ...figures, confusion: undefined } },
  });
  return {
    classifier: final.classifier,
    heldOut: figures,
    heldOutReport: report,
    trainedOn: train.length,
    heldOutCount: heldOut.length,
    chosen: String(final.classifier.summary.chosen ?? ''),
  };
}

// Fewer examples than this teach a model nothing it can be trusted with.
const MIN_EXAMPLES = 20;

/**
 * Trains a tenant's model from the labels its agents gave in the console (or from the
 * examples given, e.g. a file of its history) and stores it: from then on every message of
 * the tenant is triaged with it, blended with the shipped model.
 */
export async function trainTenantTriage(
  services: Services,
  input: {
    tenantId: string;
    task: TrainableTask;
    examples?: readonly LabelledText[];
    seed?: number;
    source?: string;
  },
): Promise<TrainedModel & { examples: number }> {
  const examples = input.examples ?? (await labelledMessages(services, input.tenantId, input.task));
  const labels = new Set(examples.map((e) => e.label));
  if (examples.length < MIN_EXAMPLES || labels.size < 2)
    throw new AppError(
      'validation_failed',
      `A ${input.task} model needs at least ${MIN_EXAMPLES} labelled messages of at least two labels; ` +
        `there are ${examples.length} of ${labels.size}.`,
    );
  const trained = await trainAndCheck(examples, input.task, {
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    summary: { source: input.source ?? 'labels' },
  });
  const model = gzipSync(serializeModel(trained.classifier), { level: 9 });
  const at = services.clock();
  await inTenant(services.db, input.tenantId, (tx) =>
    tx
      .insertInto('triage_models')
      .values({
        tenant_id: input.tenantId,
        task: input.task,
        model,
        summary: JSON.stringify({ ...trained.classifier.summary, examples: examples.length }),
        trained_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'task']).doUpdateSet((eb) => ({
          model: eb.ref('excluded.model'),
          summary: eb.ref('excluded.summary'),
          trained_at: eb.ref('excluded.trained_at'),
        })),
      )
      .execute(),
  );
  return { ...trained, examples: examples.length };
}

// What agents labelled: for sentiment only positive against negative (neutral teaches the
// two-sided score nothing).
async function labelledMessages(services: Services, tenantId: string, task: TrainableTask) {
  const rows = await inTenant(services.db, tenantId, (tx) =>
    tx
      .selectFrom('triage_labels as l')
      .innerJoin('messages as m', 'm.id', 'l.message_id')
      .select(['m.body as text', 'l.label'])
      .where('l.task', '=', task)
      .$if(task === 'sentiment', (q) => q.where('l.label', 'in', ['negative', 'positive']))
      .orderBy('l.created_at')
      .execute(),
  );
  return rows.map((r) => ({ text: r.text, label: r.label }));
}
