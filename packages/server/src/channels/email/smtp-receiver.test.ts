import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import nodemailer from 'nodemailer';
import pino from 'pino';
import getTLSOptions from 'smtp-server/lib/tls-options';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { InboundEmail } from './inbound-email.js';
import { type SmtpReceiverOptions, startSmtpReceiver } from './smtp-receiver.js';

const inboxes = ['support@shop.example', 'returns@shop.example'];

/** A receiver on a free loopback port that knows two inboxes, with what it delivered and logged. */
async function start(overrides: Partial<SmtpReceiverOptions> = {}) {
  const delivered: InboundEmail[] = [];
  const asked: string[] = [];
  const logs: string[] = [];
  const receiver = await startSmtpReceiver({
    port: 0,
    host: '127.0.0.1',
    closeTimeoutMs: 1_000,
    log: pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    ),
    acceptsRecipient: async (address) => {
      asked.push(address);
      return inboxes.includes(address);
    },
    deliver: async (mail) => {
      delivered.push(mail);
    },
    ...overrides,
  });
  const client = nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false });
  onTestFinished(async () => {
    client.close();
    await receiver.close();
  });
  return { receiver, client, delivered, asked, logs };
}

const sendFailure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: Error & { responseCode?: number }) => error,
  );

describe('startSmtpReceiver', () => {
  it('delivers a mail with every field parsed', async () => {
    const { client, delivered } = await start();
    await client.sendMail({
      envelope: { from: 'Bounces+anna@Customer.Example', to: ['Support@Shop.Example'] },
      from: { name: 'Anna Berg', address: 'Anna@Customer.Example' },
      to: [{ name: 'Shop Support', address: 'support@shop.example' }, 'friend@customer.example'],
      cc: [{ name: 'Ben Berg', address: 'ben@customer.example' }],
      replyTo: 'anna.private@customer.example',
      subject: 'Re: Rücksendung 10023',
      text: 'Where is my refund?\n',
      html: '<p>Where is my <b>refund</b>?</p>',
      messageId: '<reply-2@mail.customer.example>',
      inReplyTo: '<case-10023.reply-1@afterdesk.example>',
      references: ['<first@mail.customer.example>', '<case-10023.reply-1@afterdesk.example>'],
      date: new Date('2026-01-15T09:30:00Z'),
      headers: { 'X-Mailer': 'Thunderbird' },
    });
    expect(delivered).toHaveLength(1);
    const [mail] = delivered;
    expect(mail).toMatchObject({
      envelope: { from: 'bounces+anna@customer.example', recipients: ['support@shop.example'] },
      from: { address: 'anna@customer.example', name: 'Anna Berg' },
      to: [
        { address: 'support@shop.example', name: 'Shop Support' },
        { address: 'friend@customer.example', name: null },
      ],
      cc: [{ address: 'ben@customer.example', name: 'Ben Berg' }],
      replyTo: { address: 'anna.private@customer.example', name: null },
      subject: 'Re: Rücksendung 10023',
      text: 'Where is my refund?\n',
      html: '<p>Where is my <b>refund</b>?</p>',
      messageId: '<reply-2@mail.customer.example>',
      inReplyTo: '<case-10023.reply-1@afterdesk.example>',
      references: ['<first@mail.customer.example>', '<case-10023.reply-1@afterdesk.example>'],
      date: new Date('2026-01-15T09:30:00Z'),
      attachments: [],
    });
    expect(mail?.headers['x-mailer']).toBe('Thunderbird');
    expect(mail?.contentType).toBe('multipart/alternative');
    expect(mail?.sizeBytes).toBeGreaterThan(500);
  });

  it('derives the text of a mail sent as HTML only', async () => {
    const { client, delivered } = await start();
    await client.sendMail({
      from: 'anna@customer.example',
      to: 'support@shop.example',
      subject: 'HTML only',
      html: '<h1>Order 10023</h1><p>The zip is <b>broken</b>.</p>',
    });
    expect(delivered[0]?.html?.trim()).toBe('<h1>Order 10023</h1><p>The zip is <b>broken</b>.</p>');
    expect(delivered[0]?.text).toMatch(/ORDER 10023[\s\S]*The zip is broken\./i);
  });

  it('refuses an unknown recipient with 550 at RCPT TO and delivers nothing', async () => {
    const { client, delivered, asked } = await start();
    const error = await sendFailure(
      client.sendMail({ from: 'anna@customer.example', to: 'Nobody@Shop.Example', subject: 'x', text: 'x' }),
    );
    expect(error?.responseCode).toBe(550);
    expect(asked).toEqual(['nobody@shop.example']);
    expect(delivered).toEqual([]);
  });

  it('delivers to the known recipients of a mail that also names unknown ones', async () => {
    const { client, delivered } = await start();
    const info = await client.sendMail({
      from: 'anna@customer.example',
      to: ['support@shop.example', 'nobody@shop.example', 'returns@shop.example'],
      subject: 'x',
      text: 'x',
    });
    expect(info.rejected).toEqual(['nobody@shop.example']);
    expect(delivered.map((mail) => mail.envelope.recipients)).toEqual([
      ['support@shop.example', 'returns@shop.example'],
    ]);
  });

  it('refuses a mail over the size limit with 552 and delivers nothing', async () => {
    const { client, delivered } = await start({ maxBytes: 50_000 });
    const error = await sendFailure(
      client.sendMail({
        from: 'anna@customer.example',
        to: 'support@shop.example',
        subject: 'Photos',
        text: 'See attached.',
        attachments: [{ filename: 'photo.jpg', content: Buffer.alloc(100_000, 1) }],
      }),
    );
    expect(error?.responseCode).toBe(552);
    expect(delivered).toEqual([]);
  });

  it('answers 451 when delivering fails, so the sending server retries, and takes the retry', async () => {
    let failures = 1;
    const delivered: InboundEmail[] = [];
    const { client, logs } = await start({
      deliver: async (mail) => {
        if (failures-- > 0) throw new Error('database unavailable for anna@customer.example');
        delivered.push(mail);
      },
    });
    const mail = {
      from: 'anna@customer.example',
      to: 'support@shop.example',
      subject: 'Refund',
      text: 'Hello',
    };
    const error = await sendFailure(client.sendMail(mail));
    expect(error?.responseCode).toBe(451);
    await client.sendMail(mail);
    expect(delivered.map((m) => m.subject)).toEqual(['Refund']);
    expect(logs.join('')).toContain('delivery failed');
  });

  it('answers 451 at RCPT TO when the recipient check fails', async () => {
    const { client, delivered } = await start({
      acceptsRecipient: async () => {
        throw new Error('database unavailable');
      },
    });
    const error = await sendFailure(
      client.sendMail({ from: 'anna@customer.example', to: 'support@shop.example', subject: 'x', text: 'x' }),
    );
    expect(error?.responseCode).toBe(451);
    expect(delivered).toEqual([]);
  });

  it('keeps a delivery status notification recognisable: null sender, report type, status part, original', async () => {
    const { client, delivered } = await start();
    // A bounce as Postfix writes it: human part, machine part, and the returned original.
    const eml = readFileSync(new URL('./fixtures/postfix-bounce.eml', import.meta.url), 'utf8');
    const raw = Buffer.from(eml.replace(/\r?\n/g, '\r\n'));
    await client.sendMail({ envelope: { from: '', to: ['support@shop.example'] }, raw });
    const [mail] = delivered;
    expect(mail).toMatchObject({
      envelope: { from: null, recipients: ['support@shop.example'] },
      from: { address: 'mailer-daemon@mx.customer.example', name: 'Mail Delivery System' },
      subject: 'Undelivered Mail Returned to Sender',
      contentType: 'multipart/report; report-type=delivery-status',
      messageId: '<20260115093012.4A1B2C3D@mx.customer.example>',
      sizeBytes: raw.length,
    });
    expect(mail?.headers).toMatchObject({ 'auto-submitted': 'auto-replied', 'return-path': '<>' });
    expect(mail?.headers['content-type']).toMatch(/^multipart\/report; report-type=delivery-status;/);
    expect(mail?.text).toContain('could not be delivered');
    const [status, original] = mail?.attachments ?? [];
    expect(status?.contentType).toBe('message/delivery-status');
    expect(status?.content.toString()).toMatch(
      /Final-Recipient: rfc822; gone@customer\.example[\s\S]*Status: 5\.1\.1/,
    );
    expect(original?.contentType).toBe('message/rfc822');
    expect(original?.content.toString()).toContain('Message-ID: <case-10023.reply-1@afterdesk.example>');
  });

  it('keeps the headers that mark an auto-reply', async () => {
    const { client, delivered } = await start();
    await client.sendMail({
      from: 'anna@customer.example',
      to: 'support@shop.example',
      subject: 'Out of office: Re: Your return 10023',
      text: 'I am away until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes', Precedence: 'auto_reply' },
    });
    expect(delivered[0]?.headers).toMatchObject({
      'auto-submitted': 'auto-replied',
      'x-autoreply': 'yes',
      precedence: 'auto_reply',
    });
  });

  it('delivers attachments byte for byte, an inline image with its Content-ID', async () => {
    const { client, delivered } = await start();
    const pdf = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 13 + (i >> 9)) % 256));
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await client.sendMail({
      from: 'anna@customer.example',
      to: 'support@shop.example',
      subject: 'Damaged item',
      text: 'Photo and invoice attached.',
      html: '<p>Photo: <img src="cid:photo-1@customer.example"></p>',
      attachments: [
        { filename: 'Rechnung 10023.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'photo.png', content: png, contentType: 'image/png', cid: 'photo-1@customer.example' },
      ],
    });
    const [mail] = delivered;
    expect(mail?.html).toContain('src="cid:photo-1@customer.example"');
    const named = (filename: string) => mail?.attachments.find((a) => a.filename === filename);
    expect(mail?.attachments).toHaveLength(2);
    expect(named('Rechnung 10023.pdf')).toMatchObject({ contentType: 'application/pdf', contentId: null });
    expect(named('photo.png')).toMatchObject({
      contentType: 'image/png',
      contentId: 'photo-1@customer.example',
    });
    expect(named('Rechnung 10023.pdf')?.content.equals(pdf)).toBe(true);
    expect(named('photo.png')?.content.equals(png)).toBe(true);
  });

  it('carries on after a client hangs up in the middle of a message', async () => {
    const { receiver, client, delivered, logs } = await start();
    const socket = connect(receiver.port, '127.0.0.1');
    const replies: string[] = [];
    socket.on('data', (chunk) => replies.push(String(chunk)));
    const reply = async (code: string) => {
      while (!replies.join('').includes(`\n${code} `) && !replies.join('').startsWith(`${code} `)) {
        await once(socket, 'data');
      }
      replies.length = 0;
    };
    await reply('220');
    for (const [command, code] of [
      ['EHLO client.example', '250'],
      ['MAIL FROM:<anna@customer.example>', '250'],
      ['RCPT TO:<support@shop.example>', '250'],
      ['DATA', '354'],
    ] as const) {
      socket.write(`${command}\r\n`);
      await reply(code);
    }
    socket.write('Subject: cut short\r\n\r\nThe first half of');
    socket.destroy();
    await client.sendMail({
      from: 'anna@customer.example',
      to: 'support@shop.example',
      subject: 'whole',
      text: 'x',
    });
    expect(delivered.map((mail) => mail.subject)).toEqual(['whole']);
    // The half-read message was given up, not left waiting for bytes that never come.
    await vi.waitFor(() => expect(logs.join('')).toContain('client left mid-message'));
  });

  it('logs no addresses, subjects or bodies', async () => {
    const failing = await start({
      deliver: async () => {
        throw new Error('duplicate key for anna@customer.example');
      },
    });
    const mail = {
      from: 'anna@customer.example',
      to: 'support@shop.example',
      subject: 'Secret subject',
      text: 'Secret body',
      messageId: '<anna.berg.1990@customer.example>',
    };
    await sendFailure(failing.client.sendMail(mail));
    const working = await start();
    await working.client.sendMail(mail);
    const logs = [...failing.logs, ...working.logs].join('');
    expect(logs).toContain('message received');
    expect(logs).toContain('delivery failed');
    expect(logs).not.toMatch(/anna|customer\.example|shop\.example|Secret/i);
  });

  it('offers STARTTLS only when given a certificate', async () => {
    const plain = await start();
    const requireTls = (port: number) =>
      nodemailer.createTransport({
        host: '127.0.0.1',
        port,
        requireTLS: true,
        tls: { rejectUnauthorized: false },
      });
    const mail = { from: 'anna@customer.example', to: 'support@shop.example', subject: 'x', text: 'x' };
    expect(await sendFailure(requireTls(plain.receiver.port).sendMail(mail))).toBeInstanceOf(Error);

    // smtp-server's built-in test certificate: its key is public, fine for a test only.
    const { key, cert } = getTLSOptions();
    const secured = await start({ tls: { key: key as string, cert: cert as string } });
    await requireTls(secured.receiver.port).sendMail(mail);
    expect(secured.delivered).toHaveLength(1);
  });
});
