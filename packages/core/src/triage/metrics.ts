/** Precision, recall and F1 of one label, with its number of true examples. */
export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** What a classifier got right on a labelled set. */
export interface ClassificationReport {
  total: number;
  accuracy: number;
  /** Mean F1 over `labels`, each label counting once however rare. */
  macroF1: number;
  perClass: ClassScore[];
  labels: string[];
  /** `matrix[i][j]`: examples of labels[i] predicted as labels[j]. */
  matrix: number[][];
}

/** Share of predictions equal to the truth; 0 for no examples. */
export function accuracy(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length === 0) return 0;
  let right = 0;
  truth.forEach((t, i) => {
    if (predicted[i] === t) right++;
  });
  return right / truth.length;
}

/**
 * The full report. `labels` fixes the classes that count (and the matrix order); by default
 * every label seen in the truth or the predictions, sorted. A prediction outside `labels`
 * still counts as a miss for recall and accuracy.
 */
export function classificationReport(
  truth: readonly string[],
  predicted: readonly string[],
  labels: readonly string[] = [...new Set([...truth, ...predicted])].sort(),
): ClassificationReport {
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  truth.forEach((t, n) => {
    const i = index.get(t);
    const j = index.get(predicted[n] as string);
    if (i !== undefined && j !== undefined)
      (matrix[i] as number[])[j] = ((matrix[i] as number[])[j] as number) + 1;
  });
  const perClass = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, n) => {
      const p = predicted[n];
      if (t === label && p === label) tp++;
      else if (p === label) fp++;
      else if (t === label) fn++;
    });
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: tp + fn };
  });
  const macroF1 = perClass.length ? perClass.reduce((s, c) => s + c.f1, 0) / perClass.length : 0;
  return {
    total: truth.length,
    accuracy: accuracy(truth, predicted),
    macroF1,
    perClass,
    labels: [...labels],
    matrix,
  };
}

/** Macro-averaged F1 (see {@link classificationReport} for `labels`). */
export function macroF1(truth: readonly string[], predicted: readonly string[], labels?: readonly string[]) {
  return classificationReport(truth, predicted, labels).macroF1;
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random
 * negative, ties counting one half (Mann–Whitney U with mid-ranks). NaN without both classes.
 */
export function rocAuc(positive: readonly boolean[], scores: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
    )
      j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (positive[(order[k] as readonly [number, number])[1]]) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The report as aligned text: totals, one line per class, then the confusion matrix. */
export function formatReport(report: ClassificationReport): string {
  const pct = (v: number) => (v * 100).toFixed(1).padStart(5);
  const width = Math.max(8, ...report.labels.map((l) => l.length));
  const lines = [
    `n=${report.total}  accuracy ${pct(report.accuracy)} %  macro-F1 ${report.macroF1.toFixed(4)}`,
    `${'class'.padEnd(width)}  prec.   rec.    F1  support`,
    ...report.perClass.map(
      (c) =>
        `${c.label.padEnd(width)}  ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.support).padStart(7)}`,
    ),
    'confusion (rows: truth, columns: predicted, in the order above)',
    ...report.matrix.map(
      (row, i) => `${String(i).padStart(3)} ${row.map((v) => String(v).padStart(5)).join('')}`,
    ),
  ];
  return lines.join('\n');
}
