import {
  type ClassificationReport,
  classificationReport,
  formatReport,
  type LabelledText,
  rocAuc,
} from '@afterdesk/core';

/** Figures of one evaluation, as the CLI's last line of JSON carries them. */
export interface EvaluationFigures {
  examples: number;
  skipped: number;
  accuracy: number;
  macroF1: number;
  rocAuc?: number;
  perClassF1: Record<string, number>;
  confusion: { labels: string[]; matrix: number[][] };
}

/**
 * Scores predictions against labels. `labels` fixes the classes that count: by default the
 * true labels, so a model that knows more classes than the data set is judged on the data
 * set's classes (its other predictions still count as misses).
 */
export function evaluatePredictions(
  examples: readonly LabelledText[],
  predicted: readonly string[],
  options: {
    labels?: readonly string[];
    scores?: readonly number[];
    positive?: string;
    skipped?: number;
  } = {},
): { report: ClassificationReport; figures: EvaluationFigures } {
  const truth = examples.map((e) => e.label);
  const labels = options.labels ?? [...new Set(truth)].sort();
  const report = classificationReport(truth, predicted, labels);
  const figures: EvaluationFigures = {
    examples: examples.length,
    skipped: options.skipped ?? 0,
    accuracy: round(report.accuracy),
    macroF1: round(report.macroF1),
    perClassF1: Object.fromEntries(report.perClass.map((c) => [c.label, round(c.f1)])),
    confusion: { labels: report.labels, matrix: report.matrix },
  };
  if (options.scores) {
    const positive = options.positive ?? 'positive';
    figures.rocAuc = round(
      rocAuc(
        truth.map((t) => t === positive),
        options.scores,
      ),
    );
  }
  return { report, figures };
}

/** The report as text, with the ROC AUC when there is one. */
export function formatEvaluation(report: ClassificationReport, figures: EvaluationFigures): string {
  const auc = figures.rocAuc === undefined ? '' : `\nROC AUC ${figures.rocAuc.toFixed(4)}`;
  const skipped = figures.skipped ? `\nskipped ${figures.skipped} rows whose label maps to nothing` : '';
  return `${formatReport(report)}${auc}${skipped}`;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
