import { CASE_STATUSES } from '@afterdesk/core/case-status';

/** The inbox's filters, as they stand in the page URL and in saved views (GET /cases parameters). */
export const FILTER_KEYS = [
  'status',
  'kind',
  'channel',
  'assignee',
  'priority',
  'reason',
  'sku',
  'q',
  'sort',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type InboxFilters = Partial<Record<FilterKey, string>>;

/** Every status, in the order of the life cycles (packages/core/src/cases/case-status.ts). */
export const STATUSES = CASE_STATUSES;
export const KINDS = [
  'return',
  'exchange',
  'refund_only',
  'repair',
  'inquiry',
  'complaint',
  'logistics',
  'dispute',
] as const;
export const CHANNELS = ['email', 'chat', 'web', 'phone', 'social', 'api'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** The filters a URL search object holds (the router may have parsed "1007" into a number). */
export function readFilters(search: Record<string, unknown>): InboxFilters {
  const filters: InboxFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value !== undefined && value !== null && String(value).trim() !== '') filters[key] = String(value);
  }
  return filters;
}

/**
 * The GET /cases query for the filters: service-level risk first by default, and open cases
 * only unless a status is asked for (a closed case asked for by status must still show).
 */
export function listQuery(filters: InboxFilters): Record<string, string> {
  const query: Record<string, string> = { sort: 'sla', ...filters };
  if (!filters.status) query.open = 'true';
  return query;
}

/** Saved filters differ from the current ones only in what they set. */
export function sameFilters(a: InboxFilters, b: InboxFilters): boolean {
  return FILTER_KEYS.every((key) => (a[key] ?? '') === (b[key] ?? ''));
}
