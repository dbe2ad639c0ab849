import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORBIDDEN_PHRASES } from './forbidden-phrases.js';
import { type PromiseFacts, promisedBusinessDays, reviewReply } from './review-reply.js';

const phrases = DEFAULT_FORBIDDEN_PHRASES;
const review = (text: string, customerLanguage = 'en', facts: PromiseFacts = {}, replyLanguage?: string) =>
  reviewReply({
    text,
    customerLanguage,
    phrases,
    facts,
    ...(replyLanguage === undefined ? {} : { replyLanguage }),
  });
const kinds = (text: string, customerLanguage = 'en', facts: PromiseFacts = {}, replyLanguage?: string) =>
  review(text, customerLanguage, facts, replyLanguage).findings.map((f) => f.kind);

describe('reviewReply: a courteous reply passes', () => {
  it.each([
    ['en', 'Hi Tom,\n\nYour refund will reach you within 5 business days.\n\nKind regards,\nAnna'],
    ['zh-CN', '您好，退款将在5个工作日内到账。祝您生活愉快！'],
    ['ja', '田中様\nお世話になっております。\n5営業日以内に返金いたします。\nよろしくお願いいたします。'],
    ['de', 'Hallo Herr Wolf,\nwir erstatten den Betrag innerhalb von 5 Werktagen.\nViele Grüße'],
    ['fr', 'Bonjour Madame,\nNous vous rembourserons sous 5 jours ouvrés.\nCordialement'],
    ['es', 'Hola Marta:\nLe reembolsaremos en 5 días hábiles.\nSaludos'],
    ['pt-BR', 'Olá, João!\nO reembolso será feito em 5 dias úteis.\nAbraços'],
  ])('%s', (language, text) => {
    const result = review(text, language, { refundBusinessDays: 5, refundAllowed: true });
    expect(result.findings).toEqual([]);
    expect(result.blocked).toBe(false);
    expect(result.promises).toHaveLength(1);
  });
});

