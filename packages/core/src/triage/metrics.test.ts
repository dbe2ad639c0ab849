import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy, classificationReport, formatReport, macroF1, rocAuc } from './metrics.js';

// Truth a a a b b c, predicted a a b b c c — worked by hand:
// a: tp 2, fp 0, fn 1 → P 1, R 2/3, F1 0.8;  b: tp 1, fp 1, fn 1 → F1 0.5;  c: tp 1, fp 1, fn 0 → P 0.5, R 1, F1 2/3.
const truth = ['a', 'a', 'a', 'b', 'b', 'c'];
const predicted = ['a', 'a', 'b', 'b', 'c', 'c'];

describe('classification metrics', () => {
  it('computes accuracy, per-class figures and macro-F1 as worked by hand', () => {
    const r = classificationReport(truth, predicted);
    expect(accuracy(truth, predicted)).toBeCloseTo(4 / 6);
    expect(r.perClass.map((c) => c.f1)).toEqual([0.8, 0.5, expect.closeTo(2 / 3)]);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
    expect(r.perClass[2]).toMatchObject({ label: 'c', precision: 0.5, recall: 1, support: 1 });
  });

  it('fills the confusion matrix with rows for the truth and columns for the prediction', () => {
    expect(classificationReport(truth, predicted).matrix).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it('judges only the labels asked for, counting other predictions as misses', () => {
    const r = classificationReport(['a', 'b'], ['a', 'x'], ['a', 'b']);
    expect(r.macroF1).toBe(0.5);
    expect(r.accuracy).toBe(0.5);
  });

  it('gives macro-F1 1 exactly when every prediction is right', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: 1 }), (labels) => {
        expect(macroF1(labels, labels)).toBe(1);
      }),
    );
  });

  it('prints a report that names each class', () => {
    expect(formatReport(classificationReport(truth, predicted))).toMatch(/macro-F1 0\.6556[\s\S]*\nc /);
  });
});

describe('rocAuc', () => {
  it('is the share of positive–negative pairs ranked right, ties counting one half', () => {
    // Pairs (pos score, neg score): (0.8, 0.1) right, (0.8, 0.4) right, (0.4, 0.1) right, (0.4, 0.4) tie.
    expect(rocAuc([true, true, false, false], [0.8, 0.4, 0.4, 0.1])).toBeCloseTo(3.5 / 4);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for constant scores', () => {
    expect(rocAuc([false, true], [0.1, 0.9])).toBe(1);
    expect(rocAuc([false, true], [0.9, 0.1])).toBe(0);
    expect(rocAuc([false, true, true], [3, 3, 3])).toBe(0.5);
  });

  it('is NaN without both classes', () => {
    expect(rocAuc([true, true], [1, 2])).toBeNaN();
  });

  it('does not change when scores are transformed monotonically', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -50, max: 50 })), { minLength: 2 }),
        (pairs) => {
          const labels = pairs.map((p) => p[0]);
          const a = rocAuc(
            labels,
            pairs.map((p) => p[1]),
          );
          const b = rocAuc(
            labels,
            pairs.map((p) => Math.exp(p[1] / 10)),
          );
          if (Number.isNaN(a)) expect(b).toBeNaN();
          else expect(b).toBeCloseTo(a, 10);
        },
      ),
    );
  });
});
