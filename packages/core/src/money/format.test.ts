import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMinor } from './format.js';

describe('formatMinor', () => {
  it('knows that yen have no minor unit and euros have two digits', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('EUR')).toBe(2);
  });

  it('shows minor units as a currency amount', () => {
    expect(formatMinor(1250, 'EUR', 'en')).toBe('€12.50');
    expect(formatMinor(1500, 'JPY', 'en')).toBe('¥1,500');
  });
});
