import { logisticObjective, minimizeLbfgs, softmaxObjective } from './lbfgs.js';
import type { SparseVector } from './text-features.js';

/**
 * Multinomial logistic regression over sparse inputs. Weights are feature-major
 * (`weights[f * K + k]`), so scoring one input reads each feature's K weights in one line.
 */
export interface LinearModel {
  labels: string[];
  /** Number of input slots (hashed features plus any dense extras). */
  dim: number;
  weights: Float32Array;
  bias: Float32Array;
  /** Logits are divided by it before the softmax; fitted on held-out data. */
  temperature: number;
}

/** One training input: its features and the index of its label. */
export interface TrainingExample {
  x: SparseVector;
  y: number;
}

/** How {@link trainSoftmax} learns. Defaults suit L2-normalised text features. */
export interface SoftmaxOptions {
  epochs?: number;
  /** AdaGrad's base step. */
  learningRate?: number;
  /** L2 penalty, applied to the weights an example touches (lazy, so a step stays sparse). */
  l2?: number;
  /** Per-label loss weights; 'balanced' gives n / (K · count) so rare intents count as much. */
  classWeights?: 'balanced' | 'sqrt-balanced' | readonly number[];
  /** A seeded PRNG in [0, 1), e.g. {@link mulberry32}; it decides the visiting order. */
  random: () => number;
}

/** A small, fast, seeded PRNG (Tommy Ettinger's mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains a softmax model by per-example AdaGrad; the same inputs and seed give the same model. */
export function trainSoftmax(
  examples: readonly TrainingExample[],
  labels: readonly string[],
  dim: number,
  options: SoftmaxOptions,
): LinearModel {
  const { epochs = 8, learningRate = 0.5, l2 = 1e-6, random } = options;
  const K = labels.length;
  const weights = new Float32Array(dim * K);
  const bias = new Float32Array(K);
  const gradSq = new Float32Array(dim * K);
  const biasSq = new Float32Array(K);
  const classWeight = resolveClassWeights(examples, K, options.classWeights);
  const order = examples.map((_, i) => i);
  const p = new Float64Array(K);
  const g = new Float64Array(K);
  const model: LinearModel = { labels: [...labels], dim, weights, bias, temperature: 1 };
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const { x, y } = examples[i] as TrainingExample;
      scoreInto(model, x, p);
      softmaxInPlace(p, 1);
      const cw = classWeight[y] as number;
      for (let k = 0; k < K; k++) g[k] = cw * ((p[k] as number) - (k === y ? 1 : 0));
      for (let k = 0; k < K; k++) {
        const gk = g[k] as number;
        biasSq[k] = (biasSq[k] as number) + gk * gk;
        bias[k] = (bias[k] as number) - (learningRate * gk) / Math.sqrt((biasSq[k] as number) + 1e-8);
      }
      for (let n = 0; n < x.indices.length; n++) {
        const base = (x.indices[n] as number) * K;
        const v = x.values[n] as number;
        for (let k = 0; k < K; k++) {
          const j = base + k;
          const w = weights[j] as number;
          const grad = (g[k] as number) * v + l2 * w;
          if (grad === 0) continue;
          const acc = (gradSq[j] as number) + grad * grad;
          gradSq[j] = acc;
          weights[j] = w - (learningRate * grad) / Math.sqrt(acc);
        }
      }
    }
  }
  return model;
}

/** How {@link trainSoftmaxLbfgs} learns: the full-batch objective and when to stop. */
export interface LbfgsOptions {
  /**
   * L2 penalty λ on the weights (never the bias) in mean loss + λ/2 · ‖W‖²; scikit-learn's
   * LogisticRegression(C) is λ = 1 / (C · n).
   */
  l2: number;
  classWeights?: SoftmaxOptions['classWeights'];
  maxIterations?: number;
  /** Stop when the largest gradient component falls below this. */
  tolerance?: number;
  /** Stop when five iterations lowered the loss by less than this share of it (default 0: off). */
  relativeTolerance?: number;
}

/**
 * Multinomial logistic regression trained to convergence by full-batch L-BFGS. Only the
 * features the examples use get weights, so a small tenant set over 2^18 hashed slots stays
 * small in memory. No randomness: the same examples give the same model. Two labels are
 * trained as one logistic regression (half the work, the same optimum; see below).
 */
