import { normalQuantile } from './statistics.js';

/**
 * Additive exponential smoothing with a damped trend, ETS(A,Ad,A) or ETS(A,Ad,N) in
 * Hyndman et al. (2008), written in error-correction form. With e_t = y_t − ŷ_t:
 *
 *   ŷ_t = ℓ_{t−1} + φ b_{t−1} + s_{t−m}
 *   ℓ_t = ℓ_{t−1} + φ b_{t−1} + α e_t
 *   b_t = φ b_{t−1} + β e_t
 *   s_t = s_{t−m} + γ e_t
 *
 * The h-step forecast is ℓ_n + (φ + … + φ^h) b_n + s_{n−m+1+(h−1) mod m}, and its variance
 * σ²·(1 + Σ_{j<h} c_j²) with c_j = α + β(φ + … + φ^j) + γ·[j mod m = 0] (their class-1
 * formula), so intervals widen with the horizon.
 */
export interface ForecastModel {
  seasonal: boolean;
  /** 52 for weekly data when seasonal, else 1. */
  seasonLength: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** Residual standard deviation of the one-step errors. */
  sigma: number;
  /** Sum of squared one-step errors the parameters were chosen by. */
  sse: number;
}

export interface ForecastPoint {
  /** Steps ahead, 1 … horizon. */
  step: number;
  mean: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface ForecastOptions {
  /** Weeks to forecast. Default 8. */
  horizon?: number;
  /** The seasonal period. Default 52 (weeks in a year). */
  seasonLength?: number;
  /** 'auto' is seasonal only when the series holds at least two full seasons. Default 'auto'. */
  seasonality?: 'auto' | 'none';
  /** Counts and rates cannot go below zero: clamp the forecast and its intervals. Default true. */
  nonNegative?: boolean;
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETAS = [0, 0.01, 0.05, 0.1, 0.2];
const PHIS = [0.8, 0.9, 0.95, 0.98];
const GAMMAS = [0, 0.05, 0.1, 0.2, 0.3];
const Z80 = normalQuantile(0.9);
const Z95 = normalQuantile(0.975);

interface State {
  level: number;
  trend: number;
  /** season[i] is the seasonal term of the i-th step of the cycle that follows. */
  season: number[];
}

/** The starting states: the first season's mean and slope, and the averaged seasonal profile. */
function initialState(y: readonly number[], m: number, seasonal: boolean): State {
  if (!seasonal) {
    const k = Math.min(y.length - 1, 4);
    const level = y[0] as number;
    const trend = k > 0 ? ((y[k] as number) - level) / k : 0;
    return { level, trend, season: [0] };
  }
  const mean = (from: number) => y.slice(from, from + m).reduce((a, v) => a + v, 0) / m;
  const first = mean(0);
  const second = mean(m);
  const raw = Array.from(
    { length: m },
    (_, i) => ((y[i] as number) - first + ((y[i + m] as number) - second)) / 2,
  );
  // Two seasons of weekly data give a noisy profile: a circular 3-week average steadies it.
  const smooth = raw.map(
    (_, i) => ((raw[(i + m - 1) % m] as number) + (raw[i] as number) + (raw[(i + 1) % m] as number)) / 3,
  );
  const centre = smooth.reduce((a, v) => a + v, 0) / m;
  return { level: first, trend: (second - first) / m, season: smooth.map((s) => s - centre) };
}

/** Runs the recursions over the series; the error sum and the final state. */
function smooth(
  y: readonly number[],
  m: number,
  p: { alpha: number; beta: number; gamma: number; phi: number },
  init: State,
) {
  let { level, trend } = init;
  const season = [...init.season];
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const s = season[t % m] as number;
    const error = (y[t] as number) - (level + p.phi * trend + s);
    sse += error * error;
    const nextLevel = level + p.phi * trend + p.alpha * error;
    trend = p.phi * trend + p.beta * error;
    level = nextLevel;
    season[t % m] = s + p.gamma * error;
  }
  // Rotate so that season[0] is the term of the first step after the series.
  const rotated = season.map((_, i) => season[(y.length + i) % m] as number);
  return { sse, state: { level, trend, season: rotated } };
}

/** Fits the model by the least one-step squared error over a grid of smoothing parameters. */
export function fitForecastModel(
  series: readonly number[],
  { seasonLength = 52, seasonality = 'auto' }: Pick<ForecastOptions, 'seasonLength' | 'seasonality'> = {},
): { model: ForecastModel; state: State } {
  if (series.length === 0) throw new RangeError('A forecast needs at least one observation.');
  if (series.some((v) => !Number.isFinite(v)))
    throw new RangeError('The series holds a value that is not a number.');
  const seasonal = seasonality === 'auto' && seasonLength > 1 && series.length >= 2 * seasonLength;
  const m = seasonal ? seasonLength : 1;
  const init = initialState(series, m, seasonal);
  let best: {
    sse: number;
    p: { alpha: number; beta: number; gamma: number; phi: number };
    state: State;
  } | null = null;
  for (const alpha of ALPHAS)
    for (const beta of BETAS) {
      if (beta > alpha) continue;
      for (const phi of PHIS)
        for (const gamma of seasonal ? GAMMAS : [0]) {
          if (gamma > 1 - alpha) continue;
          const p = { alpha, beta, gamma, phi };
          const run = smooth(series, m, p, init);
          // A tie (up to rounding) keeps the earlier, smoother candidate, so shifting the
          // series by a constant cannot flip the choice.
          if (!best || run.sse < best.sse * (1 - 1e-9) - 1e-12) best = { sse: run.sse, p, state: run.state };
        }
    }
  const chosen = best as NonNullable<typeof best>;
  const dof = Math.max(1, series.length - (seasonal ? 4 : 3));
  const sigma = Math.sqrt(chosen.sse / dof);
  return {
    model: { seasonal, seasonLength: m, ...chosen.p, sigma, sse: chosen.sse },
    state: chosen.state,
  };
}

/**
 * The next `horizon` values of a weekly series with 80 % and 95 % prediction intervals
 * (normal errors, the model's horizon variance). Values are clamped at zero unless
 * `nonNegative` is false.
 */
export function forecastSeries(
  series: readonly number[],
  { horizon = 8, nonNegative = true, ...fit }: ForecastOptions = {},
): { model: ForecastModel; points: ForecastPoint[] } {
  const { model, state } = fitForecastModel(series, fit);
  const { alpha, beta, gamma, phi, sigma, seasonLength: m } = model;
  const clamp = (v: number) => (nonNegative ? Math.max(0, v) : v);
  const points: ForecastPoint[] = [];
  let damp = 0; // φ + φ² + … + φ^h
  let variance = 1; // 1 + Σ_{j<h} c_j²
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) {
      const j = h - 1;
      const c = alpha + beta * damp + (model.seasonal && j % m === 0 ? gamma : 0);
      variance += c * c;
    }
    damp += phi ** h;
    const mean = state.level + damp * state.trend + (state.season[(h - 1) % m] as number);
    const sd = sigma * Math.sqrt(variance);
    points.push({
      step: h,
      mean: clamp(mean),
      lower80: clamp(mean - Z80 * sd),
      upper80: clamp(mean + Z80 * sd),
      lower95: clamp(mean - Z95 * sd),
      upper95: clamp(mean + Z95 * sd),
    });
  }
  return { model, points };
}
