import { type CaseKind, isReturnKind } from '../cases/kinds.js';
import type { PromiseThing } from './promises.js';
import type { PromiseFacts } from './review-reply.js';

// A return whose refund can no longer come, and cases whose replacement can no longer ship.
const NO_REFUND: readonly string[] = ['rejected', 'cancelled', 'refunded', 'refused', 'inspection_failed'];
const NO_REPLACEMENT: readonly string[] = ['rejected', 'cancelled', 'replacement_shipped', 'refused'];

/**
 * What a case still allows a reply to promise. A return or refund-only request may still be
 * refunded until it is rejected, cancelled, refused, failed inspection or already refunded; a
 * repair is never refunded; only an exchange ships a replacement. Conversations (inquiries,
 * complaints) say nothing either way: a promise there is not checked against the case.
 */
export function promisesCaseAllows(
  kind: CaseKind,
  status: string,
): Pick<PromiseFacts, 'refundAllowed' | 'replacementAllowed'> {
  if (!isReturnKind(kind)) return {};
  return {
    refundAllowed: kind !== 'repair' && !NO_REFUND.includes(status),
    replacementAllowed: kind === 'exchange' && !NO_REPLACEMENT.includes(status),
  };
}

/**
 * The case event that keeps a promise of each thing when it comes by the promised time. A
 * promised answer is kept by the shop writing to the customer again (a message, not an event).
 */
export const PROMISE_KEPT_BY: Readonly<Record<Exclude<PromiseThing, 'response'>, string>> = {
  refund: 'case.refunded',
  replacement: 'case.replacement_shipped',
  shipment: 'case.replacement_shipped',
  pickup: 'case.shipped',
};
