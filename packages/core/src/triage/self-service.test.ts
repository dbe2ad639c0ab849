import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinor } from '../money/index.js';
import { NOTICE_LANGUAGES } from '../notifications/index.js';
import { defaultPolicy, type PolicyDocument } from '../policies/index.js';
import {
  composeSelfServiceAnswer,
  handoffSummary,
  type SelfServiceFacts,
  type SelfServiceShipment,
} from './self-service.js';
import { selfServiceChoice } from './self-service-choice.js';
import { TEXTS } from './self-service-templates.js';

// A Berlin store on 15 May 2024; order #1001 went out with DHL on 8 May, due on 12 May.
const inTransit: SelfServiceShipment = {
  carrier: 'DHL',
  trackingNumber: 'JD014600',
  shippedAt: '2024-05-08T10:00:00Z',
  deliveredAt: null,
  estimatedAt: '2024-05-17T10:00:00Z',
  trackingUrl: 'https://track.example/JD014600',
};
const delivered: SelfServiceShipment = { ...inTransit, deliveredAt: '2024-05-10T12:00:00Z' };

function facts(over: Partial<SelfServiceFacts> = {}): SelfServiceFacts {
  return {
    language: 'en',
    timeZone: 'Europe/Berlin',
    now: '2024-05-15T09:00:00Z',
    customerName: 'Ana',
    order: { number: '1001', placedAt: '2024-05-01T10:00:00Z', shipments: [inTransit] },
    refunds: [],
    openReturn: null,
    policy: null,
    article: null,
    currency: 'EUR',
    ...over,
  };
}
const withShipments = (shipments: SelfServiceShipment[]) =>
  facts({ order: { number: '1001', placedAt: '2024-05-01T10:00:00Z', shipments } });
const refund = (over: Partial<SelfServiceFacts['refunds'][number]> = {}) => ({
  caseNumber: 42,
  amountMinor: 1250,
  currency: 'EUR',
  status: 'pending',
  createdAt: '2024-05-10T10:00:00Z',
  expectedBy: null,
  ...over,
});
const article = (score: number, body = 'We ship within 2 business days from Berlin.') => ({
  title: 'Shipping times',
  body,
  score,
});
function policy(over: Partial<PolicyDocument> = {}): PolicyDocument {
  return { ...defaultPolicy(), ...over };
}
const answer = (intent: string, f: SelfServiceFacts) => composeSelfServiceAnswer(intent, f);

