import { describe, expect, it } from 'vitest';
import { returnPostagePayer } from './return-postage.js';

describe('returnPostagePayer', () => {
  it('follows the payer of the return shipping fee', () => {
    const merchant = [
      { code: 'return_shipping' as const, payer: 'merchant' as const },
      { code: 'reshipping' as const, payer: 'customer' as const },
    ];
    expect(returnPostagePayer(merchant)).toBe('merchant');
    expect(returnPostagePayer([{ code: 'return_shipping', payer: 'customer' }])).toBe('customer');
  });

  it('leaves the postage with the sender when the decision set no return shipping fee', () => {
    expect(returnPostagePayer([{ code: 'price_difference', payer: 'merchant' }])).toBe('customer');
    expect(returnPostagePayer([])).toBe('customer');
    expect(returnPostagePayer(null)).toBe('customer');
  });
});
