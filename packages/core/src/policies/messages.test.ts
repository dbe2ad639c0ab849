import { describe, expect, it } from 'vitest';
import { messagesFor, resolveLanguage } from './messages.js';

describe('resolveLanguage', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh_CN', 'ZH-cn', 'zh-SG'])(
    'reads %s as Simplified Chinese',
    (tag) => {
      expect(resolveLanguage(tag)).toBe('zh-CN');
    },
  );

  it.each(['en', 'en-GB', 'fr', 'zh-TW', 'zh-Hant', ''])('falls back to English for %s', (tag) => {
    expect(resolveLanguage(tag)).toBe('en');
  });
});

describe('the message catalogue', () => {
  it('says "1 day", not "1 days"', () => {
    expect(messagesFor('en').within_window.fail({ days: 2, window: 1 })).toBe(
      'Requested 2 days after delivery; the window is 1 day.',
    );
  });

  it('says when a request comes on the day of delivery', () => {
    expect(messagesFor('en').within_window.ok({ days: 0, window: 7 })).toBe(
      'Requested on the day of delivery, within the 7-day window.',
    );
    expect(messagesFor('zh-CN').within_window.ok({ days: 0, window: 7 })).toBe(
      '收货当天申请，在 7 天期限内。',
    );
  });

  it('lists conditions with the Chinese enumeration comma', () => {
    expect(messagesFor('zh-CN').conditions_met.fail({ missing: ['未使用', '原包装完好'] })).toBe(
      '商品还需满足：未使用、原包装完好，将由客服核实。',
    );
  });
});
