import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRefundAttempt, REFUND_RETRY } from './refund-retry.js';

const at = new Date('2026-11-20T10:00:00Z');
const minutesAfter = (next: Date | null) => (next ? (next.getTime() - at.getTime()) / 60_000 : null);

describe('nextRefundAttempt', () => {
  it('waits a minute after the first failure and doubles each time', () => {
    expect([1, 2, 3, 4].map((n) => minutesAfter(nextRefundAttempt(n, at)))).toEqual([1, 2, 4, 8]);
  });

  it('never waits more than an hour between tries', () => {
    expect(minutesAfter(nextRefundAttempt(7, at))).toBe(60);
  });

  it('hands the refund to an agent after the last try', () => {
    expect(nextRefundAttempt(REFUND_RETRY.maxAttempts, at)).toBeNull();
  });

  it('always moves forward, by no less than the previous wait, until it gives up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: REFUND_RETRY.maxAttempts - 2 }), (attempts) => {
        const now = minutesAfter(nextRefundAttempt(attempts, at)) as number;
        const later = minutesAfter(nextRefundAttempt(attempts + 1, at)) as number;
        return now > 0 && later >= now;
      }),
    );
  });
});
