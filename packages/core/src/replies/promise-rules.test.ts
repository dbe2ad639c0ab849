import { describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES } from '../cases/case-action.js';
import { PROMISE_KEPT_BY, promisesCaseAllows } from './promise-rules.js';

describe('what a case allows a reply to promise', () => {
  it('allows a refund on a return under way, not once it is rejected or already refunded', () => {
    expect(promisesCaseAllows('return', 'awaiting_return')).toEqual({
      refundAllowed: true,
      replacementAllowed: false,
    });
    expect(promisesCaseAllows('return', 'rejected').refundAllowed).toBe(false);
    expect(promisesCaseAllows('refund_only', 'refunded').refundAllowed).toBe(false);
  });

  it('allows a replacement only on an exchange that has not shipped one', () => {
    expect(promisesCaseAllows('exchange', 'inspection_passed').replacementAllowed).toBe(true);
    expect(promisesCaseAllows('exchange', 'replacement_shipped').replacementAllowed).toBe(false);
    expect(promisesCaseAllows('repair', 'received')).toEqual({
      refundAllowed: false,
      replacementAllowed: false,
    });
  });

  it('says nothing for conversations, whose promises are not checked against the case', () => {
    expect(promisesCaseAllows('inquiry', 'open')).toEqual({});
  });

  it('keeps each promise by an event the life cycle really records', () => {
    const events: readonly string[] = Object.values(CASE_EVENT_TYPES);
    for (const type of Object.values(PROMISE_KEPT_BY)) expect(events).toContain(type);
  });
});
