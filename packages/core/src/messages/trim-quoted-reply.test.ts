import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimQuotedReply } from './trim-quoted-reply.js';

const mail = (...lines: string[]) => lines.join('\r\n');

describe('trimQuotedReply: what is cut', () => {
  it('cuts Gmail’s attribution and the "> " history below it', () => {
    const text = mail(
      'Hi, the parcel went out this morning with DHL, tracking JJD000390007771234.',
      '',
      'Jana',
      '',
      'On Mon, Jun 3, 2024 at 10:12 AM Afterdesk Support <support@shop.example> wrote:',
      '',
      '> Dear Jana,',
      '>',
      '> your return is approved. Please write the code 7KQM-3XRT on the parcel.',
    );
    const { reply, quoted } = trimQuotedReply(text);
    expect(reply).toBe('Hi, the parcel went out this morning with DHL, tracking JJD000390007771234.\n\nJana');
    expect(quoted).toMatch(/^On Mon, Jun 3, 2024 at 10:12 AM .* wrote:\n\n> Dear Jana,/);
  });

  it('recognises an attribution Gmail wrapped over two lines', () => {
    const text = mail(
      'Thanks, that works for me.',
      '',
      'On Mon, Jun 3, 2024 at 10:12 AM Afterdesk Customer Service Team for Europe <',
      'support-eu@shop.example> wrote:',
      '',
      '> Could you send us a photo of the damaged sole?',
    );
    expect(trimQuotedReply(text).reply).toBe('Thanks, that works for me.');
  });

  it('cuts Apple Mail on iOS, where even the attribution is quoted, and its device footer', () => {
    const text = mail(
      'Photo attached. The box was already open when it arrived.',
      '',
      'Sent from my iPhone',
      '',
      '> On 3 Jun 2024, at 10:12, Afterdesk Support <support@shop.example> wrote:',
      '> ',
      '> Could you send us a photo of the damaged box?',
    );
    const { reply, quoted } = trimQuotedReply(text);
    expect(reply).toBe('Photo attached. The box was already open when it arrived.');
    expect(quoted?.startsWith('Sent from my iPhone\n\n> On 3 Jun 2024')).toBe(true);
  });

  it('cuts Outlook’s "-----Original Message-----" and its header block', () => {
    const text = mail(
      "Hello, I still haven't received the refund for order #10482. It's been 9 days.",
      '',
      'Best regards',
      'Mark Evans',
      '',
      '-----Original Message-----',
      'From: Afterdesk Support <support@shop.example> ',
      'Sent: Monday, June 3, 2024 10:12 AM',
      'To: Mark Evans <mark.evans@outlook.com>',
      'Subject: RE: Refund for order #10482 [#1234]',
      '',
      'Dear Mark, your refund has been issued.',
    );
    expect(trimQuotedReply(text).reply).toBe(
      "Hello, I still haven't received the refund for order #10482. It's been 9 days.\n\nBest regards\nMark Evans",
    );
  });

  it('cuts Outlook on the web: a line of underscores, then From/Sent', () => {
    const text = mail(
      'Yes please, exchange it for a size 42.',
      '',
      '________________________________',
      'From: Afterdesk Support <support@shop.example>',
      'Sent: Monday, 3 June 2024 10:12',
      'To: tom.baker@hotmail.co.uk <tom.baker@hotmail.co.uk>',
      'Subject: Re: Exchange [#1234]',
    );
    expect(trimQuotedReply(text)).toEqual({
      reply: 'Yes please, exchange it for a size 42.',
      quoted: expect.stringMatching(/^_{32}\nFrom: Afterdesk/),
    });
  });

  it('cuts a From/Sent header block with no separator above it, bold markers and all', () => {
    const text = mail(
      'Any news?',
      '',
      '*From:* Afterdesk Support <support@shop.example>',
      '*Sent:* Monday, June 3, 2024 10:12 AM',
      '*To:* Mark',
    );
    expect(trimQuotedReply(text).reply).toBe('Any news?');
  });

  it('cuts a signature after "-- ", with or without its trailing space', () => {
    expect(
      trimQuotedReply(mail('Tracking: 1Z999AA10123456784', '-- ', 'Mark Evans', 'Evans Trading Ltd')).reply,
    ).toBe('Tracking: 1Z999AA10123456784');
    expect(trimQuotedReply(mail('Thanks!', '--', 'Mark')).quoted).toBe('--\nMark');
  });

  it('cuts a phone footer under a reply that quotes nothing', () => {
    expect(trimQuotedReply('Danke!\n\nVon meinem iPhone gesendet')).toEqual({
      reply: 'Danke!',
      quoted: 'Von meinem iPhone gesendet',
    });
  });

  it('cuts a trailing "> " block after an attribution in any language that names an address', () => {
    const text = mail(
      'Kiitos!',
      '',
      'ti 4.6.2024 klo 10.12 Afterdesk <support@shop.example> kirjoitti:',
      '> Hei Aino,',
    );
    expect(trimQuotedReply(text)).toEqual({
      reply: 'Kiitos!',
      quoted: 'ti 4.6.2024 klo 10.12 Afterdesk <support@shop.example> kirjoitti:\n> Hei Aino,',
    });
  });
});

