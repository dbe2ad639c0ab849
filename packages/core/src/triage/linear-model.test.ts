import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmaxObjective } from './lbfgs.js';
import {
  fitTemperature,
  mulberry32,
  predictProbabilities,
  softmaxInPlace,
  trainSoftmax,
  trainSoftmaxLbfgs,
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

describe('trainSoftmaxLbfgs', () => {
  it('learns a separable problem without any randomness', () => {
    const train = () => trainSoftmaxLbfgs(examples, ['a', 'b', 'c'], 3, { l2: 1e-3 });
    const model = train();
    for (const e of examples) expect(predictProbabilities(model, e.x)[e.y]).toBeGreaterThan(0.9);
    expect(train().weights).toEqual(model.weights);
  });

  it('trains to the optimum: more iterations do not lower the loss', () => {
    const a = trainSoftmaxLbfgs(examples, ['a', 'b', 'c'], 3, { l2: 0.1 });
    const b = trainSoftmaxLbfgs(examples, ['a', 'b', 'c'], 3, {
      l2: 0.1,
      maxIterations: 5000,
      tolerance: 1e-12,
    });
    expect(a.loss).toBeCloseTo(b.loss, 8);
  });

  it('trains two labels to the optimum of the two-label softmax: its gradient vanishes there', () => {
    const rows = [
      { x: { indices: Uint32Array.of(0, 1), values: Float32Array.of(0.6, 0.8) }, y: 1 },
      { x: { indices: Uint32Array.of(1, 2), values: Float32Array.of(0.8, 0.6) }, y: 0 },
      { x: { indices: Uint32Array.of(0), values: Float32Array.of(1) }, y: 1 },
      { x: { indices: Uint32Array.of(2), values: Float32Array.of(1) }, y: 0 },
      { x: { indices: Uint32Array.of(1), values: Float32Array.of(1) }, y: 1 },
    ];
    const model = trainSoftmaxLbfgs(rows, ['no', 'yes'], 3, { l2: 0.05, tolerance: 1e-10 });
    const local = rows.map((r) => ({ idx: r.x.indices, values: r.x.values, y: r.y }));
    const objective = softmaxObjective(local, 3, 2, Float64Array.of(1, 1), rows.length, 0.05);
    const w = Float64Array.from([...model.weights, ...model.bias]);
    const grad = new Float64Array(w.length);
    objective(w, grad);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-5);
  });

  it('stops early once the loss stops falling, with nearly the optimal loss', () => {
    const full = trainSoftmaxLbfgs(examples, ['a', 'b', 'c'], 3, { l2: 0.01, tolerance: 1e-12 });
    const early = trainSoftmaxLbfgs(examples, ['a', 'b', 'c'], 3, {
      l2: 0.01,
      tolerance: 1e-12,
      relativeTolerance: 1e-3,
    });
    expect(early.iterations).toBeLessThan(full.iterations);
    expect(early.loss).toBeLessThan(full.loss * 1.01);
  });

  it('matches the closed form of a two-class problem with one feature', () => {
    // One input x = 1 seen twice as label 1 and once as label 0, no penalty: p(1) = 2/3.
    const one = { indices: Uint32Array.of(0), values: Float32Array.of(1) };
    const data = [
      { x: one, y: 1 },
      { x: one, y: 1 },
      { x: one, y: 0 },
    ];
    const model = trainSoftmaxLbfgs(data, ['no', 'yes'], 1, { l2: 0, tolerance: 1e-10 });
    expect(predictProbabilities(model, one)[1]).toBeCloseTo(2 / 3, 5);
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
