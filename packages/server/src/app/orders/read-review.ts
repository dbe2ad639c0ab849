import { scoreSentiment, type TriageModels, triageMessage } from '@afterdesk/core';
import { writtenIn } from '../triage/triage-inbound.js';

/** What triage read in a review's comment, as stored on `order_reviews`. */
export interface ReviewReading {
  language: string | null;
  intent: string | null;
  sentiment: number | null;
}

/**
 * Runs the shipped triage over a review's comment, as over an inbound message. Reviews are
 * often a few words ("ok", "bom"), too short to tell the language by; then the language the
 * order declares for its customer is taken, and the mood is read with that language's words
 * rather than the English fallback. No comment, nothing read.
 */
export function readReviewComment(
  comment: string | null,
  models: TriageModels,
  declaredLanguage: string | null,
): ReviewReading {
  if (!comment?.trim()) return { language: null, intent: null, sentiment: null };
  const triage = triageMessage(comment, models);
  const detected = writtenIn(triage);
  // Detection names the base language ('pt'), so the declared tag is cut to its base too.
  const language = detected ?? declaredLanguage?.toLowerCase().split('-')[0] ?? null;
  const sentiment =
    detected === null && language !== null ? scoreSentiment(comment, language).score : triage.sentiment.score;
  return { language, intent: triage.intent.label, sentiment };
}
