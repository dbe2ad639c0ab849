import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEATURES,
  extractFeatures,
  type FeatureConfig,
  fnv1a,
  normalizeText,
  splitWords,
} from './text-features.js';

const words = (text: string) => splitWords(normalizeText(text)).map((t) => t.text);

describe('normalizeText', () => {
  it('folds width, case, digits and Latin accents', () => {
    expect(normalizeText('Não RECEBI o pedido #４５６')).toBe('nao recebi o pedido #000');
  });

  it('keeps Japanese voiced kana and Korean syllables intact', () => {
    expect(normalizeText('ガラスが割れた 배송')).toBe('ガラスが割れた 배송');
  });
});

describe('splitWords', () => {
  it('splits Chinese without spaces into words', () => {
    expect(words('我的快递还没到').length).toBeGreaterThan(2);
  });

  it('splits spaced scripts on word boundaries and keeps apostrophes inside words', () => {
    expect(words("I don't have it, order 12!")).toEqual(['i', "don't", 'have', 'it', 'order', '00']);
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('extractFeatures', () => {
  it('gives a unit-length vector with sorted, distinct indices inside the hashed space', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (text) => {
        const { indices, values } = extractFeatures(text);
        const norm = values.reduce((s, v) => s + v * v, 0);
        if (indices.length > 0) expect(norm).toBeCloseTo(1, 4);
        for (let i = 1; i < indices.length; i++) expect(indices[i]).toBeGreaterThan(indices[i - 1] as number);
        for (const i of indices) expect(i).toBeLessThan(2 ** DEFAULT_FEATURES.bits);
      }),
    );
  });

  it('reads the same message the same way whatever its case, width or order number', () => {
    expect(extractFeatures('Where is order 123?')).toEqual(extractFeatures('WHERE IS ORDER 987?'));
  });

  it('reads Chinese as character 1–3-grams, so each character of a run counts', () => {
    // 4 characters: 4 unigrams + 3 bigrams + 2 trigrams, all distinct.
    expect(extractFeatures('快递没到', { ...DEFAULT_FEATURES, bits: 24 }).indices).toHaveLength(9);
  });

  it('marks Chinese n-grams after a negator, so "不好" and "不太好" share a negated 好', () => {
    const wide = { ...DEFAULT_FEATURES, bits: 24 };
    const negation = { ...wide, cjkNegation: 3 };
    // 不好: two unigrams and a bigram, plus the negated 好.
    expect(extractFeatures('不好', negation).indices).toHaveLength(4);
    const shared = (config: typeof wide) => {
      const a = new Set(extractFeatures('不好', config).indices);
      return [...extractFeatures('不太好', config).indices].filter((i) => a.has(i)).length;
    };
    expect(shared(negation)).toBe(shared(wide) + 1);
  });

  it('leaves negation off unless asked, and text without a negator unchanged', () => {
    expect(extractFeatures('质量很好', { ...DEFAULT_FEATURES, cjkNegation: 3 })).toEqual(
      extractFeatures('质量很好'),
    );
  });

  it('reads Chinese words as the dictionary splits them when asked, and other text as before', () => {
    const wide = { ...DEFAULT_FEATURES, bits: 24 };
    const withWords = { ...wide, cjkWords: true };
    // 质量|很|差: three words and two word bigrams join the 9 character n-grams.
    expect(extractFeatures('质量很差', wide).indices).toHaveLength(9);
    expect(extractFeatures('质量很差', withWords).indices).toHaveLength(14);
    // "质量" is one word in both texts: a shared word feature besides the shared characters.
    const shared = (config: FeatureConfig) => {
      const a = new Set(extractFeatures('质量很差', config).indices);
      return [...extractFeatures('质量不错', config).indices].filter((i) => a.has(i)).length;
    };
    expect(shared(withWords)).toBe(shared(wide) + 1);
    expect(extractFeatures('The parcel never came', withWords)).toEqual(
      extractFeatures('The parcel never came', wide),
    );
  });

  it('gives the same vector for a text whatever was extracted before it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 200 }), (a, b) => {
        const first = extractFeatures(a);
        extractFeatures(b);
        expect(extractFeatures(a)).toEqual(first);
      }),
    );
  });

  it('gives no text features when both blocks weigh nothing', () => {
    expect(
      extractFeatures('hello', { ...DEFAULT_FEATURES, wordWeight: 0, charWeight: 0 }).indices,
    ).toHaveLength(0);
  });

  it('gives an empty vector for a text without words', () => {
    expect(extractFeatures(' !? ').indices).toHaveLength(0);
  });
});
