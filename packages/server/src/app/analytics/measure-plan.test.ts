import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMinor, minorDigits } from './exchange-rates.js';
import { planMeasures, splitByMonths } from './measure-plan.js';

const day = fc
  .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-12-31') })
  .map((t) => new Date(t).toISOString().slice(0, 10));

describe('splitByMonths', () => {
  it('reads whole months from month tables and the rest from day tables', () => {
    expect(splitByMonths('2026-01-15', '2026-04-10')).toEqual({
      months: ['2026-02-01', '2026-04-01'],
      days: [
        ['2026-01-15', '2026-02-01'],
        ['2026-04-01', '2026-04-10'],
      ],
    });
    expect(splitByMonths('2026-01-01', '2026-02-01')).toEqual({
      months: ['2026-01-01', '2026-02-01'],
      days: [],
    });
    expect(splitByMonths('2026-01-03', '2026-01-20')).toEqual({
      months: null,
      days: [['2026-01-03', '2026-01-20']],
    });
    expect(splitByMonths('2025-12-31', '2026-02-01')).toEqual({
      months: ['2026-01-01', '2026-02-01'],
      days: [['2025-12-31', '2026-01-01']],
    });
  });

  it('covers every day of any period exactly once', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        fc.pre(a < b);
        const { months, days } = splitByMonths(a, b);
        const pieces = [...days, ...(months ? [months] : [])].sort((x, y) => (x[0] < y[0] ? -1 : 1));
        expect(pieces[0]?.[0]).toBe(a);
        expect(pieces.at(-1)?.[1]).toBe(b);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i]?.[0]).toBe(pieces[i - 1]?.[1]);
        if (months) expect(months[0].endsWith('-01') && months[1].endsWith('-01')).toBe(true);
      }),
    );
  });
});

describe('planMeasures', () => {
  it('reads each family from the smallest table that carries the dimensions', () => {
    const planned = planMeasures(['return_rate'], ['category', 'reason'], { monthsUsable: true });
    if (!('plan' in planned)) throw new Error('no plan');
    expect(planned.plan.reads.map((r) => [r.family, r.table.name, r.month?.name, r.strict])).toEqual([
      ['returns', 'rollup_returns_day_category_reason', 'rollup_returns_month_category_reason', true],
      // Deliveries have no reason: the denominator is read by category alone.
      ['sales', 'rollup_sales_day_category', 'rollup_sales_month_category', false],
    ]);
  });

  it('counts cases by product from the returns rollups and by agent from the service rollups', () => {
    const bySku = planMeasures(['cases'], ['sku'], { monthsUsable: false });
    const byAgent = planMeasures(['cases'], ['agent'], { monthsUsable: false });
    expect('plan' in bySku && bySku.plan.reads[0]?.table.name).toBe('rollup_returns_day_sku');
    expect('plan' in byAgent && byAgent.plan.reads[0]?.table.name).toBe('rollup_service_day_agent');
  });

  it('reads whole months from the smallest month table, which may differ from the day table', () => {
    const planned = planMeasures(['units_returned'], ['sku'], { monthsUsable: true });
    if (!('plan' in planned)) throw new Error('no plan');
    expect(planned.plan.reads.map((r) => [r.table.name, r.month?.name])).toEqual([
      ['rollup_returns_day_sku', 'rollup_returns_month_product'],
    ]);
    const bySupplier = planMeasures(['return_rate'], ['supplier'], { monthsUsable: true });
    if (!('plan' in bySupplier)) throw new Error('no plan');
    expect(bySupplier.plan.reads.map((r) => [r.table.name, r.month?.name])).toEqual([
      ['rollup_returns_day_supplier', 'rollup_returns_month_supplier'],
      ['rollup_sales_day_supplier', 'rollup_sales_month_supplier'],
    ]);
  });

  it('refuses a combination no rollup keeps, naming what it does keep', () => {
    const planned = planMeasures(['cases', 'csat'], ['sku', 'agent'], { monthsUsable: true });
    expect('errors' in planned && planned.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^cases cannot be split or filtered by sku, agent together; it is kept by store, time, country, channel, kind, team, agent — or by store, time, country, category/,
      ),
      expect.stringMatching(
        /^csat cannot be split or filtered by sku; it is kept by store, time, country, channel, kind, team, agent \(/,
      ),
    ]);
  });
});

describe('convertMinor', () => {
  const rates = [
    { currency: 'USD', rate: 0.9, validFrom: '2026-03-01' },
    { currency: 'USD', rate: 0.8, validFrom: '2026-04-01' },
    { currency: 'JPY', rate: 0.006, validFrom: '2026-01-01' },
  ];
  it('uses the latest rate valid on the paid day and the currency’s own minor unit', () => {
    expect(convertMinor(1000, 'USD', '2026-03-31', 'EUR', rates)).toBeCloseTo(9);
    expect(convertMinor(1000, 'USD', '2026-04-01', 'EUR', rates)).toBeCloseTo(8);
    expect(convertMinor(1000, 'JPY', '2026-03-01', 'EUR', rates)).toBeCloseTo(6);
    expect(convertMinor(1234, 'EUR', '2026-03-01', 'EUR', rates)).toBe(12.34);
    expect(minorDigits('KWD')).toBe(3);
  });
  it('knows no rate before the first one or for an unknown currency', () => {
    expect(convertMinor(1000, 'USD', '2026-02-28', 'EUR', rates)).toBeNull();
    expect(convertMinor(1000, 'GBP', '2026-03-05', 'EUR', rates)).toBeNull();
  });
});
