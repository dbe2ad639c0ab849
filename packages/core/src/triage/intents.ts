/**
 * What a customer wants, as Afterdesk tags every incoming message. The order is part of the
 * shipped model's format (a label is its index), so new intents go at the end.
 */
export const INTENTS = [
  'track_order',
  'shipping_info',
  'delivery_late',
  'delivery_problem',
  'cancel_order',
  'change_order',
  'return_request',
  'exchange_request',
  'refund_request',
  'refund_status',
  'return_policy',
  'product_defect',
  'not_as_described',
  'wrong_item',
  'payment',
  'invoice',
  'account',
  'complaint',
  'contact_human',
  'feedback',
  'other',
] as const;

/** One of {@link INTENTS}. */
export type Intent = (typeof INTENTS)[number];

const KNOWN: ReadonlySet<string> = new Set(INTENTS);

/** True when `value` names one of Afterdesk's intents. */
export function isIntent(value: string): value is Intent {
  return KNOWN.has(value);
}
