import { type ForecastOptions, forecastSeries } from './forecast.js';

/** Forecast errors of a rolling-origin backtest, pooled over every origin and step. */
export interface BacktestResult {
  /** Forecast origins actually used (each needs `minTrain` points before it). */
  origins: number;
  /** Forecast-vs-actual pairs scored. */
  points: number;
  /** Mean absolute error. */
  mae: number | null;
  /** Mean absolute percentage error over the actuals that are not zero; null when all are. */
  mape: number | null;
  /** Symmetric MAPE: mean of 2|y − f| / (|y| + |f|), a pair of zeros counting 0. 0..2. */
  smape: number | null;
  /**
   * Mean absolute scaled error: each origin's errors divided by the in-sample one-step
   * MAE of the seasonal naive forecast (last year's same week; the last week when the
   * training part holds no more than one season). Below 1 beats that benchmark.
   */
  mase: number | null;
  /** Share of actuals inside the 80 % and the 95 % interval. */
  coverage80: number | null;
  coverage95: number | null;
}

export interface BacktestOptions extends ForecastOptions {
  /** Steps forecast from each origin. Default 8. */
  horizon?: number;
  /** How many origins, the last one `horizon` steps before the end. Default 8. */
  origins?: number;
  /** Steps between origins. Default 1. */
  step?: number;
  /** Fewest training points an origin needs. Default 12. */
  minTrain?: number;
}

/**
 * Rolling-origin evaluation: for each origin the model is fitted on the series before it
 * and forecasts the `horizon` steps after it, which are then compared with what happened.
 */
export function backtest(series: readonly number[], options: BacktestOptions = {}): BacktestResult {
  const { horizon = 8, origins = 8, step = 1, minTrain = 12, seasonLength = 52, ...rest } = options;
  let used = 0;
  let n = 0;
  let absSum = 0;
  let apeSum = 0;
  let apeCount = 0;
  let smapeSum = 0;
  let scaledSum = 0;
  let scaledCount = 0;
  let in80 = 0;
  let in95 = 0;
  for (let o = origins - 1; o >= 0; o--) {
    const cut = series.length - horizon - o * step;
    if (cut < minTrain) continue;
    const train = series.slice(0, cut);
    const actual = series.slice(cut, cut + horizon);
    const { points } = forecastSeries(train, { ...rest, seasonLength, horizon });
    const lag = train.length > seasonLength ? seasonLength : 1;
    let naive = 0;
    for (let t = lag; t < train.length; t++)
      naive += Math.abs((train[t] as number) - (train[t - lag] as number));
    const scale = train.length > lag ? naive / (train.length - lag) : 0;
    used++;
    actual.forEach((y, i) => {
      const p = points[i];
      if (!p) return;
      const error = Math.abs(y - p.mean);
      n++;
      absSum += error;
      if (y !== 0) {
        apeSum += error / Math.abs(y);
        apeCount++;
      }
      const denominator = Math.abs(y) + Math.abs(p.mean);
      smapeSum += denominator === 0 ? 0 : (2 * error) / denominator;
      if (scale > 0) {
        scaledSum += error / scale;
        scaledCount++;
      }
      if (y >= p.lower80 && y <= p.upper80) in80++;
      if (y >= p.lower95 && y <= p.upper95) in95++;
    });
  }
  const mean = (sum: number, count: number) => (count === 0 ? null : sum / count);
  return {
    origins: used,
    points: n,
    mae: mean(absSum, n),
    mape: mean(apeSum, apeCount),
    smape: mean(smapeSum, n),
    mase: mean(scaledSum, scaledCount),
    coverage80: mean(in80, n),
    coverage95: mean(in95, n),
  };
}
