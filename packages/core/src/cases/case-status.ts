/**
 * Every status a case can be in: the return kinds', the conversations'
 * (open → solved) and a dispute's.
 */
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
  'open',
  'solved',
  'negotiation',
  'in_arbitration',
  'decided',
  'appealed',
  'appeal_decided',
  'closed',
  'cancelled',
] as const;
/** One status of the case life cycle. Assigned only through `transition`, never by hand. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The status every new return, exchange, refund-only or repair case starts in. */
export const INITIAL_CASE_STATUS: CaseStatus = 'submitted';

/** The status every new conversation (inquiry, complaint, logistics, dispute) starts in. */
export const INITIAL_CONVERSATION_STATUS: CaseStatus = 'open';

/**
 * Statuses in which the case waits on the customer: its service-level clocks stop
 * until they answer.
 */
export const WAITING_ON_CUSTOMER: readonly CaseStatus[] = ['pending_info'];

/**
 * Statuses in which the matter is settled for the customer: the resolution clock stops
 * and, for conversations, the satisfaction survey goes out.
 */
export const RESOLVED_STATUSES: readonly CaseStatus[] = [
  'rejected',
  'refunded',
  'replacement_shipped',
  'repaired',
  'solved',
  'decided',
  'appeal_decided',
  'closed',
  'cancelled',
];

/**
 * Statuses in which the customer may rate the case from the portal: the matter was
 * settled for them. A cancelled case was withdrawn, not served, so it is not rated.
 */
export const RATEABLE_STATUSES: readonly CaseStatus[] = RESOLVED_STATUSES.filter((s) => s !== 'cancelled');

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
  open: { en: 'Open', 'zh-CN': '处理中' },
  solved: { en: 'Solved', 'zh-CN': '已解决' },
  negotiation: { en: 'In negotiation', 'zh-CN': '协商中' },
  in_arbitration: { en: 'With the arbitration group', 'zh-CN': '仲裁中' },
  decided: { en: 'Decided', 'zh-CN': '已裁决' },
  appealed: { en: 'Appealed', 'zh-CN': '申诉中' },
  appeal_decided: { en: 'Appeal decided', 'zh-CN': '申诉已裁决' },
  cancelled: { en: 'Cancelled', 'zh-CN': '已取消' },
};
