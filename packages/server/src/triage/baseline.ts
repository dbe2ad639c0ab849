import {
  argmax,
  type LabelledText,
  predictProbabilities,
  type SparseVector,
  trainSoftmaxLbfgs,
} from '@afterdesk/core';

// The reference a tenant model must beat, built as scikit-learn builds
//   make_pipeline(TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5)), LogisticRegression())
// : an exact vocabulary (no hashing) of character 2–5-grams inside space-padded words, raw
// counts times smooth IDF, L2-normalised rows; multinomial logistic regression with an L2
// penalty of C = 1 on the weights (not the intercept), trained to convergence by L-BFGS.
// Only for the evaluations.

/** A trained baseline: predicts a label for a text. */
export type Predict = (text: string) => string;

/**
 * scikit-learn's `_char_wb_ngrams` after its default preprocessing (lower case, no accent
 * stripping): each whitespace-separated word padded with one space; a word shorter than n
 * gives itself once.
 */
export function charWbNgrams(text: string, min = 2, max = 5): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (!word) continue;
    const w = Array.from(` ${word} `);
    for (let n = min; n <= max; n++) {
      let offset = 0;
      out.push(w.slice(offset, offset + n).join(''));
      while (offset + n < w.length) {
        offset++;
        out.push(w.slice(offset, offset + n).join(''));
      }
      if (offset === 0) break;
    }
  }
  return out;
}

/** Fits the vocabulary and IDF on `texts`; returns the TF-IDF transform. */
export function fitTfidf(texts: readonly string[]): (text: string) => SparseVector {
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const text of texts) {
    for (const gram of new Set(charWbNgrams(text))) {
      let j = vocabulary.get(gram);
      if (j === undefined) {
        j = vocabulary.size;
        vocabulary.set(gram, j);
        documentFrequency.push(0);
      }
      documentFrequency[j] = (documentFrequency[j] as number) + 1;
    }
  }
  // Smooth IDF as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1.
  const idf = documentFrequency.map((df) => Math.log((1 + texts.length) / (1 + df)) + 1);
  return (text) => {
    const counts = new Map<number, number>();
    for (const gram of charWbNgrams(text)) {
      const j = vocabulary.get(gram);
      if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    const indices = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
    const values = Float32Array.from(indices, (j) => (counts.get(j) as number) * (idf[j] as number));
    let norm = 0;
    for (const v of values) norm += v * v;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { indices, values: values.map((v) => v * inv) };
  };
}

/** Trains the TF-IDF char_wb 2–5 + logistic-regression (C = 1) baseline. */
export function trainBaseline(examples: readonly LabelledText[], C = 1): Predict {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const tfidf = fitTfidf(examples.map((e) => e.text));
  const rows = examples.map((e) => ({ x: tfidf(e.text), y: labels.indexOf(e.label) }));
  const dim = rows.reduce((max, r) => Math.max(max, (r.x.indices.at(-1) ?? 0) + 1), 0);
  const model = trainSoftmaxLbfgs(rows, labels, dim, {
    l2: 1 / (C * examples.length),
    maxIterations: 2000,
    tolerance: 1e-7,
  });
  return (text) => labels[argmax(predictProbabilities(model, tfidf(text)))] as string;
}
