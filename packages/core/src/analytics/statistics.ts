// Small, exact-enough special functions for the quality tests. Written here rather than
// imported because the core takes no numeric library, and these few are textbook.

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln C(n, k). */
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Upper tail P(X ≥ k) of a beta-binomial: X | p ~ Binomial(n, p), p ~ Beta(a, b). With a
 * and b large it tends to the binomial tail at p = a / (a + b); the beta keeps the
 * uncertainty of a baseline estimated from few units. Summed in log space from k upward,
 * stopping once the terms (past the mode) no longer move the sum.
 */
export function betaBinomialUpperTail(k: number, n: number, a: number, b: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logNorm = logBeta(a, b);
  return upperTail(k, n, (x) => logChoose(n, x) + logBeta(x + a, n - x + b) - logNorm);
}

/** Upper tail P(X ≥ k) of Binomial(n, p), exactly (log-space sum). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return upperTail(k, n, (x) => logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p));
}

// P(X ≥ k) of a distribution over 0…n from its log-pmf: the terms from k on, summed relative to
// the first in log space, until a term no longer changes the sum.
function upperTail(k: number, n: number, logPmf: (x: number) => number): number {
  const first = logPmf(k);
  let sum = 0;
  for (let x = k; x <= n; x++) {
    const term = Math.exp(logPmf(x) - first);
    sum += term;
    if (term < 1e-17 * sum && x > k + 1) break;
  }
  return Math.min(1, Math.exp(first) * sum);
}

/** The standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (coef: number[], x: number) => coef.reduce((acc, ci) => acc * x + ci, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order given: reject every
 * hypothesis with q ≤ the false-discovery rate wanted. Controls the expected share of
 * false alarms among the alarms raised when many SKUs are tested in one week.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1] as { p: number; i: number };
    running = Math.min(running, (p * m) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}
