/** Every kind of after-sales case: four that move goods or money, four of the help desk. */
export const CASE_KINDS = [
  'return',
  'exchange',
  'refund_only',
  'repair',
  'inquiry',
  'complaint',
  'logistics',
  'dispute',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The kinds whose life cycle runs through the return machine. */
export const RETURN_KINDS = ['return', 'exchange', 'refund_only', 'repair'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export function isReturnKind(kind: string): kind is ReturnKind {
  return (RETURN_KINDS as readonly string[]).includes(kind);
}

/** The help-desk kinds: a conversation first, with no goods moving. */
export const CONVERSATION_KINDS = ['inquiry', 'complaint', 'logistics', 'dispute'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export function isConversationKind(kind: string): kind is ConversationKind {
  return (CONVERSATION_KINDS as readonly string[]).includes(kind);
}

export function isCaseKind(kind: string): kind is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(kind);
}

/** How a question is classified to route it fast. */
export const CASE_CATEGORIES = [
  'consultation',
  'complaint',
  'after_sales',
  'logistics',
  'quality',
  'other',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/** What a complaint is about; kept beside the category for root-cause analysis. */
export const COMPLAINT_TYPES = ['quality', 'not_as_described', 'logistics', 'policy', 'service'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

/** The category a case gets when nobody classified it: what its kind already says. */
export const DEFAULT_CATEGORY: Readonly<Record<CaseKind, CaseCategory>> = {
  return: 'after_sales',
  exchange: 'after_sales',
  refund_only: 'after_sales',
  repair: 'after_sales',
  inquiry: 'consultation',
  complaint: 'complaint',
  logistics: 'logistics',
  dispute: 'complaint',
};

/** The channels a message can arrive by or leave through. */
export const CHANNELS = ['email', 'chat', 'web', 'phone', 'social', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
