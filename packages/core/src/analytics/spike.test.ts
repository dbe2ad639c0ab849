import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectComplaintClusters } from './complaint-cluster.js';
import { baselineBeta, detectSpikes, type SpikeCandidate, spikePValue } from './spike.js';

// A SKU with a steady 5 % return rate over 1,000 units before the week tested.
const steady = (returned: number, delivered: number, subject = 'SKU-1'): SpikeCandidate => ({
  subject,
  returned,
  delivered,
  baselineReturned: 50,
  baselineDelivered: 1000,
  priorRate: 0.05,
});

describe('detectSpikes', () => {
  it('never alarms on 1 return of 2 units, whatever the baseline', () => {
    const [result] = detectSpikes([
      { ...steady(1, 2), baselineReturned: 0, baselineDelivered: 0, priorRate: 0.001 },
    ]);
    expect(result).toMatchObject({ alarm: false, quiet: 'low_volume', pValue: null, rate: 0.5 });
  });

  it('alarms on 30 returns of 200 units against a 5 % baseline', () => {
    const [result] = detectSpikes([steady(30, 200)]);
    expect(result!.alarm).toBe(true);
    expect(result!.rate).toBe(0.15);
    expect(result!.baseline).toBeCloseTo(0.05, 9);
    expect(result!.pValue!).toBeLessThan(1e-4);
  });

  it('does not alarm on the same 15 % at a tiny volume (3 of 20)', () => {
    const [result] = detectSpikes([steady(3, 20)]);
    expect(result).toMatchObject({ alarm: false, quiet: 'not_significant' });
    expect(result!.pValue!).toBeGreaterThan(0.05);
  });

  it('needs a real effect: 7 % against 5 % on many units stays quiet', () => {
    const [result] = detectSpikes([steady(700, 10_000)]);
    expect(result!.pValue!).toBeLessThan(0.05);
    expect(result).toMatchObject({ alarm: false, quiet: 'small_effect' });
  });

  it('judges a SKU with no history against its category', () => {
    const fresh = { ...steady(12, 60), baselineReturned: 0, baselineDelivered: 0, priorRate: 0.04 };
    const [result] = detectSpikes([fresh]);
    expect(result!.baseline).toBeCloseTo(0.04, 9);
    expect(result!.alarm).toBe(true);
  });

  it('keeps the false alarms of a busy week in check with Benjamini–Hochberg', () => {
    // 200 SKUs at their baseline plus one borderline: alone it would pass 5 %, among many it should not.
    const borderline = steady(9, 80, 'edge');
    const alone = detectSpikes([borderline])[0]!;
    expect(alone.pValue!).toBeLessThan(0.05);
    const crowd = Array.from({ length: 200 }, (_, i) => steady(5, 100, `SKU-${i}`));
    const inCrowd = detectSpikes([...crowd, borderline]).at(-1)!;
    expect(inCrowd.qValue!).toBeGreaterThan(alone.pValue!);
    expect(inCrowd.alarm).toBe(false);
  });

  it('gives a smaller p-value to more units at the same excess, property', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 200 }),
        fc.double({ min: 0.08, max: 0.6, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        (n, rate, factor) => {
          const base = baselineBeta({ baselineReturned: 40, baselineDelivered: 1000, priorRate: 0.04 }, 100);
          const k = Math.ceil(rate * n);
          const small = spikePValue(k, n, base);
          const large = spikePValue(k * factor, n * factor, base);
          expect(large).toBeLessThanOrEqual(small + 1e-12);
        },
      ),
    );
  });
});

describe('detectComplaintClusters', () => {
  const product = (complaints: number, byReason: Record<string, number>) => ({
    subject: 'LAMP-7',
    complaints,
    delivered: 300,
    baselineComplaints: 20,
    baselineDelivered: 1000,
    priorRate: 0.02,
    byReason,
  });

  it('asks for an improvement when not-as-described complaints cluster on a product', () => {
    // 14 of 300 units (4.7 %) against 2 %: 2.3 times, below the recall ratio of 3.
    const [cluster] = detectComplaintClusters([product(14, { not_as_described: 12, quality_defect: 2 })]);
    expect(cluster).toMatchObject({ subject: 'LAMP-7', plan: 'improvement', complaints: 14 });
    expect(cluster!.topReasons[0]).toEqual({ reason: 'not_as_described', count: 12 });
  });

  it('asks for a recall at three times the baseline or on any safety complaint', () => {
    expect(detectComplaintClusters([product(20, { quality_defect: 20 })])[0]!.plan).toBe('recall');
    expect(detectComplaintClusters([product(14, { quality_defect: 13, safety_legal: 1 })])[0]!.plan).toBe(
      'recall',
    );
  });

  it('raises nothing on two complaints, however few units', () => {
    expect(detectComplaintClusters([{ ...product(2, { quality_defect: 2 }), delivered: 20 }])).toEqual([]);
  });
});
