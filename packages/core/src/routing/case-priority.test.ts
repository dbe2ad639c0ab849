import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../cases/index.js';
import { casePriority, PRIORITY_THRESHOLDS, type PriorityInputs } from './case-priority.js';

const calm: PriorityInputs = {
  base: 'normal',
  vip: false,
  negativeSentiment: false,
  orderTotalMinor: 12_900,
  pastComplaints: 0,
};

describe('casePriority', () => {
  it('keeps the base priority when nothing applies', () => {
    expect(casePriority(calm)).toEqual({ priority: 'normal', reasons: [] });
    expect(casePriority({ ...calm, orderTotalMinor: null })).toEqual({ priority: 'normal', reasons: [] });
  });

  it('raises a VIP one step (R-8.3)', () => {
    expect(casePriority({ ...calm, vip: true })).toEqual({ priority: 'high', reasons: ['vip'] });
  });

  it('raises an upset customer one step (R-8.7)', () => {
    expect(casePriority({ ...calm, base: 'low', negativeSentiment: true })).toEqual({
      priority: 'normal',
      reasons: ['negative_sentiment'],
    });
  });

  it('raises orders over 5,000.00, not at exactly 5,000.00 (R-13.2)', () => {
    expect(casePriority({ ...calm, orderTotalMinor: 500_000 }).reasons).toEqual([]);
    expect(casePriority({ ...calm, orderTotalMinor: 500_001 })).toEqual({
      priority: 'high',
      reasons: ['high_value_order'],
    });
  });

  it('raises a customer with 2 or more past complaints (R-13.2)', () => {
    expect(casePriority({ ...calm, pastComplaints: 1 }).reasons).toEqual([]);
    expect(casePriority({ ...calm, pastComplaints: 2 })).toEqual({
      priority: 'high',
      reasons: ['repeat_complainant'],
    });
  });

  it('adds up: an angry VIP with a large order goes from low to urgent', () => {
    const inputs = {
      base: 'low',
      vip: true,
      negativeSentiment: true,
      orderTotalMinor: 689_900,
      pastComplaints: 0,
    } as const;
    expect(casePriority(inputs)).toEqual({
      priority: 'urgent',
      reasons: ['vip', 'negative_sentiment', 'high_value_order'],
    });
  });

  it('stops at urgent but still lists every reason', () => {
    const inputs = {
      base: 'high',
      vip: true,
      negativeSentiment: true,
      orderTotalMinor: 900_000,
      pastComplaints: 3,
    } as const;
    expect(casePriority(inputs)).toEqual({
      priority: 'urgent',
      reasons: ['vip', 'negative_sentiment', 'high_value_order', 'repeat_complainant'],
    });
  });

  it('takes store thresholds', () => {
    expect(
      casePriority({ ...calm, orderTotalMinor: 6_000 }, { orderTotalMinor: 5_000, pastComplaints: 2 })
        .priority,
    ).toBe('high');
  });

  it('is the base raised once per reason, capped at urgent', () => {
    const inputsArb = fc.record({
      base: fc.constantFrom(...PRIORITIES),
      vip: fc.boolean(),
      negativeSentiment: fc.boolean(),
      orderTotalMinor: fc.option(fc.nat(2_000_000), { nil: null }),
      pastComplaints: fc.nat(6),
    });
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const { priority, reasons } = casePriority(inputs);
        const expected = Math.min(PRIORITIES.indexOf(inputs.base) + reasons.length, PRIORITIES.length - 1);
        expect(PRIORITIES.indexOf(priority)).toBe(expected);
        expect(reasons.includes('vip')).toBe(inputs.vip);
        expect(reasons.includes('high_value_order')).toBe(
          inputs.orderTotalMinor !== null && inputs.orderTotalMinor > PRIORITY_THRESHOLDS.orderTotalMinor,
        );
        expect(reasons.includes('repeat_complainant')).toBe(
          inputs.pastComplaints >= PRIORITY_THRESHOLDS.pastComplaints,
        );
      }),
    );
  });

  it('never lowers a priority when one more condition holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRIORITIES), fc.boolean(), fc.nat(5), (base, vip, complaints) => {
        const before = casePriority({ ...calm, base, vip, pastComplaints: complaints }).priority;
        const after = casePriority({
          ...calm,
          base,
          vip,
          pastComplaints: complaints,
          negativeSentiment: true,
        }).priority;
        expect(PRIORITIES.indexOf(after)).toBeGreaterThanOrEqual(PRIORITIES.indexOf(before));
      }),
    );
  });
});