describe('composeSelfServiceAnswer: where is my parcel', () => {
  it.each([
    ['en', 'was shipped with DHL on May 8, 2024', 'expected to arrive on May 17, 2024'],
    ['de', 'wurde am 08.05.2024 mit DHL verschickt', 'für den 17.05.2024 angekündigt'],
    ['zh-CN', '已于 2024年5月8日 通过 DHL 发出', '预计 2024年5月17日 送达'],
    ['pt-BR', 'enviado pela transportadora DHL em 8 de mai. de 2024', 'prevista para 17 de mai. de 2024'],
  ])(
    'tells a parcel in transit in %s: carrier, date, tracking and estimate',
    (language, shipped, expected) => {
      const a = answer('track_order', facts({ language }));
      expect(a?.kind).toBe('shipment_status');
      expect(a?.language).toBe(language);
      expect(a?.body).toContain(shipped);
      expect(a?.body).toContain(expected);
      expect(a?.body).toContain('JD014600');
      expect(a?.body).toContain('https://track.example/JD014600');
      expect(a?.subject).toContain('#1001');
      expect(a?.summary).toBe(
        'Told the shipment status of order #1001: in transit with DHL since 2024-05-08, tracking JD014600, expected 2024-05-17',
      );
    },
  );

  it.each([
    ['en', 'it is 3 days later than planned'],
    ['de', 'ist damit 3 Tage später als geplant'],
    ['zh-CN', '目前已延误 3天'],
    ['pt-BR', 'ele está 3 dias atrasado'],
  ])('counts calendar days past the estimate in %s and apologises', (language, late) => {
    const a = answer('delivery_late', {
      ...withShipments([{ ...inTransit, estimatedAt: '2024-05-12T10:00:00Z' }]),
      language,
    });
    expect(a?.body).toContain(late);
    expect(a?.summary).toContain('late by 3 day(s) (expected 2024-05-12)');
  });

  it('says "a little late" when the estimate passed earlier the same day', () => {
    const a = answer('track_order', withShipments([{ ...inTransit, estimatedAt: '2024-05-15T06:00:00Z' }]));
    expect(a?.body).toContain('It was expected earlier today and is running a little late.');
  });

  it.each([
    ['en', 'was delivered by DHL on May 10, 2024'],
    ['de', 'wurde am 10.05.2024 von DHL zugestellt'],
    ['zh-CN', '已于 2024年5月10日 由 DHL 送达'],
    ['pt-BR', 'foi entregue por DHL em 10 de mai. de 2024'],
  ])('tells when a parcel was delivered in %s', (language, text) => {
    expect(answer('track_order', { ...withShipments([delivered]), language })?.body).toContain(text);
  });

  it.each([
    ['en', 'Your order #1001, placed on May 1, 2024, has not shipped yet.'],
    ['de', 'Ihre Bestellung #1001 vom 01.05.2024 ist noch nicht verschickt.'],
    ['zh-CN', '您于 2024年5月1日 下的订单 #1001 尚未发货。'],
    ['pt-BR', 'Seu pedido #1001, feito em 1 de mai. de 2024, ainda não foi enviado.'],
  ])('says an order without a shipped parcel has not shipped yet in %s', (language, text) => {
    const unshipped = { ...inTransit, shippedAt: null, estimatedAt: null };
    expect(answer('track_order', { ...withShipments([]), language })?.body).toContain(text);
    expect(answer('delivery_late', { ...withShipments([unshipped]), language })?.body).toContain(text);
  });

  it('answers about the parcel shipped last, whatever the list order', () => {
    const later = { ...inTransit, carrier: 'UPS', shippedAt: '2024-05-12T08:00:00Z' };
    expect(answer('track_order', withShipments([later, delivered]))?.summary).toContain(
      'in transit with UPS',
    );
  });

  it('reads dates in the store time zone', () => {
    const late = { ...delivered, deliveredAt: '2024-05-10T23:30:00Z' };
    const a = answer('track_order', { ...withShipments([late]), timeZone: 'Asia/Shanghai' });
    expect(a?.body).toContain('on May 11, 2024');
  });

  it('leaves it to a person when there is no order, a "late" parcel was delivered, or data is broken', () => {
    expect(answer('track_order', facts({ order: null }))).toBeNull();
    expect(answer('delivery_late', facts({ order: null }))).toBeNull();
    expect(answer('delivery_late', withShipments([delivered]))).toBeNull();
    expect(answer('track_order', withShipments([{ ...inTransit, shippedAt: 'last Tuesday' }]))).toBeNull();
    expect(answer('track_order', withShipments([{ ...inTransit, carrier: ' ' }]))).toBeNull();
    expect(answer('track_order', facts({ now: 'soon' }))).toBeNull();
  });
});

describe('composeSelfServiceAnswer: where is my refund', () => {
  it.each([
    ['en', 'We refunded €12.50 for case 42 to your original payment method on May 12, 2024.'],
    [
      'de',
      'Wir haben am 12.05.2024 12,50\u00a0€ für Vorgang 42 auf Ihr ursprüngliches Zahlungsmittel erstattet.',
    ],
    ['zh-CN', '服务单 42 的退款 €12.50 已于 2024年5月12日 原路退回'],
    [
      'pt-BR',
      'Em 12 de mai. de 2024 reembolsamos €\u00a012,50 do atendimento 42 para o seu meio de pagamento original.',
    ],
  ])('tells a paid refund in %s: amount, date and the original payment method', (language, text) => {
    const paid = refund({ status: 'succeeded', succeededAt: '2024-05-12T10:00:00Z' });
    const a = answer('refund_status', facts({ language, refunds: [paid] }));
    expect(a?.kind).toBe('refund_status');
    expect(a?.body).toContain(text);
    expect(a?.summary).toBe(
      'Told the refund status of case 42: €12.50 paid to the original payment method on 2024-05-12',
    );
  });

  it.each([
    ['en', 'Your refund of €12.50 for case 42 is being processed', 'You should see it by May 20, 2024.'],
    [
      'de',
      'Ihre Erstattung über 12,50\u00a0€ für Vorgang 42 wird bearbeitet',
      'bis zum 20.05.2024 bei Ihnen',
    ],
    ['zh-CN', '服务单 42 的退款 €12.50 正在处理中', '预计 2024年5月20日 前到账。'],
    [
      'pt-BR',
      'Seu reembolso de €\u00a012,50 do atendimento 42 está em processamento',
      'recebê-lo até 20 de mai. de 2024.',
    ],
  ])('tells a pending refund and its expected date in %s', (language, pending, by) => {
    const a = answer(
      'refund_status',
      facts({ language, refunds: [refund({ expectedBy: '2024-05-20T00:00:00Z' })] }),
    );
    expect(a?.body).toContain(pending);
    expect(a?.body).toContain(by);
  });

  it('answers about the latest refund', () => {
    const old = refund({ caseNumber: 7, status: 'failed', createdAt: '2024-04-01T10:00:00Z' });
    expect(answer('refund_status', facts({ refunds: [refund(), old] }))?.summary).toContain('case 42');
  });

  it.each([
    [
      'approved',
      'RC-7F3K',
      'Your return 42 is approved and we are waiting for your parcel. Your return code is RC-7F3K.',
    ],
    ['received', null, 'We have received your parcel for return 42 and are inspecting it.'],
    ['under_review', null, 'We are reviewing your return 42'],
  ])('tells an open return in plain words when no refund exists yet (%s)', (status, returnCode, text) => {
    const a = answer('refund_status', facts({ openReturn: { caseNumber: 42, status, returnCode } }));
    expect(a?.body).toContain(text);
    expect(a?.subject).toBe('Your return 42');
  });

  it('leaves failed, unknown and overdue refunds, rejected returns and no data at all to a person', () => {
    expect(answer('refund_status', facts({ refunds: [refund({ status: 'failed' })] }))).toBeNull();
    expect(answer('refund_status', facts({ refunds: [refund({ status: 'requires_action' })] }))).toBeNull();
    expect(
      answer('refund_status', facts({ refunds: [refund({ expectedBy: '2024-05-14T00:00:00Z' })] })),
    ).toBeNull();
    expect(answer('refund_status', facts({ refunds: [refund({ currency: 'euro' })] }))).toBeNull();
    expect(
      answer('refund_status', facts({ openReturn: { caseNumber: 1, status: 'rejected', returnCode: null } })),
    ).toBeNull();
    expect(answer('refund_status', facts())).toBeNull();
  });
});