export function trainSoftmaxLbfgs(
  examples: readonly TrainingExample[],
  labels: readonly string[],
  dim: number,
  options: LbfgsOptions,
): LinearModel & { iterations: number; loss: number } {
  const K = labels.length;
  const local = new Map<number, number>();
  const rows = examples.map(({ x, y }) => {
    const idx = new Uint32Array(x.indices.length);
    x.indices.forEach((f, n) => {
      let j = local.get(f);
      if (j === undefined) {
        j = local.size;
        local.set(f, j);
      }
      idx[n] = j;
    });
    return { idx, values: x.values, y };
  });
  const F = local.size;
  const cw = resolveClassWeights(examples, K, options.classWeights);
  const n = Math.max(1, examples.length);
  const stop = {
    maxIterations: options.maxIterations ?? 500,
    tolerance: options.tolerance ?? 1e-6,
    relativeTolerance: options.relativeTolerance ?? 0,
  };
  const weights = new Float32Array(dim * K);
  const bias = new Float32Array(K);
  let result: { x: Float64Array; iterations: number; value: number };
  if (K === 2) {
    // Softmax over two labels with penalty λ/2 (‖w₀‖² + ‖w₁‖²) has its optimum at w₁ = −w₀ = w/2,
    // where w is the optimum of a logistic regression with penalty λ/4 · ‖w‖².
    result = minimizeLbfgs(logisticObjective(rows, F, cw, n, options.l2 / 2), new Float64Array(F + 1), stop);
    for (const [f, j] of local) {
      weights[f * 2 + 1] = (result.x[j] as number) / 2;
      weights[f * 2] = -(result.x[j] as number) / 2;
    }
    bias[1] = (result.x[F] as number) / 2;
    bias[0] = -(result.x[F] as number) / 2;
  } else {
    result = minimizeLbfgs(
      softmaxObjective(rows, F, K, cw, n, options.l2),
      new Float64Array(F * K + K),
      stop,
    );
    for (const [f, j] of local)
      for (let k = 0; k < K; k++) weights[f * K + k] = result.x[j * K + k] as number;
    bias.set(result.x.subarray(F * K));
  }
  return {
    labels: [...labels],
    dim,
    weights,
    bias,
    temperature: 1,
    iterations: result.iterations,
    loss: result.value,
  };
}

function resolveClassWeights(
  examples: readonly TrainingExample[],
  K: number,
  spec: SoftmaxOptions['classWeights'],
): Float64Array {
  const out = new Float64Array(K).fill(1);
  if (spec === undefined) return out;
  if (typeof spec !== 'string') {
    for (let k = 0; k < K; k++) out[k] = spec[k] ?? 1;
    return out;
  }
  const counts = new Float64Array(K);
  for (const e of examples) counts[e.y] = (counts[e.y] as number) + 1;
  for (let k = 0; k < K; k++) {
    const c = counts[k] as number;
    const balanced = c > 0 ? examples.length / (K * c) : 1;
    out[k] = spec === 'balanced' ? balanced : Math.sqrt(balanced);
  }
  return out;
}

function shuffle(order: number[], random: () => number) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

/** Raw logits (bias plus weights · x) written into `out`, which must have K slots. */
export function scoreInto(model: LinearModel, x: SparseVector, out: Float64Array): Float64Array {
  const K = model.labels.length;
  const { weights } = model;
  for (let k = 0; k < K; k++) out[k] = model.bias[k] as number;
  for (let n = 0; n < x.indices.length; n++) {
    const f = x.indices[n] as number;
    if (f >= model.dim) continue;
    const base = f * K;
    const v = x.values[n] as number;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + v * (weights[base + k] as number);
  }
  return out;
}

/** Softmax of `logits / temperature`, in place. */
export function softmaxInPlace(logits: Float64Array, temperature: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const z of logits) max = Math.max(max, z);
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp(((logits[k] as number) - max) / temperature);
    logits[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) logits[k] = (logits[k] as number) / sum;
  return logits;
}

/** Calibrated class probabilities of one input. */
export function predictProbabilities(model: LinearModel, x: SparseVector): Float64Array {
  return softmaxInPlace(scoreInto(model, x, new Float64Array(model.labels.length)), model.temperature);
}

/**
 * The temperature that minimises the negative log-likelihood of `examples` (held out from
 * training), by golden-section search on log T in [1/20, 20]: over-confident models get T > 1.
 */
export function fitTemperature(model: LinearModel, examples: readonly TrainingExample[]): number {
  if (examples.length === 0) return 1;
  const K = model.labels.length;
  const logits = examples.map((e) => scoreInto(model, e.x, new Float64Array(K)));
  const nll = (logT: number) => {
    const T = Math.exp(logT);
    let total = 0;
    logits.forEach((z, i) => {
      let max = Number.NEGATIVE_INFINITY;
      for (const v of z) max = Math.max(max, v / T);
      let sum = 0;
      for (const v of z) sum += Math.exp(v / T - max);
      total -= (z[(examples[i] as TrainingExample).y] as number) / T - max - Math.log(sum);
    });
    return total;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(1 / 20);
  let hi = Math.log(20);
  for (let i = 0; i < 40; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (nll(a) < nll(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}
