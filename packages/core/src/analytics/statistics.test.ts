import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  betaBinomialUpperTail,
  binomialUpperTail,
  logGamma,
  normalQuantile,
} from './statistics.js';

describe('special functions', () => {
  it('gives ln Γ of whole numbers as ln of factorials', () => {
    expect(Math.exp(logGamma(1))).toBeCloseTo(1, 12);
    expect(Math.exp(logGamma(6))).toBeCloseTo(120, 9);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 12);
  });

  it('sums the binomial tail by hand on a small case', () => {
    // P(X ≥ 2 | n = 3, p = 0.5) = (3 + 1) / 8
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    // P(X ≥ 3 | n = 20, p = 0.05) = 1 − Σ_{x<3} C(20,x) 0.05^x 0.95^(20−x)
    const below = [0, 1, 2].reduce((s, x) => s + [1, 20, 190][x]! * 0.05 ** x * 0.95 ** (20 - x), 0);
    expect(binomialUpperTail(3, 20, 0.05)).toBeCloseTo(1 - below, 12);
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
  });

  it('gives the beta-binomial tail a uniform prior makes: every count equally likely', () => {
    // Beta(1,1) → P(X = x) = 1 / (n + 1)
    expect(betaBinomialUpperTail(7, 9, 1, 1)).toBeCloseTo(3 / 10, 12);
  });

  it('approaches the binomial tail when the baseline is known from very many units', () => {
    const p = 0.05;
    const strength = 1e7;
    expect(betaBinomialUpperTail(30, 200, p * strength, (1 - p) * strength)).toBeCloseTo(
      binomialUpperTail(30, 200, p),
      8,
    );
  });

  it('is a tail: it falls as the count rises, property', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, a, b, u) => {
          const k = Math.floor(u * n);
          const here = betaBinomialUpperTail(k, n, a, b);
          const next = betaBinomialUpperTail(k + 1, n, a, b);
          expect(here).toBeGreaterThanOrEqual(next - 1e-12);
          expect(here).toBeLessThanOrEqual(1);
          expect(next).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('knows the usual normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('adjusts p-values as Benjamini and Hochberg, worked by hand', () => {
    // sorted p: .01 .02 .03 .5 → p·m/rank: .04 .04 .04 .5, then the running minimum from the top.
    expect(benjaminiHochberg([0.5, 0.01, 0.03, 0.02])).toEqual([0.5, 0.04, 0.04, 0.04]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