describe('composeSelfServiceAnswer: what is your return policy', () => {
  const shop = policy({
    returnWindowDays: 14,
    categoryWindows: { shoes: 30, coats: 21, bags: 20, hats: 10, swimwear: 0 },
    nonReturnableCategories: ['gift cards'],
  });

  it.each([
    [
      'en',
      [
        'within 14 days of delivery',
        'shoes (30 days), coats (21 days), and bags (20 days)',
        'gift cards and swimwear',
        'unused, in its original packaging',
        'return shipping costs €6.95',
        'within 7 days',
      ],
    ],
    [
      'de',
      [
        'beträgt 14 Tage ab Zustellung',
        'shoes (30 Tage), coats (21 Tage) und bags (20 Tage)',
        'gift cards und swimwear',
        'unbenutzt, originalverpackt',
        'kostet die Rücksendung 6,95\u00a0€',
        'haben Sie 7 Tage Zeit',
      ],
    ],
    [
      'zh-CN',
      [
        '签收后 14天内',
        'shoes (30天)、coats (21天)和bags (20天)',
        'gift cards和swimwear',
        '未使用、原包装完好',
        '退货运费为 €6.95',
        '请在 7天内寄回',
      ],
    ],
    [
      'pt-BR',
      [
        'em até 14 dias após a entrega',
        'shoes (30 dias), coats (21 dias) e bags (20 dias)',
        'gift cards e swimwear',
        'sem uso, na embalagem original',
        'custa €\u00a06,95',
        'em até 7 dias',
      ],
    ],
  ])('renders the policy in plain words in %s', (language, parts) => {
    const a = answer('return_policy', facts({ language, policy: shop }));
    expect(a?.kind).toBe('return_policy');
    for (const part of parts as string[]) expect(a?.body).toContain(part);
    expect(a?.body).not.toContain('hats');
  });

  it('says the merchant pays for faulty items and the customer fee is taken from the refund', () => {
    const body = answer('return_policy', facts({ policy: shop }))?.body;
    expect(body).toContain('If the item is faulty or we made a mistake, we pay the return shipping.');
    expect(body).toContain('Otherwise, return shipping costs €6.95, which we deduct from your refund.');
  });

  it('falls back to "you pay" without a fee in the store currency, and to "free" when the merchant always pays', () => {
    expect(answer('return_policy', facts({ policy: shop, currency: 'JPY' }))?.body).toContain(
      'Otherwise, you pay the return shipping.',
    );
    const free = defaultPolicy();
    free.shipping.byFault.customer.returnShipping = 'merchant';
    expect(answer('return_policy', facts({ policy: free }))?.body).toContain('Return shipping is free.');
  });

  it('points to a good returns article and ignores a weak one', () => {
    const good = answer('return_policy', facts({ policy: shop, article: article(0.5) }));
    expect(good?.body).toContain('You will find more in our article “Shipping times”.');
    expect(good?.summary).toContain('pointed to the article "Shipping times"');
    expect(answer('return_policy', facts({ policy: shop, article: article(0.49) }))?.body).not.toContain(
      'article',
    );
  });

  it('answers with the article when no policy is set, else leaves it to a person', () => {
    expect(answer('return_policy', facts({ article: article(0.8) }))?.kind).toBe('article');
    expect(answer('return_policy', facts())).toBeNull();
  });
});

