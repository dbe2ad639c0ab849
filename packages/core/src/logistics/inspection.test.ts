import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeInspection } from './inspection.js';

const shoes = { caseItemId: 'i1', sku: 'SHOE-42', quantity: 2 };
const socks = { caseItemId: 'i2', sku: 'SOCK-3P', quantity: 1 };

describe('judgeInspection', () => {
  it('passes a parcel whose every item passed', () => {
    const verdict = judgeInspection(
      [shoes, socks],
      [
        { caseItemId: 'i1', result: 'passed', receivedQuantity: 2, receivedSku: 'SHOE-42' },
        { caseItemId: 'i2', result: 'passed' },
      ],
    );
    expect(verdict.kind).toBe('passed');
  });

  it('fails the parcel when one item failed, and says which', () => {
    const verdict = judgeInspection(
      [shoes, socks],
      [
        { caseItemId: 'i1', result: 'passed' },
        { caseItemId: 'i2', result: 'failed' },
      ],
    );
    expect(verdict).toMatchObject({ kind: 'failed', reasons: ['SOCK-3P: failed the inspection.'] });
  });

  it('fails an item passed by hand when fewer units or another item arrived', () => {
    const fewer = judgeInspection([shoes], [{ caseItemId: 'i1', result: 'passed', receivedQuantity: 1 }]);
    expect(fewer).toMatchObject({
      kind: 'failed',
      items: [{ failure: 'missing_quantity' }],
      reasons: ['SHOE-42: 1 of 2 units arrived.'],
    });
    const wrong = judgeInspection([shoes], [{ caseItemId: 'i1', result: 'passed', receivedSku: 'SHOE-43' }]);
    expect(wrong).toMatchObject({ kind: 'failed', items: [{ failure: 'wrong_item' }] });
  });

  it('refuses an inspection that skips, repeats or invents an item', () => {
    const verdict = judgeInspection(
      [shoes, socks],
      [
        { caseItemId: 'i1', result: 'passed' },
        { caseItemId: 'i1', result: 'passed' },
        { caseItemId: 'x', result: 'passed' },
      ],
    );
    expect(verdict.kind).toBe('incomplete');
    if (verdict.kind === 'incomplete') expect(verdict.problems.map((p) => p.index)).toEqual([1, 2, null]);
  });

  it('passes only when every unit of every item came back and passed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 5 }),
            received: fc.integer({ min: 0, max: 6 }),
            ok: fc.boolean(),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (rows) => {
          const expected = rows.map((r, i) => ({ caseItemId: `i${i}`, sku: `S${i}`, quantity: r.quantity }));
          const inspected = rows.map((r, i) => ({
            caseItemId: `i${i}`,
            result: r.ok ? ('passed' as const) : ('failed' as const),
            receivedQuantity: r.received,
          }));
          const allGood = rows.every((r) => r.ok && r.received >= r.quantity);
          expect(judgeInspection(expected, inspected).kind).toBe(allGood ? 'passed' : 'failed');
        },
      ),
    );
  });
});