describe('reviewReply: findings', () => {
  it('blocks a forbidden phrase, with its place in the text and a suggestion', () => {
    const text = 'Hi Tom,\nThis is not our problem, please contact DHL.\nThanks';
    const result = review(text);
    expect(result.blocked).toBe(true);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      kind: 'forbidden_phrase',
      severity: 'block',
      messageKey: 'reply.forbidden_phrase',
    });
    expect(text.slice(finding!.span!.index, finding!.span!.index + finding!.span!.length)).toBe(
      'This is not our problem',
    );
    expect(finding!.suggestion).toBeDefined();
  });

  it('warns about a missing greeting and closing', () => {
    expect(kinds('Your parcel left today.')).toEqual(['missing_greeting', 'missing_closing']);
    expect(kinds('您的包裹今天已发出。', 'zh-CN')).toEqual(['missing_greeting', 'missing_closing']);
  });

  it('does not judge courtesy in a language it has no lists for', () => {
    expect(kinds('Kifurushi chako kimetumwa leo.', 'sw')).toEqual([]);
  });

  it('warns when the reply is in another language than the customer’s', () => {
    const result = review('Hallo,\nIhr Paket ist unterwegs.\nViele Grüße', 'fr', {}, 'de');
    expect(result.findings.map((f) => [f.kind, f.severity])).toContainEqual(['language_mismatch', 'warn']);
  });

  it('does not call Traditional and Simplified Chinese a mismatch', () => {
    expect(kinds('您好，包裹已寄出。謝謝！', 'zh-TW', {}, 'zh-CN')).not.toContain('language_mismatch');
  });

  it('warns about a promise faster than the policy, pointing at it', () => {
    const text = 'Hi Tom,\nWe will refund you within 2 days.\nThanks';
    const result = review(text, 'en', { refundBusinessDays: 5 });
    expect(result.blocked).toBe(false);
    const finding = result.findings.find((f) => f.kind === 'promise_contradicts_policy');
    expect(finding).toMatchObject({ severity: 'warn', phrase: 'refund you within 2 days' });
  });

  it('reads calendar days by the weeks they may span: 7 days hold 5 business days, 6 may not', () => {
    expect(kinds('Hi,\nWe will refund you within 7 days.\nThanks', 'en', { refundBusinessDays: 5 })).toEqual(
      [],
    );
    expect(kinds('Hi,\nWe will refund you within 6 days.\nThanks', 'en', { refundBusinessDays: 5 })).toEqual([
      'promise_contradicts_policy',
    ]);
  });

  it('checks a promised reply time against the response target in hours', () => {
    const facts = { responseHours: 24 };
    expect(kinds('您好，我们会在12小时内回复您。谢谢！', 'zh-CN', facts)).toEqual([
      'promise_contradicts_policy',
    ]);
    expect(kinds('您好，我们会在1个工作日内回复您。谢谢！', 'zh-CN', facts)).toEqual([]);
  });

  it('blocks a refund promised on a case whose return was rejected', () => {
    const text = 'Bonjour,\nNous vous rembourserons sous 5 jours ouvrés.\nCordialement';
    const result = review(text, 'fr', { refundAllowed: false, caseStatus: 'rejected' });
    expect(result.blocked).toBe(true);
    expect(result.findings).toMatchObject([{ kind: 'promise_contradicts_case', severity: 'block' }]);
    expect(result.findings[0]?.message).toContain("'rejected'");
  });

  it('blocks a replacement promised when none is allowed', () => {
    const text = 'お世話になっております。\n3日以内に交換品を発送いたします。\nよろしくお願いいたします。';
    expect(kinds(text, 'ja', { replacementAllowed: false })).toEqual(['promise_contradicts_case']);
  });

  it('lets an agent say a refund is not possible when it is not', () => {
    const text = 'Hi Tom,\nUnfortunately we cannot refund this order within 3 days or at all.\nKind regards';
    expect(review(text, 'en', { refundAllowed: false }).blocked).toBe(false);
  });

  it('returns every promise for the caller to record', () => {
    const text =
      'Hi,\nWe will ship the order within 2 days and reply to your question within 24 hours.\nThanks';
    expect(review(text).promises.map((p) => [p.thing, p.within])).toEqual([
      ['shipment', { amount: 2, unit: 'days' }],
      ['response', { amount: 24, unit: 'hours' }],
    ]);
  });
});

describe('reviewReply: consistency', () => {
  const pieces = [
    'Hi Tom,',
    '您好，',
    'This is not our problem.',
    'Please calm down.',
    'We will refund you within 2 days.',
    'Your replacement ships in 24 hours.',
    'We will reply within 1 hour.',
    '我们会在3个工作日内退款。',
    'Kind regards',
    '',
  ];
  it('is blocked exactly when a finding blocks, and every span lies inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 6 }),
        fc.record({
          refundBusinessDays: fc.integer({ min: 1, max: 10 }),
          responseHours: fc.integer({ min: 1, max: 48 }),
          refundAllowed: fc.boolean(),
          replacementAllowed: fc.boolean(),
        }),
        fc.constantFrom('en', 'zh-CN', 'de'),
        (lines, facts, language) => {
          const text = lines.join('\n');
          const result = review(text, language, facts);
          expect(result.blocked).toBe(result.findings.some((f) => f.severity === 'block'));
          for (const f of result.findings) {
            expect(f.messageKey).toBe(`reply.${f.kind}`);
            if (f.span) expect(f.span.index + f.span.length).toBeLessThanOrEqual(text.length);
          }
        },
      ),
    );
  });

  it('counts the business days a calendar window surely holds, never more than its days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (days) => {
        const business = promisedBusinessDays({ amount: days, unit: 'days' });
        expect(business).toBeLessThanOrEqual(days);
        expect(business).toBeGreaterThanOrEqual(Math.floor((days * 5) / 7) - 2);
        expect(promisedBusinessDays({ amount: days + 7, unit: 'days' })).toBe(business + 5);
      }),
    );
  });
});