describe('composeSelfServiceAnswer: knowledge-base articles', () => {
  it('answers shipping questions and other intents with a strong article', () => {
    const a = answer('shipping_info', facts({ article: article(0.62) }));
    expect(a).toMatchObject({ kind: 'article', subject: 'Shipping times' });
    expect(a?.body).toContain('We ship within 2 business days from Berlin.');
    expect(answer('invoice', facts({ article: article(0.9) }))?.kind).toBe('article');
  });

  it('does not answer with a weak article, nor when the customer asks for a person or complains', () => {
    expect(answer('shipping_info', facts())).toBeNull();
    expect(answer('shipping_info', facts({ article: article(0.3) }))).toBeNull();
    expect(answer('contact_human', facts({ article: article(0.9) }))).toBeNull();
    expect(answer('complaint', facts({ article: article(0.9) }))).toBeNull();
  });

  it('trims a long article at a sentence end near 1200 characters', () => {
    const body = 'Parcels leave our warehouse within two days. '.repeat(60);
    const a = answer('shipping_info', facts({ article: article(0.7, body) }));
    const shown = a?.body.split('\n\n')[2] ?? '';
    expect(shown.length).toBeLessThanOrEqual(1202);
    expect(shown.length).toBeGreaterThan(800);
    expect(shown).toMatch(/days\. …$/);
  });
});

