import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitTemperature,
  mulberry32,
  predictProbabilities,
  softmaxInPlace,
  trainSoftmax,
} from './linear-model.js';

const x = (index: number) => ({ indices: Uint32Array.of(index), values: Float32Array.of(1) });
const examples = [
  { x: x(0), y: 0 },
  { x: x(1), y: 1 },
  { x: x(2), y: 2 },
  { x: x(0), y: 0 },
];

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});

describe('trainSoftmax', () => {
  it('learns a separable problem', () => {
    const model = trainSoftmax(examples, ['a', 'b', 'c'], 3, { random: mulberry32(1), epochs: 20 });
    for (const e of examples) expect(predictProbabilities(model, e.x)[e.y]).toBeGreaterThan(0.6);
  });

  it('gives the same weights for the same seed', () => {
    const train = () => trainSoftmax(examples, ['a', 'b', 'c'], 3, { random: mulberry32(9) }).weights;
    expect(train()).toEqual(train());
  });
});

describe('softmaxInPlace', () => {
  it('gives probabilities that sum to 1, flatter with a higher temperature', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (z) => {
          const cold = softmaxInPlace(Float64Array.from(z), 1);
          const warm = softmaxInPlace(Float64Array.from(z), 4);
          expect(cold.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
          expect(Math.max(...warm)).toBeLessThanOrEqual(Math.max(...cold) + 1e-12);
        },
      ),
    );
  });
});

describe('fitTemperature', () => {
  it('cools an under-confident model whose answers are all right', () => {
    const model = trainSoftmax(examples, ['a', 'b', 'c'], 3, { random: mulberry32(1), epochs: 1 });
    expect(fitTemperature(model, examples)).toBeLessThan(1);
  });

  it('warms a model that is confidently wrong half the time', () => {
    const model = trainSoftmax(examples, ['a', 'b', 'c'], 3, { random: mulberry32(1), epochs: 50 });
    const confused = [...examples, { x: x(1), y: 2 }, { x: x(2), y: 1 }, { x: x(0), y: 1 }];
    expect(fitTemperature(model, confused)).toBeGreaterThan(1);
  });
});
