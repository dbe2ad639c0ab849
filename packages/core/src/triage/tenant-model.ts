import {
  argmax,
  inHashSlice,
  type LabelledText,
  type PriorFunction,
  type PriorSpec,
  predictText,
  type TextClassifier,
  type TextTrainingOptions,
  trainTextClassifier,
} from './classify-text.js';
import { classificationReport, rocAuc } from './metrics.js';
import { scoreSentiment } from './sentiment.js';

/** What a merchant's model is trained for and what it may lean on. */
export interface TenantTrainingOptions {
  /** 'intent' leans on the shipped intent model, 'sentiment' on the lexicon; anything else on nothing. */
  task: string;
  /** The shipped intent model, whose log-probabilities become inputs (task 'intent'). */
  base?: TextClassifier | undefined;
  seed?: number;
  /** Extra facts kept in the model's summary (source file, who labelled). */
  summary?: Record<string, unknown>;
}

/** One candidate configuration and how it did on the validation slice. */
export interface CandidateScore {
  name: string;
  score: number;
}

// Log-probabilities below e^-10 carry no more information, and /10 puts them on the scale of
// L2-normalised text features.
const LOG_FLOOR = -10;

/** The prior a classifier was trained with, computed the same way at classification time. */
export function priorFunction(spec: PriorSpec | null, base?: TextClassifier): PriorFunction | undefined {
  if (!spec) return undefined;
  if (spec.kind === 'sentiment-lexicon') {
    return (text) => {
      const s = scoreSentiment(text);
      return [s.score, s.flags.anger ? 1 : 0, s.flags.anxiety ? 1 : 0, s.flags.urgency ? 1 : 0];
    };
  }
  if (!base) throw new Error('this model leans on the shipped intent model; load it first');
  return (text) => [...predictText(base, text)].map((p) => Math.max(LOG_FLOOR, Math.log(p)));
}

function priorSpecFor(options: TenantTrainingOptions): PriorSpec | null {
  if (options.task === 'sentiment') return { kind: 'sentiment-lexicon', size: 4, scale: 1 };
  if (options.task === 'intent' && options.base) {
    return { kind: 'intent-model', size: options.base.model.labels.length, scale: 0.1 };
  }
  return null;
}

/**
 * Trains a merchant's own classifier from its labelled messages (a file today, agent-confirmed
 * labels from the database later). A few configurations — with and without the prior (the
 * shipped model or the lexicon), class weights, regularisation — are tried on a validation
 * slice of the examples; the best is trained again on all of them. The choice keeps the blend
 * from doing worse than the text-only model, and the prior's own weights let the blend follow
 * the shipped model where the merchant's text adds nothing.
 */
export function trainTenantModel(
  examples: readonly LabelledText[],
  options: TenantTrainingOptions,
): { classifier: TextClassifier; candidates: CandidateScore[] } {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error('a model needs examples of at least two labels');
  const spec = priorSpecFor(options);
  const compute = priorFunction(spec, options.base);
  const memo = new Map<string, readonly number[]>();
  const prior = spec && compute ? { spec, compute: cached(compute, memo) } : undefined;
  const seed = options.seed ?? 1;
  const grid: { name: string; options: Partial<TextTrainingOptions> }[] = [];
  for (const withPrior of prior ? [true, false] : [false]) {
    for (const classWeights of ['balanced', 'sqrt-balanced'] as const) {
      for (const l2 of [1e-5, 1e-4]) {
        grid.push({
          name: `${withPrior ? 'prior' : 'text'} ${classWeights} l2=${l2}`,
          options: { prior: withPrior ? prior : undefined, classWeights, l2 },
        });
      }
    }
  }
  const validation = examples.filter((e) => inHashSlice(e.text, 0.2, 'tenant-validation'));
  const training = examples.filter((e) => !inHashSlice(e.text, 0.2, 'tenant-validation'));
  const enough = validation.length >= 10 && new Set(training.map((e) => e.label)).size === labels.length;
  const candidates = enough
    ? grid.map((g) => {
        const c = trainTextClassifier(training, { task: options.task, seed, labels, ...g.options });
        return { name: g.name, score: validationScore(c, validation, prior?.compute) };
      })
    : [];
  const bestIndex = candidates.length ? argmax(candidates.map((c) => c.score)) : 0;
  const best = grid[bestIndex] as (typeof grid)[number];
  const classifier = trainTextClassifier(examples, {
    task: options.task,
    seed,
    labels,
    refit: true,
    ...best.options,
    summary: { ...options.summary, chosen: best.name, validation: candidates },
  });
  return { classifier, candidates };
}

function cached(compute: PriorFunction, memo: Map<string, readonly number[]>): PriorFunction {
  return (text) => {
    let v = memo.get(text);
    if (!v) {
      v = compute(text);
      memo.set(text, v);
    }
    return v;
  };
}

// Binary tasks are judged by ROC AUC (what ranking by the score needs), others by macro-F1.
function validationScore(
  c: TextClassifier,
  examples: readonly LabelledText[],
  prior?: PriorFunction,
): number {
  const probabilities = examples.map((e) => predictText(c, e.text, c.prior ? prior : undefined));
  const labels = c.model.labels;
  if (labels.length === 2) {
    const auc = rocAuc(
      examples.map((e) => e.label === labels[1]),
      probabilities.map((p) => p[1] as number),
    );
    if (!Number.isNaN(auc)) return auc;
  }
  const predicted = probabilities.map((p) => labels[argmax(p)] as string);
  return classificationReport(
    examples.map((e) => e.label),
    predicted,
    labels,
  ).macroF1;
}
