import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment.js';

// Hand-written messages: [language, clearly negative, clearly positive].
const PAIRS: [string, string, string][] = [
  [
    'en',
    'The parcel never arrived and support ignored me. Terrible.',
    'Fast delivery, works perfectly, love it!',
  ],
  [
    'de',
    'Das Gerät kam kaputt an, ich will eine Rückerstattung.',
    'Super Qualität, schnelle Lieferung, sehr zufrieden.',
  ],
  [
    'fr',
    "C'est une arnaque, le colis n'est jamais arrivé.",
    'Produit parfait, livraison rapide, je recommande.',
  ],
  ['es', 'Es una estafa, el producto llegó roto.', 'Excelente calidad, llegó muy rápido, lo recomiendo.'],
  ['pt', 'Não recebi o produto, péssimo atendimento.', 'Produto ótimo, chegou antes do prazo, recomendo!'],
  ['it', 'Pessimo, è arrivato rotto e non funziona.', 'Ottimo prodotto, spedizione veloce, consigliato.'],
  [
    'nl',
    'Kapot aangekomen en de klantenservice reageert niet. Slecht.',
    'Prima kwaliteit, snel geleverd, echt een aanrader.',
  ],
  ['pl', 'Paczka przyszła uszkodzona, nie polecam.', 'Świetna jakość, szybka wysyłka, polecam!'],
  ['ru', 'Ужасное качество, товар пришёл сломанным.', 'Отличный товар, быстрая доставка, рекомендую.'],
  ['tr', 'Ürün kırık geldi, berbat bir hizmet.', 'Harika ürün, hızlı kargo, çok memnunum.'],
  ['ar', 'المنتج وصل مكسور والخدمة سيئة جدا', 'المنتج ممتاز والتوصيل سريع شكرا'],
  ['zh', '质量太差了，收到就坏了，要退货。', '质量很好，物流很快，五星好评！'],
  ['ja', '届いた商品が壊れていた。最悪です。返品したい。', 'とても使いやすくて大満足です。おすすめです。'],
  ['ko', '배송도 늦고 제품이 고장났어요. 최악이에요.', '배송 빠르고 품질이 정말 좋아요. 강추!'],
];

