import { describe, expect, it } from 'vitest';
import { findClosing, findGreeting, knowsCourtesy } from './greetings.js';

const at = (text: string, span: { index: number; length: number } | null) =>
  span === null ? null : text.slice(span.index, span.index + span.length);

describe('findGreeting and findClosing: present, per language', () => {
  it.each([
    ['en', 'Hi Tom,\n\nYour refund is on its way.\n\nBest regards,\nAnna', 'Hi', 'Best regards'],
    [
      'en',
      'Good morning Mrs Lee,\nThe parcel left today.\nThanks for your patience!',
      'Good morning',
      'Thanks',
    ],
    ['zh-CN', '您好，您的退款已经处理，请留意到账。祝您生活愉快！', '您好', '祝您生活愉快'],
    ['zh-TW', '親，您的包裹已寄出。謝謝！', '親', '謝謝'],
    [
      'ja',
      '山田様\nお世話になっております。\n商品を発送いたしました。\nよろしくお願いいたします。',
      '様',
      'よろしくお願いいたします',
    ],
    ['de', 'Hallo Frau Schmidt,\nIhr Paket ist unterwegs.\nViele Grüße\nJonas', 'Hallo', 'Viele Grüße'],
    [
      'de',
      'Sehr geehrter Herr Wolf,\ndie Erstattung ist veranlasst.\nMit freundlichen Grüßen',
      'Sehr geehrter',
      'Mit freundlichen Grüßen',
    ],
    ['fr', 'Bonjour Madame,\nVotre colis est parti.\nCordialement,\nLéa', 'Bonjour', 'Cordialement'],
    ['es', 'Hola Marta:\nSu pedido ya salió.\nSaludos', 'Hola', 'Saludos'],
    ['pt-BR', 'Olá, João!\nSeu pedido foi enviado.\nAtenciosamente,\nAna', 'Olá', 'Atenciosamente'],
    ['it', 'Buongiorno Paolo,\nil pacco è partito.\nCordiali saluti', 'Buongiorno', 'Cordiali saluti'],
    ['nl', 'Beste Jan,\nJe pakket is onderweg.\nMet vriendelijke groet', 'Beste', 'Met vriendelijke groet'],
    ['ko', '안녕하세요 고객님,\n주문하신 상품이 발송되었습니다.\n감사합니다.', '안녕하세요', '감사합니다'],
  ])('%s: finds the greeting and the closing', (language, text, greeting, closing) => {
    expect(at(text, findGreeting(text, [language]))).toBe(greeting);
    expect(at(text, findClosing(text, [language]))).toBe(closing);
  });
});

describe('findGreeting and findClosing: missing', () => {
  it.each([
    ['en', 'Your refund is on its way.\nIt should arrive soon.'],
    ['zh-CN', '您的退款已经处理，请留意到账。'],
    ['ja', '商品を発送いたしました。'],
    ['de', 'Ihr Paket ist unterwegs.'],
    ['fr', 'Votre colis est parti.'],
    ['es', 'Su pedido ya salió.'],
    ['pt', 'Seu pedido foi enviado.'],
  ])('%s: finds neither in a bare reply', (language, text) => {
    expect(findGreeting(text, [language])).toBeNull();
    expect(findClosing(text, [language])).toBeNull();
  });

  it('does not take a greeting from the middle of a long reply', () => {
    const text = 'Your parcel left today.\nIt goes by DHL.\nIf you need help, say hello to our team.\nThanks';
    expect(findGreeting(text, ['en'])).toBeNull();
  });

  it('does not take a closing from the top of a long reply', () => {
    const text =
      'Hi Ana,\nThanks for writing.\nThe parcel left today.\nIt goes by DHL.\nThe tracking link follows.';
    expect(findClosing(text, ['en'])).toBeNull();
  });

  it('matches whole words only ("Hilary" is not "Hi")', () => {
    expect(findGreeting('Hilary asked us to ship it.', ['en'])).toBeNull();
  });

  it('knows the languages it has lists for', () => {
    expect(knowsCourtesy('pt-BR')).toBe(true);
    expect(knowsCourtesy('sw')).toBe(false);
  });

  it('treats a tag that names an object property ("constructor") as an unknown language', () => {
    expect(knowsCourtesy('constructor')).toBe(false);
    expect(knowsCourtesy('__proto__')).toBe(false);
    expect(findGreeting('Hello Lena, thanks!', ['constructor'])).toBeNull();
    expect(findClosing('Thanks!\nBest regards', ['toString'])).toBeNull();
  });
});
