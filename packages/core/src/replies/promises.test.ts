import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPromises } from './promises.js';

const summary = (text: string) =>
  findPromises(text).map((p) => ({
    thing: p.thing,
    ...p.within,
    text: text.slice(p.span.index, p.span.index + p.span.length),
  }));

describe('findPromises: per language', () => {
  it.each([
    ['We will refund you within 3 days.', 'refund', 3, 'days', 'refund you within 3 days'],
    ['Your replacement ships in 24 hours.', 'replacement', 24, 'hours', 'replacement ships in 24 hours'],
    ["You'll get your refund by tomorrow.", 'refund', 1, 'days', 'refund by tomorrow'],
    ['The refund takes 3–5 business days.', 'refund', 5, 'business_days', 'refund takes 3–5 business days'],
    ['We will get back to you within two days.', 'response', 2, 'days', 'get back to you within two days'],
    ['您好，退款将在3个工作日内到账。', 'refund', 3, 'business_days', '3个工作日内到账'],
    ['我们会在24小时内回复您。', 'response', 24, 'hours', '24小时内回复'],
    ['快递员会在两天内上门取件。', 'pickup', 2, 'days', '两天内上门取件'],
    ['3日以内に返金いたします。', 'refund', 3, 'days', '3日以内に返金'],
    [
      '申し訳ございません。3営業日以内に発送いたします。',
      'shipment',
      3,
      'business_days',
      '3営業日以内に発送',
    ],
    [
      'Wir erstatten den Betrag innerhalb von 3 Tagen.',
      'refund',
      3,
      'days',
      'erstatten den Betrag innerhalb von 3 Tagen',
    ],
    [
      'Die Rückerstattung erfolgt in 5 Werktagen.',
      'refund',
      5,
      'business_days',
      'Rückerstattung erfolgt in 5 Werktagen',
    ],
    ['Nous vous rembourserons sous 3 jours.', 'refund', 3, 'days', 'rembourserons sous 3 jours'],
    ['Votre colis sera expédié sous 48 h.', 'shipment', 48, 'hours', 'expédié sous 48 h'],
    ['Le reembolsaremos en 3 días.', 'refund', 3, 'days', 'reembolsaremos en 3 días'],
    ['Su pedido se enviará en 2 días hábiles.', 'shipment', 2, 'business_days', 'enviará en 2 días hábiles'],
    [
      'O reembolso será feito em 3 dias úteis.',
      'refund',
      3,
      'business_days',
      'reembolso será feito em 3 dias úteis',
    ],
    ['Enviaremos a troca em até 2 semanas.', 'replacement', 14, 'days', 'troca em até 2 semanas'],
  ])('"%s" promises a %s within %i %s', (text, thing, amount, unit, span) => {
    expect(summary(text)).toEqual([{ thing, amount, unit, text: span }]);
  });
});

describe('findPromises: what is not a promise', () => {
  it.each([
    'We cannot refund you within 3 days.',
    'Your parcel was shipped 2 days ago.',
    'Ihr Paket wurde vor 2 Tagen versandt.',
    '包裹3天前已经发出。',
    'Returns are accepted within 30 days of delivery.',
    '商品到着後30日以内であれば返品できます。',
    'Guten Morgen, Ihr Paket ist unterwegs.',
    '3日以内の返金はできません。',
  ])('"%s"', (text) => {
    expect(findPromises(text)).toEqual([]);
  });

  it('keeps a refund sentence with a price in it together ("€49.90")', () => {
    expect(summary('Refund of €49.90 issued; you will see it in 3–5 days.')).toMatchObject([
      { thing: 'refund', amount: 5, unit: 'days' },
    ]);
  });

  it('finds each promise of a reply, in text order', () => {
    const text = 'We will ship your order within 2 days. We will reply within 24 hours.';
    expect(summary(text).map((p) => p.thing)).toEqual(['shipment', 'response']);
  });
});

describe('findPromises: any amount written in digits', () => {
  const templates: [string, (n: number) => string, string][] = [
    ['en', (n) => `We will refund you within ${n} days.`, 'days'],
    ['en', (n) => `Your replacement will ship in ${n} business days.`, 'business_days'],
    ['zh', (n) => `退款将在${n}个工作日内到账。`, 'business_days'],
    ['zh', (n) => `我们会在${n}小时内回复您。`, 'hours'],
    ['ja', (n) => `${n}日以内に返金いたします。`, 'days'],
    ['ja', (n) => `${n}時間以内にご連絡いたします。`, 'hours'],
    ['de', (n) => `Wir erstatten den Betrag innerhalb von ${n} Tagen.`, 'days'],
    ['fr', (n) => `Nous vous rembourserons sous ${n} jours ouvrés.`, 'business_days'],
    ['es', (n) => `Le enviaremos el cambio en ${n} días.`, 'days'],
    ['pt', (n) => `O reembolso será feito em ${n} dias úteis.`, 'business_days'],
  ];
  it.each(templates)('%s: %s', (_language, template, unit) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const found = findPromises(template(n));
        expect(found).toHaveLength(1);
        expect(found[0]?.within).toEqual({ amount: n, unit });
      }),
    );
  });
});