describe('scoreSentiment', () => {
  it.each(PAIRS)(
    'in %s scores a complaint below zero and praise above it',
    (language, negative, positive) => {
      expect(scoreSentiment(negative, language).score).toBeLessThan(0);
      expect(scoreSentiment(positive, language).score).toBeGreaterThan(0);
    },
  );

  it('detects the language itself when none is given', () => {
    expect(scoreSentiment('質量很差，不推薦').score).toBeLessThan(0);
    expect(scoreSentiment('Produkt ist kaputt und funktioniert nicht').score).toBeLessThan(0);
  });

  it('flips praise that is negated', () => {
    expect(scoreSentiment('not good', 'en').score).toBeLessThan(0);
    expect(scoreSentiment('this is not good at all', 'en').score).toBeLessThan(0);
    expect(scoreSentiment('不好', 'zh').score).toBeLessThan(0);
    expect(scoreSentiment('不是很满意', 'zh').score).toBeLessThan(0);
    expect(scoreSentiment('ce n’est pas bon', 'fr').score).toBeLessThan(0);
    expect(scoreSentiment('no funciona', 'es').score).toBeLessThan(0);
    expect(scoreSentiment('良くないです', 'ja').score).toBeLessThan(0);
    expect(scoreSentiment('좋지 않아요', 'ko').score).toBeLessThan(0);
    expect(scoreSentiment('iyi değil', 'tr').score).toBeLessThan(0);
  });

  it('reads negated criticism as milder than criticism', () => {
    expect(scoreSentiment('nicht schlecht', 'de').score).toBeGreaterThan(
      scoreSentiment('schlecht', 'de').score,
    );
    expect(scoreSentiment('not bad', 'en').score).toBeGreaterThan(0);
    expect(scoreSentiment('問題ないです', 'ja').score).toBeGreaterThan(0);
  });

  it('reads a German negation placed after the verb', () => {
    expect(scoreSentiment('Das gefällt mir nicht.', 'de').score).toBeLessThan(0);
  });

  it('weighs the clause after "but" more than the one before', () => {
    expect(scoreSentiment('The colour is nice but it broke after a day', 'en').score).toBeLessThan(0);
    expect(scoreSentiment('外观不错，但是用了一天就坏了', 'zh').score).toBeLessThan(0);
  });

  it('strengthens an entry after an intensifier', () => {
    expect(scoreSentiment('very good', 'en').score).toBeGreaterThan(scoreSentiment('good', 'en').score);
    expect(scoreSentiment('a bit slow', 'en').score).toBeGreaterThan(scoreSentiment('slow', 'en').score);
  });

  it('finds entries written without accents', () => {
    expect(scoreSentiment('pessimo, nao recebi', 'pt').score).toBeLessThan(0);
    expect(scoreSentiment('schoen und gut verarbeitet', 'de').score).toBeGreaterThan(0);
  });

  it('scores a message with no sentiment words as neutral', () => {
    expect(scoreSentiment('Please send the invoice to my office address.', 'en').score).toBe(0);
    expect(scoreSentiment('', 'en')).toEqual({
      score: 0,
      flags: { anger: false, anxiety: false, urgency: false },
      cues: [],
    });
  });

  it('names the entries that fired, marking negated ones', () => {
    const { cues } = scoreSentiment('not good, and the box was damaged', 'en');
    expect(cues).toEqual(expect.arrayContaining(['¬good', 'damaged']));
  });

  it('flags anger on insults, scams, shouting and angry emoji', () => {
    expect(scoreSentiment('This is a scam, unacceptable.', 'en').flags.anger).toBe(true);
    expect(scoreSentiment('垃圾商家', 'zh').flags.anger).toBe(true);
    expect(scoreSentiment('ふざけるな', 'ja').flags.anger).toBe(true);
    expect(scoreSentiment('WHERE IS MY MONEY', 'en').flags.anger).toBe(true);
    expect(scoreSentiment('still nothing!!!', 'en').flags.anger).toBe(true);
    expect(scoreSentiment('order 123 😡', 'en').flags.anger).toBe(true);
  });

  it('does not read enthusiasm as anger', () => {
    expect(scoreSentiment('THANK YOU SO MUCH!!!', 'en').flags.anger).toBe(false);
  });

  it('flags anxiety on worry and on a missing parcel', () => {
    expect(scoreSentiment("I'm worried, I still haven't received my order", 'en').flags.anxiety).toBe(true);
    expect(scoreSentiment('where is my parcel?', 'en').flags.anxiety).toBe(true);
    expect(scoreSentiment('快递一直没到，很担心', 'zh').flags.anxiety).toBe(true);
    expect(scoreSentiment('まだ届いていないので心配です', 'ja').flags.anxiety).toBe(true);
    expect(scoreSentiment('estoy preocupado por mi pedido', 'es').flags.anxiety).toBe(true);
  });

  it('flags urgency on deadlines and "now"', () => {
    expect(scoreSentiment('Urgent: please ship it asap', 'en').flags.urgency).toBe(true);
    expect(scoreSentiment('今天必须发货', 'zh').flags.urgency).toBe(true);
    expect(scoreSentiment('至急対応してください', 'ja').flags.urgency).toBe(true);
    expect(scoreSentiment('Bitte dringend antworten', 'de').flags.urgency).toBe(true);
    expect(scoreSentiment('es urgente', 'es').flags.urgency).toBe(true);
  });

  it('raises no flag on a calm message', () => {
    const calm = [
      'Could you tell me when my order ships? Thanks.',
      '请问什么时候发货？谢谢',
      'Wann wird meine Bestellung versendet?',
    ];
    for (const text of calm) {
      expect(scoreSentiment(text).flags, text).toEqual({ anger: false, anxiety: false, urgency: false });
    }
  });

  it('keeps the score within -1..1 and gives the same answer twice, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.constantFrom(undefined, 'en', 'zh', 'ja', 'de'),
        (text, language) => {
          const first = scoreSentiment(text, language);
          expect(first.score).toBeGreaterThanOrEqual(-1);
          expect(first.score).toBeLessThanOrEqual(1);
          expect(scoreSentiment(text, language)).toEqual(first);
        },
      ),
    );
  });

  it('keeps the score within -1..1 however many entries fire', () => {
    const text = 'terrible awful broken scam '.repeat(50);
    expect(scoreSentiment(text, 'en').score).toBeGreaterThanOrEqual(-1);
    expect(scoreSentiment('perfect excellent love '.repeat(50), 'en').score).toBeLessThanOrEqual(1);
  });
});
