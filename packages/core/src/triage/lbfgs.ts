/** When {@link minimizeLbfgs} stops. */
export interface LbfgsStop {
  maxIterations: number;
  /** Stop when the largest gradient component falls below this. */
  tolerance: number;
  /**
   * Stop when the last `window` iterations together lowered the objective by less than this
   * share of its value (0: never). The gradient test alone keeps polishing weights long after
   * the loss, and so the predictions, stopped changing.
   */
  relativeTolerance?: number;
  window?: number;
  /** Number of correction pairs kept. */
  memory?: number;
}

/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line
 * search. `f` writes its gradient into its second argument and returns its value; `x` is the
 * starting point and is not kept.
 */
export function minimizeLbfgs(
  f: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  { maxIterations, tolerance, relativeTolerance = 0, window = 5, memory = 10 }: LbfgsStop,
): { x: Float64Array; iterations: number; value: number } {
  const size = x.length;
  let g: Float64Array = new Float64Array(size);
  let value = f(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(size);
  const alpha = new Float64Array(memory);
  const history: number[] = [value];
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
    // The oldest pair's arrays are reused once the memory is full.
    const recycled = s.length === memory;
    const sk = recycled ? (s.shift() as Float64Array) : new Float64Array(size);
    const yk = recycled ? (y.shift() as Float64Array) : new Float64Array(size);
    if (recycled) rho.shift();
    for (let i = 0; i < size; i++) {
      sk[i] = (nextX[i] as number) - (x[i] as number);
      yk[i] = (nextG[i] as number) - (g[i] as number);
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    [x, nextX] = [nextX, x];
    [g, nextG] = [nextG, g];
    const relative = (value - nextValue) / Math.max(1, Math.abs(value));
    value = nextValue;
    history.push(value);
    if (relative < 1e-12) break;
    const before = history[history.length - 1 - window];
    if (
      relativeTolerance > 0 &&
      before !== undefined &&
      before - value < relativeTolerance * Math.abs(value)
    ) {
      iterations++;
      break;
    }
  }
  return { x, iterations, value };
}

/** A training row with its features renumbered densely (0…F−1). */
export interface LocalRow {
  idx: Uint32Array;
  values: Float32Array;
  y: number;
}

// Mean weighted cross-entropy plus λ/2 · ‖W‖² over weights laid out feature-major, then the bias.
export function softmaxObjective(
  rows: LocalRow[],
  F: number,
  K: number,
  cw: Float64Array,
  n: number,
  l2: number,
) {
  const p = new Float64Array(K);
  return (w: Float64Array, grad: Float64Array): number => {
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
    return loss + penalty(w, grad, F * K, l2);
  };
}

// The same for one logistic regression: F weights, then the bias; label 1 is the positive side.
export function logisticObjective(rows: LocalRow[], F: number, cw: Float64Array, n: number, l2: number) {
  return (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (const r of rows) {
      let z = w[F] as number;
      for (let m = 0; m < r.idx.length; m++) z += (r.values[m] as number) * (w[r.idx[m] as number] as number);
      const c = (cw[r.y] as number) / n;
      // log(1 + e^z) − y·z without overflow.
      loss += c * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (r.y === 1 ? z : 0));
      const d = c * (1 / (1 + Math.exp(-z)) - r.y);
      grad[F] = (grad[F] as number) + d;
      for (let m = 0; m < r.idx.length; m++) {
        const j = r.idx[m] as number;
        grad[j] = (grad[j] as number) + d * (r.values[m] as number);
      }
    }
    return loss + penalty(w, grad, F, l2);
  };
}

function penalty(w: Float64Array, grad: Float64Array, count: number, l2: number): number {
  let sum = 0;
  for (let j = 0; j < count; j++) {
    const wj = w[j] as number;
    sum += wj * wj;
    grad[j] = (grad[j] as number) + l2 * wj;
  }
  return 0.5 * l2 * sum;
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
