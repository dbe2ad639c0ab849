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
}

/**
 * Multinomial logistic regression trained to convergence by full-batch L-BFGS. Only the
 * features the examples use get weights, so a small tenant set over 2^18 hashed slots stays
 * small in memory. No randomness: the same examples give the same model.
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
  const size = F * K + K; // weights (feature-major), then the bias
  const cw = resolveClassWeights(examples, K, options.classWeights);
  const n = Math.max(1, examples.length);
  const p = new Float64Array(K);
  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (const r of rows) {
      for (let k = 0; k < K; k++) p[k] = w[F * K + k] as number;
      for (let m = 0; m < r.idx.length; m++) {
        const base = (r.idx[m] as number) * K;
        const v = r.values[m] as number;
        for (let k = 0; k < K; k++) p[k] = (p[k] as number) + v * (w[base + k] as number);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, p[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp((p[k] as number) - max);
      const c = (cw[r.y] as number) / n;
      loss += c * (max + Math.log(sum) - (p[r.y] as number));
      for (let k = 0; k < K; k++) p[k] = (c * Math.exp((p[k] as number) - max)) / sum - (k === r.y ? c : 0);
      for (let k = 0; k < K; k++) grad[F * K + k] = (grad[F * K + k] as number) + (p[k] as number);
      for (let m = 0; m < r.idx.length; m++) {
        const base = (r.idx[m] as number) * K;
        const v = r.values[m] as number;
        for (let k = 0; k < K; k++) grad[base + k] = (grad[base + k] as number) + v * (p[k] as number);
      }
    }
    for (let j = 0; j < F * K; j++) {
      const wj = w[j] as number;
      loss += 0.5 * options.l2 * wj * wj;
      grad[j] = (grad[j] as number) + options.l2 * wj;
    }
    return loss;
  };
  const { x, iterations, value } = minimizeLbfgs(objective, new Float64Array(size), {
    maxIterations: options.maxIterations ?? 500,
    tolerance: options.tolerance ?? 1e-6,
  });
  const weights = new Float32Array(dim * K);
  for (const [f, j] of local) for (let k = 0; k < K; k++) weights[f * K + k] = x[j * K + k] as number;
  return {
    labels: [...labels],
    dim,
    weights,
    bias: Float32Array.from(x.subarray(F * K)),
    temperature: 1,
    iterations,
    loss: value,
  };
}

// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line
// search; the objective writes its gradient into the second argument and returns its value.
function minimizeLbfgs(
  f: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  { maxIterations, tolerance, memory = 10 }: { maxIterations: number; tolerance: number; memory?: number },
): { x: Float64Array; iterations: number; value: number } {
  const size = x.length;
  let g: Float64Array = new Float64Array(size);
  let value = f(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(size);
  const alpha = new Float64Array(memory);
  let nextX: Float64Array = new Float64Array(size);
  let nextG: Float64Array = new Float64Array(size);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(g) < tolerance) break;
    for (let i = 0; i < size; i++) d[i] = -(g[i] as number);
    for (let m = s.length - 1; m >= 0; m--) {
      alpha[m] = (rho[m] as number) * dot(s[m] as Float64Array, d);
      axpy(-(alpha[m] as number), y[m] as Float64Array, d);
    }
    const last = s.length - 1;
    const gamma =
      last >= 0
        ? dot(s[last] as Float64Array, y[last] as Float64Array) /
          dot(y[last] as Float64Array, y[last] as Float64Array)
        : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < size; i++) d[i] = (d[i] as number) * gamma;
    for (let m = 0; m < s.length; m++) {
      const beta = (rho[m] as number) * dot(y[m] as Float64Array, d);
      axpy((alpha[m] as number) - beta, s[m] as Float64Array, d);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (rounding): restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < size; i++) d[i] = -(g[i] as number);
      slope = dot(g, d);
    }
    let step = 1;
    let nextValue = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < size; i++) nextX[i] = (x[i] as number) + step * (d[i] as number);
      nextValue = f(nextX, nextG);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextValue < value)) break;
    const sk = new Float64Array(size);
    const yk = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      sk[i] = (nextX[i] as number) - (x[i] as number);
      yk[i] = (nextG[i] as number) - (g[i] as number);
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    [x, nextX] = [nextX, x];
    [g, nextG] = [nextG, g];
    const relative = (value - nextValue) / Math.max(1, Math.abs(value));
    value = nextValue;
    if (relative < 1e-12) break;
  }
  return { x, iterations, value };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array) {
  for (let i = 0; i < x.length; i++) y[i] = (y[i] as number) + a * (x[i] as number);
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (const v of a) max = Math.max(max, Math.abs(v));
  return max;
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
