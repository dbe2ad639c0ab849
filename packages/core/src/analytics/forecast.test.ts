import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.js';
import { fitForecastModel, forecastSeries } from './forecast.js';

// A weekly series with a yearly wave and a gentle trend, made deterministically.
function seasonalSeries(weeks: number, { base = 100, slope = 0.3, amplitude = 30, noise = 0 } = {}) {
  return Array.from({ length: weeks }, (_, t) => {
    const wobble = noise * Math.sin(t * 12.9898) * 0.5; // fixed pseudo-noise
    return base + slope * t + amplitude * Math.sin((2 * Math.PI * t) / 52) + wobble;
  });
}

const seriesArb = fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 6, maxLength: 80 });

describe('forecastSeries', () => {
  it('forecasts a constant series as that constant, with an interval of no width', () => {
    const { points } = forecastSeries(Array(30).fill(42));
    expect(points).toHaveLength(8);
    for (const p of points) {
      expect(p.mean).toBeCloseTo(42, 9);
      expect(p.upper95 - p.lower95).toBeCloseTo(0, 9);
    }
  });

  it('is seasonal only with two full years of weeks', () => {
    expect(fitForecastModel(seasonalSeries(103)).model.seasonal).toBe(false);
    expect(fitForecastModel(seasonalSeries(104)).model.seasonal).toBe(true);
    expect(fitForecastModel(seasonalSeries(104), { seasonality: 'none' }).model.seasonal).toBe(false);
  });

  it("follows next year's wave when it has seen two", () => {
    const series = seasonalSeries(160, { noise: 4 });
    const { points } = forecastSeries(series.slice(0, 152));
    const actual = series.slice(152);
    const mae = points.reduce((s, p, i) => s + Math.abs(p.mean - actual[i]!), 0) / points.length;
    expect(mae).toBeLessThan(6);
  });

  it('gives the damped trend of a straight line, close to the line at first', () => {
    const line = Array.from({ length: 40 }, (_, t) => 10 + 2 * t);
    const { points } = forecastSeries(line, { horizon: 3 });
    expect(points[0]!.mean).toBeGreaterThan(85);
    expect(points[0]!.mean).toBeLessThanOrEqual(90.0001);
    expect(points[2]!.mean).toBeGreaterThan(points[0]!.mean);
  });

  it('refuses an empty series and values that are not numbers', () => {
    expect(() => forecastSeries([])).toThrow(RangeError);
    expect(() => forecastSeries([1, Number.NaN])).toThrow(RangeError);
  });

  it('shifts the forecast by the constant the series is shifted by, property', () => {
    fc.assert(
      fc.property(seriesArb, fc.double({ min: -500, max: 500, noNaN: true }), (series, shift) => {
        const plain = forecastSeries(series, { nonNegative: false });
        const moved = forecastSeries(
          series.map((v) => v + shift),
          { nonNegative: false },
        );
        plain.points.forEach((p, i) => {
          const q = moved.points[i]!;
          expect(q.mean).toBeCloseTo(p.mean + shift, 5);
          expect(q.upper95 - q.lower95).toBeCloseTo(p.upper95 - p.lower95, 5);
        });
      }),
    );
  });

  it('widens its intervals with the horizon and never goes below zero, property', () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        const { points } = forecastSeries(series, { nonNegative: false, horizon: 8 });
        for (let i = 1; i < points.length; i++) {
          const before = points[i - 1]!;
          const now = points[i]!;
          expect(now.upper95 - now.lower95).toBeGreaterThanOrEqual(before.upper95 - before.lower95 - 1e-9);
          expect(now.upper80 - now.lower80).toBeLessThanOrEqual(now.upper95 - now.lower95 + 1e-9);
        }
        for (const p of forecastSeries(series).points)
          expect(Math.min(p.mean, p.lower80, p.lower95)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('backtest', () => {
  it('scores a perfectly predictable series with no error and full coverage', () => {
    const result = backtest(Array(40).fill(7), { horizon: 4, origins: 5 });
    expect(result).toMatchObject({ origins: 5, points: 20, mae: 0, smape: 0, mape: 0, coverage95: 1 });
    // A flat series makes the naive forecast perfect too: no scale, no MASE.
    expect(result.mase).toBeNull();
  });

  it('computes MAE, sMAPE and MASE by hand for one origin', () => {
    // Flat 10s then a jump the model cannot know: forecast 10, actual 12 and 14.
    const series = [...Array(12).fill(10), 12, 14];
    const naiveSeries = [...Array(11).fill(10), 11, 12, 14];
    const flat = backtest(series, { horizon: 2, origins: 1 });
    expect(flat.mae).toBeCloseTo(3, 9); // (2 + 4) / 2
    expect(flat.smape).toBeCloseTo((4 / 22 + 8 / 24) / 2, 9);
    expect(flat.mape).toBeCloseTo((2 / 12 + 4 / 14) / 2, 9);
    expect(flat.mase).toBeNull(); // the training part is flat
    const moving = backtest(naiveSeries, { horizon: 2, origins: 1 });
    expect(moving.mase).not.toBeNull();
  });

  it('beats the seasonal naive forecast on a wave with noise, and covers about as promised', () => {
    const series = seasonalSeries(150, { noise: 8 });
    const result = backtest(series, { horizon: 8, origins: 10 });
    expect(result.origins).toBe(10);
    expect(result.mase!).toBeLessThan(1);
    expect(result.coverage95!).toBeGreaterThan(0.7);
  });

  it('skips origins without enough history', () => {
    expect(backtest([1, 2, 3, 4, 5], { horizon: 2, origins: 3, minTrain: 3 }).origins).toBe(1);
    expect(backtest([1, 2], { horizon: 2 })).toMatchObject({ origins: 0, points: 0, mae: null });
  });
});
