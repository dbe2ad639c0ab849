import { type HandoffReason, NEVER_BY_ARTICLE, SELF_SERVICE_INTENTS } from './self-service.js';
import type { MessageTriage } from './triage-message.js';

// Intents that get the same answer: "where is my parcel" and "my parcel is late" both get
// the parcel's status, so a model torn between them is still sure of the answer.
const SAME_ANSWER: Readonly<Record<string, string>> = {
  track_order: 'shipment',
  delivery_late: 'shipment',
};
const answerOf = (intent: string) => SAME_ANSWER[intent] ?? intent;

/**
 * Whether the assistant may try to answer a customer's message itself, or why a
 * person should take it at once: they asked for one, they are upset, or triage is not sure
 * what they want. The confidence that counts is that of the answer: the top intents that
 * would get the same one add up. Trying may still end in a hand-off when no answer fits.
 */
export function selfServiceChoice(
  triage: Pick<MessageTriage, 'intent' | 'upset'>,
  minConfidence: number,
): { try: true } | { try: false; reason: HandoffReason } {
  const { label, top } = triage.intent;
  if (label === 'contact_human') return { try: false, reason: 'asked_for_person' };
  if (triage.upset) return { try: false, reason: 'upset' };
  if (NEVER_BY_ARTICLE.has(label) && !(SELF_SERVICE_INTENTS as readonly string[]).includes(label))
    return { try: false, reason: 'no_answer' };
  const answer = answerOf(label);
  const sure = Math.max(
    triage.intent.confidence,
    top.filter((t) => answerOf(t.label) === answer).reduce((sum, t) => sum + t.confidence, 0),
  );
  if (sure < minConfidence) return { try: false, reason: 'low_confidence' };
  return { try: true };
}
