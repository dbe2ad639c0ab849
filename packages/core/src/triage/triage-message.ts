import type { CaseCategory } from '../cases/index.js';
import { type Classification, classify, predictText, type TextClassifier } from './classify-text.js';
import type { Intent } from './intents.js';
import { type DetectedLanguage, detectLanguage } from './language.js';
import { type Sentiment, scoreSentiment } from './sentiment.js';
import { priorFunction } from './tenant-model.js';

/** The models triage runs with: the shipped intent model and, when a merchant trained them, its own. */
export interface TriageModels {
  intent: TextClassifier;
  /** The merchant's intent model, blended with the shipped one through its prior. */
  tenantIntent?: TextClassifier | null;
  /** The merchant's sentiment model (labels 'negative' and 'positive'), leaning on the lexicon. */
  tenantSentiment?: TextClassifier | null;
}

/** What triage read in one message: stored on the message and summed up on its case. */
export interface MessageTriage {
  language: DetectedLanguage;
  intent: Classification;
  /** Which model named the intent. */
  intentModel: 'shipped' | 'tenant';
  sentiment: Sentiment;
  /** The category the intent suggests for a new case. */
  category: CaseCategory;
  /** Angry, anxious and unhappy, or very unhappy (`isUpset`): raise the priority and route to a senior agent. */
  upset: boolean;
}

/** Below this sentiment score a customer counts as upset even without an anger or anxiety cue. */
export const UPSET_SCORE = -0.5;

/** The category each intent suggests for a new case. */
export const INTENT_CATEGORY: Readonly<Record<Intent, CaseCategory>> = {
  track_order: 'logistics',
  shipping_info: 'consultation',
  delivery_late: 'logistics',
  delivery_problem: 'logistics',
  cancel_order: 'after_sales',
  change_order: 'after_sales',
  return_request: 'after_sales',
  exchange_request: 'after_sales',
  refund_request: 'after_sales',
  refund_status: 'after_sales',
  return_policy: 'consultation',
  product_defect: 'quality',
  not_as_described: 'quality',
  wrong_item: 'after_sales',
  payment: 'consultation',
  invoice: 'consultation',
  account: 'consultation',
  complaint: 'complaint',
  contact_human: 'consultation',
  feedback: 'other',
  other: 'other',
};

/**
 * Tags one inbound message: its language, what the customer wants (the merchant's model
 * where it has one, blended with the shipped model), how they feel, the category it
 * suggests and whether they are upset. Pure and fast: it runs inside the transaction that
 * stores the message.
 */
export function triageMessage(text: string, models: TriageModels): MessageTriage {
  const language = detectLanguage(text);
  const tenantIntent = models.tenantIntent ?? null;
  const intent = tenantIntent
    ? classify(tenantIntent, text, priorFunction(tenantIntent.prior, models.intent))
    : classify(models.intent, text);
  const lexicon = scoreSentiment(text, language.language);
  const sentiment = models.tenantSentiment
    ? { ...lexicon, score: tenantScore(models.tenantSentiment, text) }
    : lexicon;
  return {
    language,
    intent,
    intentModel: tenantIntent ? 'tenant' : 'shipped',
    sentiment,
    category: INTENT_CATEGORY[intent.label as Intent] ?? 'other',
    upset: isUpset(sentiment),
  };
}

/** An anxious customer counts as upset when also pressed for time or at least this unhappy. */
export const ANXIOUS_UPSET_SCORE = -0.4;

/**
 * Angry; or anxious and pressed or unhappy; or plainly very unhappy. Anxiety alone is the
 * tone of a question ("where is my parcel?"), and the words of after-sales ("refund",
 * "return") lean negative on their own, so neither sends a calm question to a senior agent.
 */
export function isUpset(sentiment: Sentiment): boolean {
  const { flags, score } = sentiment;
  return (
    flags.anger || score <= UPSET_SCORE || (flags.anxiety && (flags.urgency || score <= ANXIOUS_UPSET_SCORE))
  );
}

// A merchant's sentiment model gives P(positive); on the lexicon's -1..1 scale that is 2p - 1.
function tenantScore(model: TextClassifier, text: string): number {
  const p = predictText(model, text, priorFunction(model.prior));
  const positive = model.model.labels.indexOf('positive');
  if (positive < 0) throw new Error("a sentiment model's labels are 'negative' and 'positive'");
  return 2 * (p[positive] as number) - 1;
}
