import { describe, expect, it } from 'vitest';
import { owedLines, replacementLines } from './exchange-terms.js';

describe('owedLines', () => {
  it('asks for a dearer replacement’s difference and the new shipping the customer bears', () => {
    expect(
      owedLines([
        { code: 'return_shipping', amountMinor: 695, payer: 'customer', deductedFromRefund: false },
        { code: 'reshipping', amountMinor: 695, payer: 'customer', deductedFromRefund: false },
        { code: 'price_difference', amountMinor: 1000, payer: 'customer', deductedFromRefund: false },
      ]),
    ).toEqual([
      { code: 'reshipping', amountMinor: 695 },
      { code: 'price_difference', amountMinor: 1000 },
    ]);
  });

  it('asks nothing for shipping the merchant pays or the refund already covered', () => {
    expect(
      owedLines([
        { code: 'reshipping', amountMinor: 0, payer: 'merchant', deductedFromRefund: false },
        { code: 'reshipping', amountMinor: 695, payer: 'customer', deductedFromRefund: true },
      ]),
    ).toEqual([]);
  });
});

describe('replacementLines', () => {
  it('sends the chosen variant, or the same SKU when none was chosen', () => {
    expect(
      replacementLines([
        {
          id: 'i1',
          sku: 'SHOE-42',
          quantity: 1,
          replacement: { sku: 'SHOE-43', attributes: { size: '43' } },
        },
        { id: 'i2', sku: 'SOCK-3P', quantity: 2, replacement: null },
      ]),
    ).toEqual([
      { caseItemId: 'i1', sku: 'SHOE-43', quantity: 1, attributes: { size: '43' } },
      { caseItemId: 'i2', sku: 'SOCK-3P', quantity: 2, attributes: {} },
    ]);
  });
});
