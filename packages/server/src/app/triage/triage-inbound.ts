import { isUpset, type MessageTriage, type Priority, raisePriority, triageMessage } from '@afterdesk/core';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import type { Services } from '../context.js';

/** Triages a customer's words with the tenant's models. */
export async function triageInbound(
  services: Services,
  tx: Tx,
  tenantId: string,
  text: string,
): Promise<MessageTriage> {
  return triageMessage(text, await services.triage.modelsFor(tx, tenantId));
}

/** The language a message was written in, when triage is sure enough to answer in it. */
export function writtenIn(t: MessageTriage, minConfidence = 0.5): string | null {
  return t.language.language !== 'und' && t.language.confidence >= minConfidence ? t.language.language : null;
}

/** The emotions a triage found, as stored in `emotions` columns. */
export function emotionsOf(t: MessageTriage): string[] {
  return (['anger', 'anxiety', 'urgency'] as const).filter((e) => t.sentiment.flags[e]);
}

/** The message's triage columns. */
export function messageTriageColumns(t: MessageTriage) {
  return {
    intent: t.intent.label,
    intent_confidence: t.intent.confidence,
    sentiment: t.sentiment.score,
    emotions: emotionsOf(t),
    triage: JSON.stringify({
      language: t.language,
      intents: t.intent.top,
      intentModel: t.intentModel,
      category: t.category,
      upset: t.upset,
      cues: t.sentiment.cues.slice(0, 10),
    }),
  };
}

/** What a newly triaged message changes on its case: its latest reading, and a raised priority once upset. */
export interface CaseTriage {
  intent: string;
  sentiment: number;
  emotions: string[];
  /** Set when the customer just became upset: one step up, once per case. */
  priority: Priority | null;
}

export function caseTriage(c: CaseRow, t: MessageTriage): CaseTriage {
  const wasUpset = isUpset({
    score: c.sentiment ?? 0,
    flags: { anger: c.emotions.includes('anger'), anxiety: c.emotions.includes('anxiety'), urgency: false },
    cues: [],
  });
  const raised = t.upset && !wasUpset ? raisePriority(c.priority as Priority) : null;
  return {
    intent: t.intent.label,
    sentiment: t.sentiment.score,
    emotions: emotionsOf(t),
    priority: raised && raised !== c.priority ? raised : null,
  };
}