describe('trimQuotedReply: what is kept', () => {
  it('returns a message with no quote untouched', () => {
    const text = 'Where is my parcel? Order #10482.\n\nThanks';
    expect(trimQuotedReply(text)).toEqual({ reply: text, quoted: null });
    expect(trimQuotedReply('')).toEqual({ reply: '', quoted: null });
  });

  it('returns the original when everything is quoted, never an empty reply', () => {
    const text = mail(
      'On Mon, Jun 3, 2024 at 10:12 AM Afterdesk Support <support@shop.example> wrote:',
      '> Dear Jana,',
    );
    expect(trimQuotedReply(text)).toEqual({ reply: text, quoted: null });
    expect(trimQuotedReply('\n\n> only a quote\n> here')).toEqual({
      reply: '\n\n> only a quote\n> here',
      quoted: null,
    });
  });

  it('keeps a device footer that is the whole message', () => {
    expect(trimQuotedReply('Sent from my iPhone').reply).toBe('Sent from my iPhone');
  });

  it('keeps a customer’s own sentence about what someone wrote', () => {
    const text = 'On 3 June the courier wrote: "parcel delivered", but nothing came.\nPlease check.';
    expect(trimQuotedReply(text)).toEqual({ reply: text, quoted: null });
    const twoLines = 'On Monday I asked about order 10482.\nYour colleague wrote: it left at 10:30.';
    expect(trimQuotedReply(twoLines).quoted).toBeNull();
  });

  it('keeps inline answers between quoted lines', () => {
    const text = '> Which size would you like instead?\n42, please.\n> And the colour?\nBlack.';
    expect(trimQuotedReply(text).quoted).toBeNull();
  });

  it('keeps a forwarded message, which customers send as evidence', () => {
    const gmail = mail(
      'See the carrier’s answer below.',
      '',
      '---------- Forwarded message ---------',
      'From: DHL Kundenservice <noreply@dhl.de>',
      'Date: Mon, 3 Jun 2024 at 09:40',
      'Subject: Ihre Sendung JJD000390007771234',
    );
    expect(trimQuotedReply(gmail)).toEqual({ reply: gmail, quoted: null });
    const apple = mail(
      'FYI',
      '',
      'Begin forwarded message:',
      '',
      'From: DHL <noreply@dhl.de>',
      'Date: 3 June 2024 at 09:40:00 CEST',
    );
    expect(trimQuotedReply(apple).quoted).toBeNull();
  });

  it('still cuts our quoted mail above a forward further down', () => {
    const text = mail(
      'Here is what they said.',
      '-----Original Message-----',
      'From: Afterdesk Support <support@shop.example>',
      'Sent: Monday, June 3, 2024 10:12 AM',
      '---------- Forwarded message ---------',
    );
    expect(trimQuotedReply(text).reply).toBe('Here is what they said.');
  });
});

describe('trimQuotedReply, for any mix of lines', () => {
  const line = fc.constantFrom(
    'Where is my parcel?',
    '',
    '   ',
    '> quoted',
    '>',
    '-- ',
    'Jana',
    'Sent from my iPhone',
    '-----Original Message-----',
    'From: Afterdesk Support <support@shop.example>',
    'Sent: Monday, June 3, 2024 10:12 AM',
    'On Mon, Jun 3, 2024 at 10:12 AM Afterdesk <support@shop.example> wrote:',
    '在 2024-06-03 10:12:00，"Afterdesk" <support@shop.example> 写道：',
    '________________________________',
    '---------- Forwarded message ---------',
  );
  const text = fc
    .tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
    .map(([ls, eol]) => ls.join(eol));
  const visible = (s: string) => s.replace(/\s+/g, '');

  it('never empties a message that has text, and loses nothing: reply and quoted hold every character', () => {
    fc.assert(
      fc.property(text, (input) => {
        const { reply, quoted } = trimQuotedReply(input);
        if (quoted === null) expect(reply).toBe(input);
        else {
          expect(reply.trim()).not.toBe('');
          expect(visible(reply) + visible(quoted)).toBe(visible(input));
        }
      }),
    );
  });
});
