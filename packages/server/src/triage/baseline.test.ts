import { describe, expect, it } from 'vitest';
import { charWbNgrams, fitTfidf, trainBaseline } from './baseline.js';

describe('charWbNgrams', () => {
  it("gives scikit-learn's char_wb 2–5-grams: padded words, a short word once", () => {
    // TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5)).build_analyzer()('Oi, X')
    expect(charWbNgrams('Oi,  X')).toEqual([
      ' o',
      'oi',
      'i,',
      ', ',
      ' oi',
      'oi,',
      'i, ',
      ' oi,',
      'oi, ',
      ' oi, ',
      ' x',
      'x ',
      ' x ',
    ]);
  });
});

describe('fitTfidf', () => {
  it('weighs a gram every text has below a rare one, and gives unit-length rows', () => {
    const tfidf = fitTfidf(['ab', 'ab cd', 'ab']);
    const x = tfidf('ab cd');
    expect(x.values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 6);
    const common = tfidf('ab').values[0] as number;
    expect(Math.max(...x.values)).toBeGreaterThan(common * 0.5);
  });
});

describe('trainBaseline', () => {
  it('learns labels from character n-grams', () => {
    const predict = trainBaseline([
      { text: 'chegou quebrado', label: 'defect' },
      { text: 'veio quebrado', label: 'defect' },
      { text: 'produto otimo', label: 'praise' },
      { text: 'otimo vendedor', label: 'praise' },
    ]);
    expect(predict('quebrou')).toBe('defect');
    expect(predict('otima loja')).toBe('praise');
  });
});
