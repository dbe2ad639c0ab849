import { describe, expect, it } from 'vitest';
import { trainTextClassifier } from './classify-text.js';
import { INTENTS } from './intents.js';
import { trainTenantModel } from './tenant-model.js';
import { FIXTURE } from './triage-fixture.test-helpers.js';
import { INTENT_CATEGORY, triageMessage } from './triage-message.js';

const shipped = trainTextClassifier(FIXTURE, { task: 'intent', seed: 3, epochs: 20, calibrationShare: 0 });

describe('triaging one message', () => {
  it('names the language, the intent with its top three, and the category it suggests', () => {
    const t = triageMessage('The product arrived broken and the screen is cracked', { intent: shipped });
    expect(t.language.language).toBe('en');
    expect(t.intent.label).toBe('product_defect');
    expect(t.intent.top).toHaveLength(3);
    expect(t.intentModel).toBe('shipped');
    expect(t.category).toBe('quality');
  });

  it('flags an angry customer as upset, and a happy one not', () => {
    const angry = triageMessage('This is a SCAM!!! Unacceptable, I want my money back now!', {
      intent: shipped,
    });
    expect(angry.sentiment.score).toBeLessThan(0);
    expect(angry.upset).toBe(true);
    const happy = triageMessage('Great product, thank you, very satisfied', { intent: shipped });
    expect(happy.sentiment.score).toBeGreaterThan(0);
    expect(happy.upset).toBe(false);
  });

  it('does not take a plain parcel question for an upset customer, but a worried and unhappy one', () => {
    expect(triageMessage('Where is my parcel?', { intent: shipped }).upset).toBe(false);
    expect(triageMessage('Where is my refund?', { intent: shipped }).upset).toBe(false);
    expect(triageMessage('Where is my parcel? I need it urgently!', { intent: shipped }).upset).toBe(true);
    const worried = triageMessage("I'm really worried, I still haven't received my order and it's terrible", {
      intent: shipped,
    });
    expect(worried.sentiment.flags.anxiety).toBe(true);
    expect(worried.upset).toBe(true);
  });

  it("uses the merchant's own intent model, blended with the shipped one, when it has one", () => {
    const examples = [
      ...FIXTURE,
      ...['assinatura cancelada', 'quero cancelar a assinatura', 'cancel my subscription please'].flatMap(
        (text) => [1, 2, 3, 4].map((n) => ({ text: `${text} ${n}`, label: 'other' })),
      ),
    ];
    const { classifier } = trainTenantModel(examples, { task: 'intent', base: shipped, seed: 1 });
    const t = triageMessage('quero cancelar a assinatura', { intent: shipped, tenantIntent: classifier });
    expect(t.intentModel).toBe('tenant');
    expect(t.intent.label).toBe('other');
  });

  it("scores sentiment with the merchant's model on the lexicon's scale when it has one", () => {
    const reviews = [
      ...['horrible', 'awful service', 'never again', 'broken on arrival', 'terrible'].map((text) => ({
        text,
        label: 'negative',
      })),
      ...['lovely', 'great service', 'will buy again', 'works perfectly', 'excellent'].map((text) => ({
        text,
        label: 'positive',
      })),
    ].flatMap((e) => [1, 2, 3].map((n) => ({ text: `${e.text} ${'!'.repeat(n)}`, label: e.label })));
    const { classifier } = trainTenantModel(reviews, { task: 'sentiment', seed: 1 });
    const bad = triageMessage('awful service, broken on arrival', {
      intent: shipped,
      tenantSentiment: classifier,
    });
    const good = triageMessage('great service, works perfectly', {
      intent: shipped,
      tenantSentiment: classifier,
    });
    expect(bad.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(good.sentiment.score).toBeLessThanOrEqual(1);
    expect(good.sentiment.score).toBeGreaterThan(bad.sentiment.score);
  });

  it('has a category for every intent', () => {
    for (const intent of INTENTS) expect(INTENT_CATEGORY[intent]).toBeDefined();
  });
});
