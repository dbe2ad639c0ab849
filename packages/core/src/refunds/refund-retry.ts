/** How a refund the provider could not pay is tried again, then handed to an agent. */
export interface RefundRetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/** A minute, doubling to an hour, eight tries: about three hours before an agent is asked. */
export const REFUND_RETRY: RefundRetryPolicy = {
  firstDelayMs: 60_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 8,
};

/**
 * After failed attempt number `attempts` (1 for the first), when to try again — or null
 * when the refund has had its tries and goes to an agent.
 */
export function nextRefundAttempt(
  attempts: number,
  at: Date,
  policy: RefundRetryPolicy = REFUND_RETRY,
): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
  return new Date(at.getTime() + delay);
}
