import { describe, expect, it, onTestFinished } from 'vitest';
import { EmailSendError, type EmailSender, type OutgoingEmail } from './email-sender.js';
import type { InboundEmail } from './inbound-email.js';

/** One implementation wired to a place where what it sends can be read back. */
export interface EmailSenderUnderTest {
  sender: EmailSender;
  /** Resolves once at least `count` mails have arrived, parsed as Afterdesk parses inbound mail. */
  delivered(count: number): Promise<InboundEmail[]>;
  /** Closes the sender and then the receiving side. */
  close(): Promise<void>;
}

/** `refuse`: addresses the receiving side refuses, the way a server refuses an unknown mailbox. */
export type EmailSenderSetup = (options: { refuse: string[] }) => Promise<EmailSenderUnderTest>;

/**
 * The behaviour every {@link EmailSender} must have. Each implementation's test file calls
 * this once with a setup that starts a fresh receiving side per test.
 */
export function describeEmailSender(name: string, setup: EmailSenderSetup): void {
  describe(`${name} (EmailSender contract)`, () => {
    async function start(refuse: string[] = []) {
      const underTest = await setup({ refuse });
      onTestFinished(() => underTest.close());
      return underTest;
    }

    const mail = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
      from: { address: 'support@shop.example', name: 'Shop Support' },
      to: [{ address: 'anna@customer.example', name: 'Anna Berg' }],
      subject: 'Your return 10023',
      text: 'Hello Anna,\nwe have received your parcel.\n',
      messageId: `<${crypto.randomUUID()}@afterdesk.example>`,
      ...overrides,
    });

    it('delivers the subject, the text and the HTML, from and to whom it says', async () => {
      const { sender, delivered } = await start();
      const result = await sender.send(
        mail({
          to: [
            { address: 'anna@customer.example', name: 'Anna Berg' },
            { address: 'ben@customer.example', name: null },
          ],
          replyTo: { address: 'case-10023@shop.example', name: null },
          html: '<p>Hello Anna,<br>we have received your parcel.</p>',
        }),
      );
      const [received] = await delivered(1);
      expect(result.accepted).toEqual(['anna@customer.example', 'ben@customer.example']);
      expect(result.rejected).toEqual([]);
      expect(received).toMatchObject({
        envelope: { recipients: ['anna@customer.example', 'ben@customer.example'] },
        from: { address: 'support@shop.example', name: 'Shop Support' },
        to: [
          { address: 'anna@customer.example', name: 'Anna Berg' },
          { address: 'ben@customer.example', name: null },
        ],
        replyTo: { address: 'case-10023@shop.example', name: null },
        subject: 'Your return 10023',
        html: '<p>Hello Anna,<br>we have received your parcel.</p>',
      });
      expect(received?.text?.trim()).toBe('Hello Anna,\nwe have received your parcel.');
    });

    it("keeps the caller's Message-ID, so a reply can be matched to what was recorded", async () => {
      const { sender, delivered } = await start();
      const result = await sender.send(mail({ messageId: '<case-10023.reply-1@afterdesk.example>' }));
      const [received] = await delivered(1);
      expect(result.messageId).toBe('<case-10023.reply-1@afterdesk.example>');
      expect(received?.messageId).toBe('<case-10023.reply-1@afterdesk.example>');
    });

    it('threads the reply into the conversation with In-Reply-To and References', async () => {
      const { sender, delivered } = await start();
      await sender.send(
        mail({
          subject: 'Re: Where is my refund?',
          inReplyTo: '<CAF=2b@mail.customer.example>',
          references: ['<first@mail.customer.example>', '<CAF=2b@mail.customer.example>'],
        }),
      );
      const [received] = await delivered(1);
      expect(received?.inReplyTo).toBe('<CAF=2b@mail.customer.example>');
      expect(received?.references).toEqual([
        '<first@mail.customer.example>',
        '<CAF=2b@mail.customer.example>',
      ]);
    });

    const languages: ReadonlyArray<[string, OutgoingEmail['from'], string, string]> = [
      [
        'Chinese',
        { address: 'kefu@shop.example', name: '客服中心' },
        '您的退货申请已收到（订单号 10023），我们将在三个工作日内处理完毕并通知您退款进度',
        '王先生您好：\n\n我们已收到您的退货申请。退款将在三个工作日内原路退回。\n\n客服团队',
      ],
      [
        'German',
        { address: 'service@shop.example', name: 'Kundenservice Größe & Maß GmbH' },
        'Rücksendung für Bestellung Nr. 10023 – Umtausch in Größe M bestätigt',
        'Grüß Gott Frau Müller,\n\nIhre Rücksendung ist eingegangen; die Erstattung über 49,90 € folgt.\nÄrger? Öffnen Sie einfach unsere Übersicht.',
      ],
      [
        'Japanese',
        { address: 'support@shop.example', name: 'カスタマーサポート' },
        'ご注文（注文番号 10023）の返品を承りました — 返金手続きについてのご案内',
        '山田様\n\nお問い合わせいただきありがとうございます。\n返品を承りました。返金は三営業日以内に行われます。',
      ],
    ];
    it.each(languages)(
      'carries %s in the subject, the body and the names intact',
      async (_, from, subject, text) => {
        const { sender, delivered } = await start();
        await sender.send(mail({ from, subject, text }));
        const [received] = await delivered(1);
        expect(received?.subject).toBe(subject);
        expect(received?.text?.trim()).toBe(text);
        expect(received?.from).toEqual(from);
        // On the wire the header is 7-bit encoded-words, which every server and client reads.
        expect(received?.headers.subject).toMatch(/^[\x20-\x7e]+$/);
        expect(received?.headers.subject).toMatch(/=\?utf-8\?[bq]\?/i);
      },
    );

    it('adds the extra headers, so a loop guard on the other side can see them', async () => {
      const { sender, delivered } = await start();
      await sender.send(
        mail({
          headers: {
            'Auto-Submitted': 'auto-replied',
            'X-Afterdesk-Case': '10023',
            Precedence: 'auto_reply',
          },
        }),
      );
      const [received] = await delivered(1);
      expect(received?.headers).toMatchObject({
        'auto-submitted': 'auto-replied',
        'x-afterdesk-case': '10023',
        precedence: 'auto_reply',
      });
    });

    it('never lets a header value add a header of its own', async () => {
      const { sender, delivered } = await start();
      await sender.send(mail({ headers: { 'X-Afterdesk-Case': '10023\r\nBcc: thief@attacker.example' } }));
      const [received] = await delivered(1);
      expect(received?.headers.bcc).toBeUndefined();
      expect(received?.envelope.recipients).toEqual(['anna@customer.example']);
    });

    it('delivers attachments byte for byte, with their names and types', async () => {
      const { sender, delivered } = await start();
      const binary = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7 + (i >> 8)) % 256));
      // Lines that start with a dot, lone LFs and no final newline: what SMTP's dot-stuffing
      // and line-ending conversions would damage.
      const text = Buffer.from('.hidden\r\n..two dots\nlone LF\r\nno final newline', 'utf8');
      const attachments = [
        { filename: 'Rechnung Müller 发票.pdf', contentType: 'application/pdf', content: binary },
        { filename: 'label.txt', contentType: 'text/plain', content: text },
        { filename: 'empty.bin', contentType: 'application/octet-stream', content: Buffer.alloc(0) },
      ];
      await sender.send(mail({ attachments }));
      const [received] = await delivered(1);
      expect(received?.attachments.map((a) => [a.filename, a.contentType])).toEqual(
        attachments.map((a) => [a.filename, a.contentType]),
      );
      // Buffer.equals: a deep equality over 200 KB element by element takes seconds.
      for (const [i, attachment] of attachments.entries()) {
        expect(received?.attachments[i]?.content.equals(attachment.content), attachment.filename).toBe(true);
      }
    });

    it('reports the recipients refused by the receiving side and delivers to the others', async () => {
      const { sender, delivered } = await start(['gone@customer.example']);
      const result = await sender.send(
        mail({
          to: [
            { address: 'anna@customer.example', name: null },
            { address: 'gone@customer.example', name: null },
          ],
        }),
      );
      const [received] = await delivered(1);
      expect(result).toMatchObject({
        accepted: ['anna@customer.example'],
        rejected: ['gone@customer.example'],
      });
      expect(received?.envelope.recipients).toEqual(['anna@customer.example']);
    });

    it('throws a permanent EmailSendError, and delivers nothing, when every recipient is refused', async () => {
      const { sender, delivered } = await start(['gone@customer.example']);
      const refused = mail({ to: [{ address: 'gone@customer.example', name: null }], subject: 'refused' });
      const error = await sender.send(refused).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmailSendError);
      expect(error).toMatchObject({ permanent: true, rejected: ['gone@customer.example'] });
      // Mails go out in order, so once a later one has arrived the refused one never will.
      await sender.send(mail({ subject: 'accepted' }));
      const received = await delivered(1);
      expect(received.map((m) => m.subject)).toEqual(['accepted']);
    });

    it('sends several mails one after the other on the same sender', async () => {
      const { sender, delivered } = await start();
      for (const n of [1, 2, 3]) await sender.send(mail({ subject: `Mail ${n}` }));
      const received = await delivered(3);
      expect(received.map((m) => m.subject)).toEqual(['Mail 1', 'Mail 2', 'Mail 3']);
    });
  });
}
