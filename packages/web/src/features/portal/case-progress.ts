import type { CaseView } from './portal-api';

/** The steps a return goes through, as the customer sees them. */
export const RETURN_STEPS = ['submitted', 'approved', 'in_transit', 'received', 'inspected', 'done'] as const;
export type ReturnStep = (typeof RETURN_STEPS)[number];

const STEP_OF_STATUS: Record<string, ReturnStep> = {
  submitted: 'submitted',
  under_review: 'submitted',
  pending_info: 'submitted',
  approved: 'approved',
  awaiting_return: 'approved',
  in_transit: 'in_transit',
  received: 'received',
  inspection_passed: 'inspected',
  inspection_failed: 'inspected',
  refunded: 'done',
  replacement_shipped: 'done',
  repaired: 'done',
  closed: 'done',
};

/** Statuses after which the customer can rate the service. */
export const FINISHED = new Set([
  'refunded',
  'closed',
  'solved',
  'rejected',
  'replacement_shipped',
  'repaired',
  'appeal_decided',
]);

/** Where a case stands on the return steps; null when it left them (rejected, cancelled) or is no return. */
export function currentStep(found: Pick<CaseView, 'kind' | 'status' | 'timeline'>): ReturnStep | null {
  if (!['return', 'exchange', 'repair', 'refund_only'].includes(found.kind)) return null;
  if (found.status === 'closed' && found.timeline.some((e) => e.type === 'case.rejected')) return null;
  return STEP_OF_STATUS[found.status] ?? null;
}

/** The last thing the shop asked the customer, while the case waits for their answer. */
export function infoRequested(found: Pick<CaseView, 'timeline'>): string | null {
  const asked = found.timeline.filter((e) => e.type === 'case.info_requested').at(-1);
  return asked ? (asked.reason ?? '') : null;
}
