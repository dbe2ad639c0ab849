/**
 * What went wrong with a parcel. A carrier's `exception` event may say which; a
 * parcel still on its way after its estimated delivery time is `delayed`.
 */
export const PARCEL_EXCEPTION_REASONS = [
  'lost',
  'damaged',
  'delayed',
  'returned_to_sender',
  'other',
] as const;
export type ParcelExceptionReason = (typeof PARCEL_EXCEPTION_REASONS)[number];

export function isParcelExceptionReason(value: string): value is ParcelExceptionReason {
  return (PARCEL_EXCEPTION_REASONS as readonly string[]).includes(value);
}

/** What the delay check needs to know of an outbound parcel. */
export interface ParcelProgress {
  /** The latest carrier status, null before the first scan. */
  status: string | null;
  deliveredAt: Date | null;
  /** When the shop or carrier promised delivery; null when nobody did. */
  estimatedAt: Date | null;
}

// A parcel is late only once the promised day has really passed: carriers deliver into
// the evening, and a scan on the estimated day is often just hours behind.
const GRACE_MS = 24 * 3_600_000;

/**
 * Whether a parcel is overdue at `now`: promised, not delivered, and more than a day
 * past the promise. A parcel never promised is never overdue.
 */
export function isParcelOverdue(parcel: ParcelProgress, now: Date): boolean {
  if (!parcel.estimatedAt || parcel.deliveredAt || parcel.status === 'delivered') return false;
  return now.getTime() - parcel.estimatedAt.getTime() > GRACE_MS;
}
