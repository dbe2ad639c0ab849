import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits } from './format';
import { closestLanguage } from './i18n';

// Intl puts no-break spaces between amount and symbol.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('amounts in the customer locale and the order currency', () => {
  it('reads minor units with the currency’s own digits', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(plain(formatMoney(123456, 'EUR', 'de'))).toBe('1.234,56 €');
    expect(formatMoney(1200, 'JPY', 'ja')).toBe('￥1,200');
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
  });
});

describe('the browser language', () => {
  it('falls to the closest language the app speaks', () => {
    expect(closestLanguage('zh-TW')).toBe('zh-CN');
    expect(closestLanguage('pt-PT')).toBe('pt-BR');
    expect(closestLanguage('de-AT')).toBe('de');
    expect(closestLanguage('ja-JP')).toBe('ja');
    expect(closestLanguage('ko')).toBe('en');
    expect(closestLanguage(undefined)).toBe('en');
  });
});
