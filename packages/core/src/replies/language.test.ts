import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './language.js';

const shop = ['en', 'de-DE', 'fr', 'zh-CN', 'zh-TW', 'pt-BR'];

describe('chooseLanguage (R-8.5)', () => {
  it('takes the first wanted language the shop writes exactly, ignoring case and underscores', () => {
    expect(chooseLanguage(['fr', 'en'], shop)).toBe('fr');
    expect(chooseLanguage(['ZH_cn'], shop)).toBe('zh-CN');
  });

  it('answers a regional variant in another region of the same language', () => {
    expect(chooseLanguage(['de-CH'], shop)).toBe('de-DE');
    expect(chooseLanguage(['de-AT', 'en'], shop)).toBe('de-DE');
    expect(chooseLanguage(['pt-PT'], shop)).toBe('pt-BR');
    expect(chooseLanguage(['en-AU'], ['de', 'en-GB'])).toBe('en-GB');
  });

  it('prefers the customer’s first language over an exact match of their second', () => {
    expect(chooseLanguage(['de-CH', 'fr'], shop)).toBe('de-DE');
  });

  it('keeps Chinese in its script: Hong Kong reads Traditional, Singapore Simplified', () => {
    expect(chooseLanguage(['zh-HK'], shop)).toBe('zh-TW');
    expect(chooseLanguage(['zh-Hant'], shop)).toBe('zh-TW');
    expect(chooseLanguage(['zh-SG'], shop)).toBe('zh-CN');
    expect(chooseLanguage(['zh'], shop)).toBe('zh-CN');
  });

  it('crosses scripts only when nothing else the customer listed is written', () => {
    const simplifiedOnly = ['en', 'zh-CN'];
    expect(chooseLanguage(['zh-TW'], simplifiedOnly)).toBe('zh-CN');
    expect(chooseLanguage(['zh-TW', 'en'], simplifiedOnly)).toBe('en');
  });

  it('falls back to English, then to a variant of it, then to the first language offered', () => {
    expect(chooseLanguage(['ja'], shop)).toBe('en');
    expect(chooseLanguage(['ja'], ['de', 'en-US'])).toBe('en-US');
    expect(chooseLanguage(['ja'], ['de', 'fr'])).toBe('de');
    expect(chooseLanguage(['ja'], ['de', 'fr'], 'fr')).toBe('fr');
  });

  it('skips unknown wishes and returns the fallback when nothing is offered', () => {
    expect(chooseLanguage([null, undefined, '', ' ', 'fr'], shop)).toBe('fr');
    expect(chooseLanguage([], shop)).toBe('en');
    expect(chooseLanguage(['de'], [])).toBe('en');
  });

  it('returns the tag as the shop spells it', () => {
    expect(chooseLanguage(['zh-cn'], ['zh-CN'])).toBe('zh-CN');
  });
});
