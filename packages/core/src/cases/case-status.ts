/** Every status a return, exchange, refund-only or repair case can be in. */
export const CASE_STATUSES = [
  'submitted',
  'under_review',
  'pending_info',
  'approved',
  'rejected',
  'awaiting_return',
  'in_transit',
  'received',
  'inspection_passed',
  'inspection_failed',
  'refunded',
  'replacement_shipped',
  'repaired',
  'closed',
  'cancelled',
] as const;
/** One status of the case life cycle. Assigned only through `transition`, never by hand. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The status every new case starts in. */
export const INITIAL_CASE_STATUS: CaseStatus = 'submitted';

/** Statuses from which no action leads anywhere: the case is over. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'cancelled'];

/**
 * Cases in these statuses give their items back: the units they named may be asked for
 * again. Every other case, open or finished, keeps its units claimed.
 */
export const RELEASING_STATUSES: readonly CaseStatus[] = ['cancelled', 'rejected'];

/** Whether a case in this status is over (no further action is possible). */
export function isTerminal(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Narrows a string read from outside (database row, request) to a known status. */
export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** A status label in every language the UIs and notifications ship with. */
export interface CaseStatusLabel {
  readonly en: string;
  readonly 'zh-CN': string;
}

/**
 * Human labels per status, written from the customer's point of view because the same
 * words go into notifications ("Your return is in transit").
 */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, CaseStatusLabel>> = {
  submitted: { en: 'Submitted', 'zh-CN': '已提交' },
  under_review: { en: 'Under review', 'zh-CN': '审核中' },
  pending_info: { en: 'Waiting for information', 'zh-CN': '待补充资料' },
  approved: { en: 'Approved', 'zh-CN': '审核通过' },
  rejected: { en: 'Rejected', 'zh-CN': '审核未通过' },
  awaiting_return: { en: 'Waiting for the parcel', 'zh-CN': '待寄回' },
  in_transit: { en: 'In transit', 'zh-CN': '寄回途中' },
  received: { en: 'Received at the warehouse', 'zh-CN': '仓库已签收' },
  inspection_passed: { en: 'Inspection passed', 'zh-CN': '质检通过' },
  inspection_failed: { en: 'Inspection failed', 'zh-CN': '质检未通过' },
  refunded: { en: 'Refunded', 'zh-CN': '已退款' },
  replacement_shipped: { en: 'Replacement shipped', 'zh-CN': '换货已发出' },
  repaired: { en: 'Repaired', 'zh-CN': '已维修' },
  closed: { en: 'Closed', 'zh-CN': '已关闭' },
  cancelled: { en: 'Cancelled', 'zh-CN': '已取消' },
};
