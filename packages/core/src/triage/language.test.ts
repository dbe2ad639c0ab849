import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, stripNoise } from './language.js';

// Short customer messages written for these tests, two or more per trade language.
const SHORT: Record<string, string[]> = {
  en: ['where is my parcel', 'I want a refund please', 'the item arrived broken'],
  zh: ['包裹在哪里', '我要退款', '还没收到货'],
  ja: ['荷物はどこですか', '返金してください', 'まだ届いていません'],
  ko: ['택배 어디에 있어요', '환불해 주세요', '아직 못 받았어요'],
  es: ['¿dónde está mi pedido?', 'quiero un reembolso', 'llegó roto'],
  pt: ['onde está meu pedido?', 'não recebi o produto', 'chegou quebrado'],
  de: ['wo ist mein Paket?', 'ich möchte mein Geld zurück', 'kam kaputt an'],
  fr: ['où est mon colis ?', 'je veux être remboursé', 'toujours pas reçu'],
  it: ["dov'è il mio pacco?", 'voglio un rimborso', 'è arrivato rotto'],
  nl: ['waar is mijn pakket?', 'ik wil mijn geld terug', 'nog steeds niet ontvangen'],
  pl: ['gdzie jest moja paczka?', 'chcę zwrot pieniędzy', 'nadal nie dotarło'],
  ru: ['где моя посылка?', 'верните деньги', 'до сих пор не получил'],
  tr: ['kargom nerede?', 'paramı geri istiyorum', 'hala teslim edilmedi'],
  ar: ['أين طردي؟', 'أريد استرداد المال', 'لم يصل بعد'],
};

describe('detectLanguage', () => {
  it.each(Object.entries(SHORT))('detects %s from one short sentence', (language, messages) => {
    for (const message of messages) expect(detectLanguage(message).language, message).toBe(language);
  });

  it('reads Japanese from kana even when most characters are kanji', () => {
    expect(detectLanguage('返品希望です').language).toBe('ja');
  });

  it('reads Han without kana as Chinese, in either script', () => {
    expect(detectLanguage('質量很差').language).toBe('zh');
    expect(detectLanguage('质量很差').language).toBe('zh');
  });

  it('reads a Chinese sentence with a product name in Latin letters as Chinese', () => {
    expect(detectLanguage('iPhone 15 Pro 屏幕碎了').language).toBe('zh');
  });

  it('reads an English sentence with one Chinese place name as English', () => {
    expect(detectLanguage('my order from 北京 is late again, please check').language).toBe('en');
  });

  it('ignores links, e-mail addresses and order numbers', () => {
    expect(detectLanguage('https://shop.example.com/orders/12345 wo ist mein Paket?').language).toBe('de');
    expect(detectLanguage('bestelling #NL-448812 is nog steeds niet ontvangen').language).toBe('nl');
    expect(stripNoise('mail me at ana.lopez@example.com about #A-1234')).not.toMatch(/@|1234/);
  });

  it('gives und with confidence 0 for text that names no language', () => {
    for (const text of [
      '',
      '   ',
      '12345',
      '#A-1234 2024-05-01',
      '👍👍😡',
      'https://example.com/x?y=1',
      '?!',
    ]) {
      expect(detectLanguage(text), text).toEqual({ language: 'und', confidence: 0 });
    }
  });

  it('is surer of a full sentence than of a single word', () => {
    const word = detectLanguage('danke').confidence;
    const sentence = detectLanguage('Vielen Dank, das Paket ist heute endlich angekommen').confidence;
    expect(sentence).toBeGreaterThan(word);
  });

  it('calls a greeting of one word a guess, below an even chance, whatever the n-grams say', () => {
    for (const word of ['Hello?', 'Hi', 'ok', 'Merci', 'Hallo']) {
      expect(detectLanguage(word).confidence, word).toBeLessThan(0.5);
    }
  });

  it('keeps confidence within 0..1 for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const { confidence } = detectLanguage(text);
        return confidence >= 0 && confidence <= 1;
      }),
    );
  });
});
