import type { MessageView } from '@afterdesk/contract';
import type { MessageRow } from '../../db/repositories/messages.repository.js';

// JSON built inside PostgreSQL carries timestamps as text.
const iso = (value: string | Date) => new Date(value).toISOString();

/** A stored message as the API, the live socket and the timeline show it. */
export function toMessageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    caseId: row.case_id,
    seq: row.seq,
    direction: row.direction,
    channel: row.channel,
    authorType: row.author_type,
    authorId: row.author_id,
    authorName: row.author_name,
    subject: row.subject,
    body: row.body,
    language: row.language,
    automated: row.automated,
    deliveryState: row.delivery_state,
    clientMessageId: row.client_message_id,
    attachments: row.attachments.map((f) => ({
      id: f.id,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      name: f.original_name,
    })),
    triage: triageView(row),
    createdAt: iso(row.created_at),
  };
}

/** What a customer may see of a message: not what triage thought of them. */
export function forCustomer(view: MessageView): MessageView {
  return view.triage === null ? view : { ...view, triage: null };
}

interface StoredTriage {
  language: { language: string; confidence: number };
  intents: { label: string; confidence: number }[];
  intentModel: 'shipped' | 'tenant';
  category: string;
  cues: string[];
}

function triageView(row: MessageRow): MessageView['triage'] {
  if (row.intent === null || row.triage === null) return null;
  const stored = row.triage as StoredTriage;
  return {
    intent: row.intent,
    intentConfidence: row.intent_confidence ?? 0,
    intents: stored.intents,
    intentModel: stored.intentModel,
    sentiment: row.sentiment ?? 0,
    emotions: row.emotions,
    language: stored.language,
    category: stored.category,
    cues: stored.cues,
    ...(row.labels ? { label: row.labels } : {}),
  };
}
