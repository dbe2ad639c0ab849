import {
  argmax,
  extractFeatures,
  type FeatureConfig,
  type LabelledText,
  mulberry32,
  predictProbabilities,
  type SparseVector,
  trainSoftmax,
} from '@afterdesk/core';

// The reference a tenant model must beat: TF-IDF over character n-grams 2–5 inside word
// boundaries (scikit-learn's char_wb) and a plain L2 logistic regression, no class weights,
// no word features, no prior. Only for the evaluations.
const CHAR_WB: FeatureConfig = {
  bits: 20,
  charMin: 2,
  charMax: 5,
  cjkMax: 3,
  wordBigrams: false,
  wordWeight: 0,
};

/** A trained baseline: predicts a label for a text. */
export type Predict = (text: string) => string;

/** Trains the TF-IDF char_wb 2–5 + logistic-regression baseline. */
export function trainBaseline(examples: readonly LabelledText[], seed = 1): Predict {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const dim = 2 ** CHAR_WB.bits;
  const documentFrequency = new Float32Array(dim);
  const raw = examples.map((e) => extractFeatures(e.text, CHAR_WB));
  for (const x of raw) for (const i of x.indices) documentFrequency[i] = (documentFrequency[i] as number) + 1;
  // Smoothed IDF as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1.
  const idf = documentFrequency.map((df) => Math.log((1 + examples.length) / (1 + df)) + 1);
  const weigh = (x: SparseVector): SparseVector => {
    const values = x.values.map((v, n) => v * (idf[x.indices[n] as number] as number));
    const norm = Math.hypot(...values) || 1;
    return { indices: x.indices, values: values.map((v) => v / norm) };
  };
  const model = trainSoftmax(
    raw.map((x, i) => ({ x: weigh(x), y: labels.indexOf((examples[i] as LabelledText).label) })),
    labels,
    dim,
    { epochs: 10, l2: 1e-5, random: mulberry32(seed) },
  );
  return (text) =>
    labels[argmax(predictProbabilities(model, weigh(extractFeatures(text, CHAR_WB))))] as string;
}
