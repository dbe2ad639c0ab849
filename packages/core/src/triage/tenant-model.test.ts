import { describe, expect, it } from 'vitest';
import { classify, trainTextClassifier } from './classify-text.js';
import { serializeModel } from './model-file.js';
import { priorFunction, trainTenantModel } from './tenant-model.js';
import { FIXTURE } from './triage-fixture.test-helpers.js';

const base = trainTextClassifier(FIXTURE, { task: 'intent', seed: 1, epochs: 20, calibrationShare: 0 });
// A merchant's own labels, which need not be Afterdesk's intents.
const merchant = FIXTURE.map((e) => ({ text: e.text, label: e.label === 'feedback' ? 'happy' : 'problem' }));

describe('trainTenantModel', () => {
  it('learns a merchant’s own labels with the shipped model as a prior', () => {
    const { classifier, candidates } = trainTenantModel(merchant, { task: 'intent', base, seed: 2 });
    expect(classifier.model.labels).toEqual(['happy', 'problem']);
    expect(classifier.prior?.kind).toBe('intent-model');
    const prior = priorFunction(classifier.prior, base);
    expect(classify(classifier, 'arrived early, love it', prior).label).toBe('happy');
    expect(classify(classifier, 'it arrived broken', prior).label).toBe('problem');
    expect(candidates.length).toBeGreaterThan(0);
  });

  it('considers the shipped model alone when the merchant uses Afterdesk intents', () => {
    const { candidates } = trainTenantModel(FIXTURE, { task: 'intent', base, seed: 2 });
    expect(candidates.map((c) => c.name)).toContain('shipped model alone');
  });

  it('considers the lexicon score alone for sentiment, and can pick it', () => {
    const reviews = [
      ...['great', 'excellent quality', 'love it', 'perfect, thanks', 'very good', 'fast and good'].map(
        (t) => ({
          text: `${t} product`,
          label: 'positive',
        }),
      ),
      ...['terrible', 'broken on arrival', 'awful quality', 'worst purchase', 'very bad', 'useless'].map(
        (t) => ({
          text: `${t} product`,
          label: 'negative',
        }),
      ),
    ];
    const many = [0, 1, 2, 3].flatMap((n) =>
      reviews.map((r) => ({ ...r, text: `${r.text} ${'!'.repeat(n)} #${n}` })),
    );
    const { classifier, candidates } = trainTenantModel(many, { task: 'sentiment', seed: 2 });
    expect(candidates.map((c) => c.name)).toContain('lexicon alone');
    const prior = priorFunction(classifier.prior);
    expect(classify(classifier, 'awful, it arrived broken', prior).label).toBe('negative');
  });

  it('keeps the base alone when no trained candidate beats it on validation', () => {
    const { classifier, candidates } = trainTenantModel(FIXTURE, { task: 'intent', base, seed: 2 });
    const alone = candidates.find((c) => c.name === 'shipped model alone')?.score ?? 0;
    const chosen = candidates.find((c) => c.name === classifier.summary.chosen)?.score ?? 0;
    expect(chosen).toBeGreaterThanOrEqual(alone);
    if (candidates.every((c) => c.score <= alone))
      expect(classifier.summary.chosen).toBe('shipped model alone');
  });

  it('tries Chinese negation features for sentiment only', () => {
    const reviews = ['很好吃', '送得很快', '不好吃', '没送到', '太慢了', '非常满意'].flatMap((t, i) =>
      Array.from({ length: 12 }, (_, n) => n).map((n) => ({
        text: `${t}${'！'.repeat(n)}${n}`,
        label: i % 3 === 2 || i === 3 ? 'negative' : 'positive',
      })),
    );
    const sentiment = trainTenantModel(reviews, { task: 'sentiment', seed: 2 }).candidates.map((c) => c.name);
    expect(sentiment.some((n) => n.includes('negation'))).toBe(true);
    const intent = trainTenantModel(FIXTURE, { task: 'intent', base, seed: 2 }).candidates.map((c) => c.name);
    expect(intent.some((n) => n.includes('negation'))).toBe(false);
  });

  it('hashes sentiment text into 2^20 slots yet stores only the rows it learned', () => {
    // Made-up words the lexicon cannot know, so a text candidate must win.
    const reviews = ['zorp', 'zorpy day', 'so zorp', 'blick', 'blicky day', 'so blick'].flatMap((t, i) =>
      Array.from({ length: 10 }, (_, n) => ({ text: `${t} ${n}`, label: i < 3 ? 'positive' : 'negative' })),
    );
    const { classifier } = trainTenantModel(reviews, { task: 'sentiment', seed: 2 });
    expect(String(classifier.summary.chosen)).toMatch(/text/);
    expect(classifier.features.bits).toBe(20);
    expect(serializeModel(classifier).length).toBeLessThan(64_000);
    const intent = trainTenantModel(merchant, { task: 'topic', seed: 2 }).classifier;
    expect(intent.features.bits).toBe(18);
  });

  it('needs the shipped model to classify when it was trained with it', () => {
    const { classifier } = trainTenantModel(merchant, { task: 'intent', base, seed: 2 });
    expect(() => classify(classifier, 'hello')).toThrow(/prior/);
  });

  it('trains without a prior for a task of the merchant’s own', () => {
    const { classifier } = trainTenantModel(merchant, { task: 'topic', seed: 2 });
    expect(classifier.prior).toBeNull();
  });

  it('refuses examples with a single label', () => {
    expect(() => trainTenantModel([{ text: 'a', label: 'x' }], { task: 'topic' })).toThrow(/two labels/);
  });
});
