import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessOrderRisk,
  type CustomerReturnFacts,
  DEFAULT_RISK_THRESHOLDS,
  orderValueThresholdMinor,
  scoreCustomerAbuse,
  validateRiskThresholds,
} from './risk.js';

const calm: CustomerReturnFacts = {
  unitsBought: 20,
  unitsReturned: 2,
  valueReturned: 80,
  contradictedClaims: 0,
  inspectedClaims: 1,
  sharedAccounts: 0,
};

describe('assessOrderRisk (R-13.2)', () => {
  it('flags an order above 5,000.00 and not one of exactly 5,000.00', () => {
    expect(assessOrderRisk({ totalMinor: 500_001, currency: 'EUR', pastComplaints: 0 })).toEqual({
      flagged: true,
      reasons: [{ code: 'high_value_order', totalMinor: 500_001, currency: 'EUR', thresholdMinor: 500_000 }],
    });
    expect(assessOrderRisk({ totalMinor: 500_000, currency: 'EUR', pastComplaints: 1 }).flagged).toBe(false);
  });

  it('reads the threshold in the currency’s own minor units, with per-currency overrides', () => {
    expect(orderValueThresholdMinor('JPY')).toBe(5000);
    const t = { ...DEFAULT_RISK_THRESHOLDS, orderValueByCurrency: { JPY: 700_000 } };
    expect(orderValueThresholdMinor('jpy', t)).toBe(700_000);
    expect(assessOrderRisk({ totalMinor: 600_000, currency: 'JPY', pastComplaints: 0 }, t).flagged).toBe(
      false,
    );
  });

  it('flags a customer with two past complaints, with both reasons when both hold', () => {
    const { reasons } = assessOrderRisk({ totalMinor: 900_000, currency: 'USD', pastComplaints: 2 });
    expect(reasons.map((r) => r.code)).toEqual(['high_value_order', 'repeat_complainant']);
  });
});

describe('scoreCustomerAbuse', () => {
  it('gives an ordinary customer 0 and no reasons', () => {
    expect(scoreCustomerAbuse(calm)).toEqual({ score: 0, flagged: false, reasons: [] });
  });

  it('adds up each signal’s points, worked by hand, and says why', () => {
    const result = scoreCustomerAbuse({
      unitsBought: 10,
      unitsReturned: 8, // 80 % → all 35
      valueReturned: 1600, // (1600 − 200) / 2800 = 0.5 → 10
      contradictedClaims: 2, // 2 / 3 → 20
      inspectedClaims: 3,
      sharedAccounts: 0,
    });
    expect(result.score).toBe(65);
    expect(result.flagged).toBe(true);
    expect(result.reasons.map((r) => [r.signal, r.points])).toEqual([
      ['return_share', 35],
      ['contradicted_claims', 20],
      ['value_returned', 10],
    ]);
    expect(result.reasons[1]!.text).toBe('2 of 3 inspected fault claims were found as sold');
  });

  it('does not count the return share of a customer who bought one or two units', () => {
    expect(scoreCustomerAbuse({ ...calm, unitsBought: 2, unitsReturned: 2 }).score).toBe(0);
  });

  it('stays within 0..100 and never falls when a figure grows, property', () => {
    const facts = fc.record({
      unitsBought: fc.integer({ min: 0, max: 200 }),
      unitsReturned: fc.integer({ min: 0, max: 200 }),
      valueReturned: fc.double({ min: 0, max: 20_000, noNaN: true }),
      contradictedClaims: fc.integer({ min: 0, max: 10 }),
      inspectedClaims: fc.integer({ min: 0, max: 10 }),
      sharedAccounts: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 5 }), (f, more) => {
        const before = scoreCustomerAbuse(f).score;
        expect(before).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(100);
        const worse = {
          ...f,
          contradictedClaims: f.contradictedClaims + more,
          sharedAccounts: f.sharedAccounts + more,
        };
        expect(scoreCustomerAbuse(worse).score).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe('validateRiskThresholds', () => {
  it('accepts the defaults and names each bad field', () => {
    expect(validateRiskThresholds(DEFAULT_RISK_THRESHOLDS)).toEqual([]);
    const bad = {
      ...DEFAULT_RISK_THRESHOLDS,
      orderValue: 0,
      pastComplaints: 1.5,
      orderValueByCurrency: { eur: 10 },
      signals: { ...DEFAULT_RISK_THRESHOLDS.signals, return_share: { from: 0.5, full: 0.5, weight: 35 } },
    };
    expect(validateRiskThresholds(bad).map((e) => e.field)).toEqual([
      '/orderValue',
      '/orderValueByCurrency/eur',
      '/pastComplaints',
      '/signals/return_share/full',
    ]);
  });
});
