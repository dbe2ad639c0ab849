import { describe, expect, it } from 'vitest';
import { classify, trainTextClassifier } from './classify-text.js';
import { parseModel, serializeModel } from './model-file.js';
import { FIXTURE } from './triage-fixture.test-helpers.js';

const classifier = trainTextClassifier(FIXTURE, { task: 'intent', seed: 3, epochs: 20, calibrationShare: 0 });

describe('classify', () => {
  it('finds the intent of a message it has not seen, in English and Portuguese', () => {
    expect(classify(classifier, 'My parcel still has not arrived').label).toBe('delivery_late');
    expect(classify(classifier, 'chegou quebrado e com defeito').label).toBe('product_defect');
  });

  it('returns the three best labels, most confident first, with probabilities', () => {
    const result = classify(classifier, 'great, thank you');
    expect(result.top.map((t) => t.label)).toContain('feedback');
    expect(result.top).toHaveLength(3);
    expect(result.confidence).toBe(result.top[0]?.confidence);
    expect(result.top[0]?.confidence).toBeGreaterThanOrEqual(result.top[1]?.confidence ?? 0);
    expect(result.top.reduce((s, t) => s + t.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('trains the same model from the same examples and seed', () => {
    const again = trainTextClassifier(FIXTURE, { task: 'intent', seed: 3, epochs: 20, calibrationShare: 0 });
    expect(again.model.weights.every((w, i) => w === classifier.model.weights[i])).toBe(true);
  });

  it('records how it was trained', () => {
    expect(classifier.summary).toMatchObject({ examples: FIXTURE.length, epochs: 20 });
  });
});

describe('serializeModel and parseModel', () => {
  const bytes = serializeModel(classifier);
  const parsed = parseModel(bytes);

  it('keep the task, labels, features and summary', () => {
    expect(parsed).toMatchObject({
      task: 'intent',
      features: classifier.features,
      summary: classifier.summary,
      model: { labels: classifier.model.labels, temperature: classifier.model.temperature },
    });
  });

  it('give nearly the same probabilities after int8 quantisation', () => {
    for (const { text } of FIXTURE) {
      const before = classify(classifier, text);
      const after = classify(parsed, text);
      expect(after.label).toBe(before.label);
      expect(after.confidence).toBeCloseTo(before.confidence, 1);
    }
  });

  it('store only the rows the training touched', () => {
    expect(bytes.length).toBeLessThan(classifier.model.dim * 3 * 0.05);
  });

  it('refuse bytes that are not a model', () => {
    expect(() => parseModel(new TextEncoder().encode('hello, world!'))).toThrow(/not an Afterdesk/);
    expect(() => parseModel(bytes.subarray(0, bytes.length - 5))).toThrow(/truncated/);
  });
});
