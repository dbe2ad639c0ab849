import {
  fitTemperature,
  type LinearModel,
  mulberry32,
  predictProbabilities,
  type SoftmaxOptions,
  type TrainingExample,
  trainSoftmax,
  trainSoftmaxLbfgs,
} from './linear-model.js';
import { classificationReport } from './metrics.js';
import {
  DEFAULT_FEATURES,
  extractFeatures,
  type FeatureConfig,
  fnv1a,
  normalizeText,
  type SparseVector,
} from './text-features.js';

/** Dense inputs another scorer adds to the text features (the shipped model's log-probabilities, a lexicon score). */
export interface PriorSpec {
  /** What computes them; the caller supplies the function under this name when classifying. */
  kind: 'intent-model' | 'sentiment-lexicon' | 'sentiment-score';
  size: number;
  /** Multiplies each value, so the prior sits on the scale of L2-normalised text features. */
  scale: number;
}

/** Computes a prior's values for one text. */
export type PriorFunction = (text: string) => readonly number[];

/** A trained text classifier: everything needed to classify, and how it was made. */
export interface TextClassifier {
  format: 'afterdesk-text-classifier';
  version: 1;
  /** 'intent', 'sentiment', or a tenant's own task name. */
  task: string;
  features: FeatureConfig;
  prior: PriorSpec | null;
  model: LinearModel;
  /** Data sizes, held-out figures, options: printed by the CLI and kept in the file. */
  summary: Record<string, unknown>;
}

/** One label with its calibrated probability. */
export interface ScoredLabel {
  label: string;
  confidence: number;
}

/** The best label, its calibrated confidence and the best three. */
export interface Classification extends ScoredLabel {
  top: ScoredLabel[];
}

/** A text with its label, as training and evaluation read them. */
export interface LabelledText {
  text: string;
  label: string;
}

/** The input vector of `text` for this classifier: hashed text features, then the prior. */
export function featurize(classifier: TextClassifier, text: string, prior?: PriorFunction): SparseVector {
  const x = extractFeatures(text, classifier.features);
  if (!classifier.prior) return x;
  if (!prior) throw new Error(`this ${classifier.task} model needs its ${classifier.prior.kind} prior`);
  return appendDense(x, 2 ** classifier.features.bits, prior(text), classifier.prior.scale);
}

function appendDense(x: SparseVector, offset: number, dense: readonly number[], scale: number): SparseVector {
  const indices = new Uint32Array(x.indices.length + dense.length);
  const values = new Float32Array(x.values.length + dense.length);
  indices.set(x.indices);
  values.set(x.values);
  dense.forEach((v, i) => {
    indices[x.indices.length + i] = offset + i;
    values[x.values.length + i] = v * scale;
  });
  return { indices, values };
}

/** Calibrated probabilities of every label, in `classifier.model.labels` order. */
export function predictText(classifier: TextClassifier, text: string, prior?: PriorFunction): Float64Array {
  return predictProbabilities(classifier.model, featurize(classifier, text, prior));
}

/** The best label for `text` with its calibrated confidence and the top three. */
export function classify(classifier: TextClassifier, text: string, prior?: PriorFunction): Classification {
  const p = predictText(classifier, text, prior);
  const top = [...p]
    .map((confidence, i) => ({ label: classifier.model.labels[i] as string, confidence }))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, 3);
  const best = top[0] as ScoredLabel;
  return { label: best.label, confidence: best.confidence, top };
}

/** How {@link trainTextClassifier} learns; all optional except the seed. */
export interface TextTrainingOptions extends Omit<SoftmaxOptions, 'random'> {
  task: string;
  seed: number;
  /** The label set and its order; by default the labels seen, sorted. */
  labels?: readonly string[];
  features?: FeatureConfig;
  prior?: { spec: PriorSpec; compute: PriorFunction } | undefined;
  /** Share of examples (by a hash of the normalised text) held out to fit the temperature. */
  calibrationShare?: number;
  /** After calibrating, train again on everything (keeping the temperature): better on small sets. */
  refit?: boolean;
  /**
   * 'adagrad' (default): a few seeded epochs, fast on large sets. 'lbfgs': full-batch, to
   * convergence, so `l2` alone sets the fit; best on a tenant's few thousand examples.
   */
  optimizer?: 'adagrad' | 'lbfgs';
  /**
   * Two labels only: scale each text feature by its naive-Bayes log-count ratio before the
   * regression (Wang & Manning's NBSVM). The ratios are folded into the weights afterwards,
   * so the model reads text exactly as one without them.
   */
  nbScaling?: boolean;
  /** Passed to L-BFGS: stop once five iterations lowered the loss by less than this share. */
  relativeTolerance?: number;
  /**
   * Memo of each text's input vector. Trainings that share the features and the prior may
   * share one map, so a text is featurised once however many candidates are tried.
   */
  featureCache?: Map<string, SparseVector>;
  /** Extra facts for the summary. */
  summary?: Record<string, unknown>;
}

