import { describe, expect, it } from 'vitest';
import { type Language, type Messages, messagesFor, resolveLanguage } from './messages.js';

const LANGUAGES: Language[] = ['en', 'zh-CN', 'de', 'es', 'fr', 'pt-BR', 'ja'];
const TRANSLATED = LANGUAGES.filter((language) => language !== 'en');

describe('resolveLanguage', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh_CN', 'ZH-cn', 'zh-SG'])(
    'reads %s as Simplified Chinese',
    (tag) => {
      expect(resolveLanguage(tag)).toBe('zh-CN');
    },
  );

  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-be', 'fr'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    [' en-GB ', 'en'],
  ])('reads %s as %s', (tag, language) => {
    expect(resolveLanguage(tag)).toBe(language);
  });

  it.each(['en', 'it', 'nl-NL', 'zh-TW', 'zh-Hant', 'constructor', '__proto__', ''])(
    'falls back to English for %s',
    (tag) => {
      expect(resolveLanguage(tag)).toBe('en');
    },
  );
});

// Every parameter any message takes, in a plural and a singular variant, so each function
// of each table can be called without knowing its signature.
const params = (one: boolean) => ({
  orderId: 'A-1001',
  day: '2025-03-03',
  count: one ? 1 : 2,
  sku: 'SHIRT-M',
  lineId: 'L9',
  requested: one ? 1 : 3,
  available: one ? 1 : 2,
  category: 'shoes',
  label: 'Size does not fit',
  labels: one ? ['Other'] : ['Other', 'Size does not fit'],
  code: 'bored',
  kind: 'return',
  days: one ? 1 : 9,
  window: 7,
  confirmed: ['unused', 'unopened'],
  missing: one ? ['unused'] : ['unused', 'unopened'],
  required: true,
  amount: '€5.00',
  goods: '€10.00',
  limit: '€500.00',
  share: '50%',
  units: one ? 1 : 2,
  currency: 'EUR',
});

/** Every entry of a table as `path → text`, each function called with both variants. */
function render(messages: Messages): Map<string, string> {
  const texts = new Map<string, string>();
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') texts.set(path, value);
    else if (typeof value === 'function') {
      texts.set(`${path}(many)`, value(path === 'list' ? ['a', 'b'] : params(false)));
      texts.set(`${path}(one)`, value(path === 'list' ? ['a'] : params(true)));
    } else
      for (const [key, entry] of Object.entries(value as object))
        visit(entry, path === '' ? key : `${path}.${key}`);
  };
  visit(messages, '');
  return texts;
}

describe('the message tables', () => {
  const english = render(messagesFor('en'));

  // The types already refuse a missing key (each table is a `Messages`); this also catches
  // an entry that returns nothing or leaks a parameter it did not get.
  it.each(LANGUAGES)('%s writes every message, each a non-empty sentence', (language) => {
    const texts = render(messagesFor(language));
    expect([...texts.keys()]).toEqual([...english.keys()]);
    for (const [path, text] of texts) {
      expect(text.trim(), path).not.toBe('');
      expect(text, path).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it.each(TRANSLATED)('%s translates every message rather than copying the English', (language) => {
    // A list of one item is the item, in every language.
    for (const [path, text] of render(messagesFor(language)))
      if (path !== 'list(one)') expect(text, path).not.toBe(english.get(path));
  });

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
    expect(messagesFor('de').within_window.ok({ days: 0, window: 14 })).toBe(
      'Ihre Anfrage ging am Tag der Zustellung ein, innerhalb der 14-tägigen Frist.',
    );
  });

  it('lists conditions with the Chinese enumeration comma', () => {
    expect(messagesFor('zh-CN').conditions_met.fail({ missing: ['未使用', '原包装完好'] })).toBe(
      '商品还需满足：未使用、原包装完好，将由客服核实。',
    );
  });

  it('joins the last condition with the word for "and" of each language', () => {
    const missing = (language: Language) =>
      messagesFor(language).conditions_met.fail({
        missing: [messagesFor(language).condition.unused, messagesFor(language).condition.original_packaging],
      });
    expect(missing('de')).toBe(
      'Der Artikel muss außerdem unbenutzt und in der Originalverpackung sein; unser Team prüft das.',
    );
    expect(missing('es')).toBe(
      'El artículo también debe estar sin usar y en su embalaje original; nuestro equipo lo revisará.',
    );
    expect(missing('ja')).toBe(
      '商品は次の条件も満たしている必要があります：未使用、購入時の梱包のまま。担当者が確認いたします。',
    );
  });

  it('follows each language’s plural rule: French and Portuguese say "1 jour", "0 jour"', () => {
    expect(messagesFor('fr').within_window.fail({ days: 1, window: 0 })).toBe(
      'Demande faite 1 jour après la livraison ; le délai est de 0 jour.',
    );
    expect(messagesFor('de').within_window.fail({ days: 1, window: 0 })).toBe(
      'Ihre Anfrage ging 1 Tag nach der Zustellung ein; die Frist beträgt 0 Tage.',
    );
    expect(messagesFor('pt-BR').items_present.ok({ count: 2 })).toBe('Sua solicitação tem 2 itens.');
  });

  it('agrees the returnless note with one item or several', () => {
    const note = { label: '4,95 €', goods: '2,50 €', share: '50 %' };
    expect(messagesFor('de').returnless.keep({ ...note, units: 1 })).toBe(
      'Behalten Sie den Artikel: Die Rücksendung würde 4,95 € kosten, mehr als 50 % seines Werts (2,50 €). Sie erhalten Ihre Erstattung, ohne etwas zurückzusenden.',
    );
    expect(messagesFor('fr').returnless.sendBack({ ...note, units: 2 })).toBe(
      'Merci de renvoyer les articles : l’étiquette de retour (4,95 €) coûte au plus 50 % de leur valeur (2,50 €).',
    );
  });
});