describe('composeSelfServiceAnswer: language and courtesy', () => {
  it('answers regional and unknown languages in the closest one it writes', () => {
    expect(answer('track_order', facts({ language: 'de-AT' }))?.language).toBe('de');
    expect(answer('track_order', facts({ language: 'zh-TW' }))?.language).toBe('zh-CN');
    expect(answer('track_order', facts({ language: 'pt-PT' }))?.language).toBe('pt-BR');
    expect(answer('track_order', facts({ language: 'ko' }))?.language).toBe('en');
  });

  it('greets by name when known and ends with how to reach a person', () => {
    expect(answer('track_order', facts())?.body).toMatch(/^Hello Ana,\n\n/);
    expect(answer('track_order', facts({ customerName: '  ' }))?.body).toMatch(/^Hello,\n\n/);
    expect(answer('track_order', facts())?.body).toMatch(/a person from our team will take over\.$/);
  });

  it('puts a name in as written, never expanding braces in it', () => {
    expect(answer('track_order', facts({ customerName: '{order}' }))?.body).toMatch(/^Hello \{order\},/);
  });

  it('survives a store time zone Intl does not know by using UTC', () => {
    expect(answer('track_order', facts({ timeZone: 'Mars/Olympus' }))?.body).toContain('May 8, 2024');
  });

  const everyKind: [string, SelfServiceFacts][] = [
    ['track_order', withShipments([{ ...inTransit, estimatedAt: '2024-05-12T10:00:00Z' }])],
    ['track_order', withShipments([delivered])],
    ['track_order', withShipments([])],
    ['refund_status', facts({ refunds: [refund({ expectedBy: '2024-05-20T00:00:00Z' })] })],
    ['refund_status', facts({ refunds: [refund({ status: 'succeeded' })] })],
    ...(
      ['submitted', 'pending_info', 'awaiting_return', 'in_transit', 'received', 'inspection_passed'] as const
    ).map((status): [string, SelfServiceFacts] => [
      'refund_status',
      facts({ openReturn: { caseNumber: 9, status, returnCode: 'RC-1' } }),
    ]),
    ['return_policy', facts({ policy: policy({ categoryWindows: { shoes: 30 } }), article: article(0.9) })],
    ['shipping_info', facts({ article: article(0.9) })],
  ];

  it.each(NOTICE_LANGUAGES)('renders every kind in %s with no missing text', (language) => {
    for (const [intent, f] of everyKind) {
      for (const customerName of ['Ana', null]) {
        const a = answer(intent, { ...f, language, customerName });
        expect(a, `${intent} in ${language}`).not.toBeNull();
        const all = `${a?.subject}\n${a?.body}`;
        expect(all).not.toMatch(/undefined|null|NaN|\{\{|\{\w+\}|Invalid Date/);
        expect(a?.body.endsWith(TEXTS.closing[language])).toBe(true);
        expect(a?.language).toBe(language);
      }
    }
  });

  it('is deterministic: the same facts give the same answer', () => {
    const f = facts({ policy: policy(), article: article(0.7) });
    expect(answer('return_policy', f)).toEqual(answer('return_policy', f));
  });
});

describe('composeSelfServiceAnswer: amounts (property)', () => {
  const currency = fc.stringMatching(/^[A-Z]{3}$/);
  const amount = fc.integer({ min: 0, max: 1e12 });
  const language = fc.constantFrom(...NOTICE_LANGUAGES);

  it('shows any refund amount formatted in the customer language', () => {
    fc.assert(
      fc.property(
        amount,
        currency,
        language,
        fc.constantFrom('pending', 'succeeded'),
        (amountMinor, cur, lang, status) => {
          const a = answer(
            'refund_status',
            facts({ language: lang, refunds: [refund({ amountMinor, currency: cur, status })] }),
          );
          expect(a?.body).toContain(formatMinor(amountMinor, cur, lang));
        },
      ),
    );
  });

  it('shows any customer return-shipping fee in the store currency', () => {
    fc.assert(
      fc.property(amount, currency, language, (fee, cur, lang) => {
        const p = defaultPolicy();
        p.shipping.customerReturnShippingMinor = { [cur]: fee };
        const a = answer('return_policy', facts({ language: lang, policy: p, currency: cur }));
        expect(a?.body).toContain(formatMinor(fee, cur, lang));
      }),
    );
  });
});

describe('handoffSummary', () => {
  it('says in one English line why a person is needed, what triage read and what was already said', () => {
    const note = handoffSummary({
      reason: 'upset',
      intent: 'delivery_late',
      confidence: 0.834,
      sentiment: -0.72,
      emotions: ['anger', 'anxiety'],
      orderNumber: '1001',
      answered: ['Told the shipment status of order #1001: in transit with DHL'],
    });
    expect(note).toBe(
      'Needs a person: the customer is upset. Intent: delivery_late (confidence 83%). ' +
        'Mood: very negative (-0.72; anger, anxiety). Order #1001. ' +
        'Already answered automatically: Told the shipment status of order #1001: in transit with DHL.',
    );
    expect(note).not.toContain('\n');
  });

  it('leaves out what it does not know', () => {
    const note = handoffSummary({
      reason: 'asked_for_person',
      intent: 'contact_human',
      confidence: Number.NaN,
      sentiment: 0,
      emotions: [],
      orderNumber: null,
      answered: [],
    });
    expect(note).toBe(
      'Needs a person: the customer asked for a person. Intent: contact_human. Mood: neutral (0.00).',
    );
  });
});

describe('choosing between the assistant and a person', () => {
  const triage = (label: string, confidence: number, upset = false) => ({
    intent: { label, confidence, top: [] },
    upset,
  });

  it('lets the assistant try a confident question it may answer', () => {
    expect(selfServiceChoice(triage('track_order', 0.9), 0.6)).toEqual({ try: true });
    expect(selfServiceChoice(triage('shipping_info', 0.6), 0.6)).toEqual({ try: true });
  });

  it('counts intents that get the same answer together: a model torn between parcel questions is still sure', () => {
    const torn = {
      intent: {
        label: 'track_order',
        confidence: 0.48,
        top: [
          { label: 'track_order', confidence: 0.48 },
          { label: 'delivery_late', confidence: 0.46 },
          { label: 'invoice', confidence: 0.01 },
        ],
      },
      upset: false,
    };
    expect(selfServiceChoice(torn, 0.6)).toEqual({ try: true });
    const unsure = {
      ...torn,
      intent: { ...torn.intent, top: [torn.intent.top[0], { label: 'invoice', confidence: 0.46 }] },
    };
    expect(selfServiceChoice(unsure as typeof torn, 0.6)).toEqual({ try: false, reason: 'low_confidence' });
  });

  it('hands over at once to whoever asked for a person, is upset, complains, or is not understood', () => {
    expect(selfServiceChoice(triage('contact_human', 0.99), 0.6)).toEqual({
      try: false,
      reason: 'asked_for_person',
    });
    expect(selfServiceChoice(triage('track_order', 0.99, true), 0.6)).toEqual({
      try: false,
      reason: 'upset',
    });
    expect(selfServiceChoice(triage('complaint', 0.99), 0.6)).toEqual({ try: false, reason: 'no_answer' });
    expect(selfServiceChoice(triage('refund_status', 0.59), 0.6)).toEqual({
      try: false,
      reason: 'low_confidence',
    });
  });
});