/** Deterministic slice membership from the normalised text, so duplicates land together. */
export function inHashSlice(text: string, share: number, salt = 'calibration'): boolean {
  return fnv1a(`${salt}|${normalizeText(text)}`) % 10_000 < share * 10_000;
}

/**
 * Trains, fits the temperature on a held-out slice and records the slice's figures in the
 * summary. The same examples, options and seed always give the same model.
 */
export function trainTextClassifier(
  examples: readonly LabelledText[],
  options: TextTrainingOptions,
): TextClassifier {
  const labels = options.labels ? [...options.labels] : [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const features = options.features ?? DEFAULT_FEATURES;
  const prior = options.prior;
  const shell: TextClassifier = {
    format: 'afterdesk-text-classifier',
    version: 1,
    task: options.task,
    features,
    prior: prior?.spec ?? null,
    model: { labels, dim: 0, weights: new Float32Array(0), bias: new Float32Array(0), temperature: 1 },
    summary: {},
  };
  const dim = 2 ** features.bits + (prior?.spec.size ?? 0);
  const all: (TrainingExample & { text: string })[] = [];
  for (const e of examples) {
    const y = index.get(e.label);
    if (y === undefined) continue;
    let x = options.featureCache?.get(e.text);
    if (!x) {
      x = featurize(shell, e.text, prior?.compute);
      options.featureCache?.set(e.text, x);
    }
    all.push({ text: e.text, y, x });
  }
  const share = options.calibrationShare ?? 0.1;
  const held = all.filter((e) => inHashSlice(e.text, share));
  const train = all.filter((e) => !inHashSlice(e.text, share));
  const textDim = 2 ** features.bits;
  const fit = (set: TrainingExample[]): LinearModel =>
    options.optimizer === 'lbfgs'
      ? trainSoftmaxLbfgs(set, labels, dim, {
          l2: options.l2 ?? 1e-4,
          classWeights: options.classWeights,
          relativeTolerance: options.relativeTolerance,
        })
      : trainSoftmax(set, labels, dim, { ...options, random: mulberry32(options.seed) });
  const softmax = (set: TrainingExample[]): LinearModel => {
    if (!options.nbScaling || labels.length !== 2) return fit(set);
    const r = nbRatios(set, textDim);
    const model = fit(set.map((e) => ({ y: e.y, x: scaleBy(e.x, r) })));
    for (let f = 0; f < textDim; f++) {
      for (let k = 0; k < 2; k++)
        model.weights[f * 2 + k] = (model.weights[f * 2 + k] as number) * (r[f] as number);
    }
    return model;
  };
  const first = softmax(train);
  const temperature = fitTemperature(first, held);
  first.temperature = temperature;
  const predicted = held.map((e) => labels[argmax(predictProbabilities(first, e.x))] as string);
  const report = classificationReport(
    held.map((e) => labels[e.y] as string),
    predicted,
    labels.filter((l) => held.some((e) => labels[e.y] === l)),
  );
  const model = options.refit ? { ...softmax(all), temperature } : first;
  return {
    ...shell,
    model,
    summary: {
      ...options.summary,
      examples: all.length,
      calibrationExamples: held.length,
      calibrationAccuracy: round(report.accuracy),
      calibrationMacroF1: round(report.macroF1),
      temperature: round(temperature),
      refit: options.refit ?? false,
      optimizer: options.optimizer ?? 'adagrad',
      ...(options.optimizer === 'lbfgs' ? {} : { epochs: options.epochs ?? 8 }),
      l2: options.l2 ?? (options.optimizer === 'lbfgs' ? 1e-4 : 1e-6),
      classWeights: options.classWeights ?? 'none',
      ...(options.nbScaling ? { nbScaling: true } : {}),
    },
  };
}

// ln of (share of label-1 examples with the feature) / (share of label-0 ones), add-one smoothed.
function nbRatios(examples: readonly TrainingExample[], textDim: number): Float64Array {
  const p = new Float64Array(textDim);
  const q = new Float64Array(textDim);
  let np = 0;
  for (const { x, y } of examples) {
    const side = y === 1 ? p : q;
    if (y === 1) np++;
    for (const f of x.indices) if (f < textDim) side[f] = (side[f] as number) + 1;
  }
  const nq = examples.length - np;
  const r = new Float64Array(textDim);
  for (let f = 0; f < textDim; f++) {
    r[f] = Math.log((1 + (p[f] as number)) / (1 + np)) - Math.log((1 + (q[f] as number)) / (1 + nq));
  }
  return r;
}

function scaleBy(x: SparseVector, r: Float64Array): SparseVector {
  const values = new Float32Array(x.values.length);
  x.indices.forEach((f, n) => {
    values[n] = (x.values[n] as number) * (f < r.length ? (r[f] as number) : 1);
  });
  return { indices: x.indices, values };
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
