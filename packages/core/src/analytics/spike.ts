import { benjaminiHochberg, betaBinomialUpperTail } from './statistics.js';

/** Returned units of one subject (a SKU, a batch, a supplier) in the week tested and before it. */
export interface SpikeCandidate {
  subject: string;
  /** Units returned and delivered in the window tested. */
  returned: number;
  delivered: number;
  /** Units returned and delivered over the baseline weeks before the window. */
  baselineReturned: number;
  baselineDelivered: number;
  /** The rate of the group the subject belongs to (its category, else the tenant), 0..1. */
  priorRate: number;
}

export interface SpikeOptions {
  /** Pseudo-units of the group rate mixed into a subject's baseline. Default 100. */
  priorUnits?: number;
  /** Fewest delivered units in the window for a test. Default 20. */
  minDelivered?: number;
  /** Fewest returned units in the window for an alarm. Default 3. */
  minReturned?: number;
  /** The window's rate must be at least this multiple of the baseline. Default 1.5. */
  minRatio?: number;
  /** … and at least this many points above it (0.02 = two percentage points). Default 0.02. */
  minExcess?: number;
  /** False-discovery rate over all the subjects tested together. Default 0.05. */
  falseDiscoveryRate?: number;
}

export interface SpikeResult {
  subject: string;
  rate: number | null;
  /** The shrunk baseline rate the window is tested against. */
  baseline: number;
  /** One-sided p-value: the chance of this many returns or more were the baseline true. null: not tested. */
  pValue: number | null;
  /** Benjamini–Hochberg adjusted p-value over the subjects tested. */
  qValue: number | null;
  alarm: boolean;
  /** Why there is no alarm: 'low_volume' | 'few_returns' | 'small_effect' | 'not_significant'. */
  quiet: 'low_volume' | 'few_returns' | 'small_effect' | 'not_significant' | null;
}

export const SPIKE_DEFAULTS: Required<SpikeOptions> = {
  priorUnits: 100,
  minDelivered: 20,
  minReturned: 3,
  minRatio: 1.5,
  minExcess: 0.02,
  falseDiscoveryRate: 0.05,
};

/**
 * The baseline of a subject as a beta distribution: its own past returns plus `priorUnits`
 * pseudo-units at the group's rate (empirical Bayes shrinkage), so a SKU with little history
 * is judged against its category, and one with much history against itself.
 */
export function baselineBeta(
  c: Pick<SpikeCandidate, 'baselineReturned' | 'baselineDelivered' | 'priorRate'>,
  priorUnits: number,
) {
  const prior = Math.min(Math.max(c.priorRate, 1e-4), 1 - 1e-4);
  const a = c.baselineReturned + priorUnits * prior;
  const b = Math.max(c.baselineDelivered - c.baselineReturned, 0) + priorUnits * (1 - prior);
  return { a, b, rate: a / (a + b) };
}

/**
 * One-sided test that a subject's return rate rose: P(X ≥ k) where X is the returns of n
 * delivered units under the baseline, X ~ BetaBinomial(n, a, b). The beta keeps the
 * baseline's own uncertainty, so a thin history cannot make a small excess look certain;
 * more units at the same excess give a smaller p-value.
 */
export function spikePValue(returned: number, delivered: number, baseline: { a: number; b: number }): number {
  return betaBinomialUpperTail(returned, delivered, baseline.a, baseline.b);
}

/**
 * Tests every subject of one week together. A subject alarms when it has the volume
 * (`minDelivered`, `minReturned`), the effect (`minRatio` × and `minExcess` over its
 * baseline), and its p-value survives Benjamini–Hochberg at `falseDiscoveryRate` among all
 * subjects that had the volume. So 1 return of 2 units never alarms, and neither does a
 * high ratio on a handful of units.
 */
export function detectSpikes(
  candidates: readonly SpikeCandidate[],
  options: SpikeOptions = {},
): SpikeResult[] {
  const o = { ...SPIKE_DEFAULTS, ...options };
  const prepared = candidates.map((c) => {
    const beta = baselineBeta(c, o.priorUnits);
    const rate = c.delivered > 0 ? c.returned / c.delivered : null;
    const tested = c.delivered >= o.minDelivered;
    return { c, beta, rate, tested, pValue: tested ? spikePValue(c.returned, c.delivered, beta) : null };
  });
  const testedIdx = prepared.flatMap((p, i) => (p.tested ? [i] : []));
  const q = benjaminiHochberg(testedIdx.map((i) => prepared[i]?.pValue as number));
  const qOf = new Map(testedIdx.map((i, j) => [i, q[j] as number]));
  return prepared.map((p, i) => {
    const qValue = qOf.get(i) ?? null;
    const baseline = p.beta.rate;
    let quiet: SpikeResult['quiet'] = null;
    if (!p.tested) quiet = 'low_volume';
    else if (p.c.returned < o.minReturned) quiet = 'few_returns';
    else if ((p.rate as number) < o.minRatio * baseline || (p.rate as number) - baseline < o.minExcess)
      quiet = 'small_effect';
    else if ((qValue as number) > o.falseDiscoveryRate) quiet = 'not_significant';
    return {
      subject: p.c.subject,
      rate: p.rate,
      baseline,
      pValue: p.pValue,
      qValue,
      alarm: quiet === null,
      quiet,
    };
  });
}
