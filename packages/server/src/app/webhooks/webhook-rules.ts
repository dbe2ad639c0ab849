// The arithmetic of outbound webhooks, kept free of I/O so it can be checked by itself.

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3600_000;
/** How long a delivery is retried before it is given up (dead). */
export const RETRY_WINDOW_MS = 24 * 3600_000;

/**
 * Whether a subscription's patterns take an event type: an exact type, a prefix ending in
 * '.*' (which takes the prefix's own sub-types, not a type that merely starts the same:
 * 'case.*' takes 'case.approved' but not 'cases.x'), or '*' for everything.
 */
export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))),
  );
}

/** The wait after the `attempts`-th failed try: 30 s, 1 min, 2, 4 … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * After a failed try at `now`: when to try again, or null when that would fall after the
 * retry window and the delivery is given up.
 */
export function nextAttemptAfterFailure(attempts: number, now: Date, retryUntil: Date): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts));
  return next.getTime() > retryUntil.getTime() ? null : next;
}

/** 2xx is the receiver's "got it"; a redirect is not followed and counts as a failure. */
export const isAccepted = (status: number) => status >= 200 && status < 300;
