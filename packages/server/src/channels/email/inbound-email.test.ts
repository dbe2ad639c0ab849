import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { logHash, parseEmail } from './inbound-email.js';

const message = (...lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseEmail', () => {
  it('lower-cases the envelope and reads the null sender as null', async () => {
    const mail = await parseEmail(message('Subject: x', '', 'x'), {
      from: '',
      recipients: ['Support@Shop.Example'],
    });
    expect(mail.envelope).toEqual({ from: null, recipients: ['support@shop.example'] });
  });

  it('reads display names in encoded-words and the members of a group', async () => {
    const mail = await parseEmail(
      message(
        'From: =?UTF-8?B?546L5bCP5piO?= <Wang@Customer.Example>',
        'To: Returns team: a@shop.example, "Müller, Jan" <b@shop.example>;, c@shop.example',
        '',
        'x',
      ),
    );
    expect(mail.from).toEqual({ address: 'wang@customer.example', name: '王小明' });
    expect(mail.to).toEqual([
      { address: 'a@shop.example', name: null },
      { address: 'b@shop.example', name: 'Müller, Jan' },
      { address: 'c@shop.example', name: null },
    ]);
  });

  it('gives a single reference as a list, and nulls for what the mail does not say', async () => {
    const mail = await parseEmail(message('References: <only@x.example>', '', 'x'));
    expect(mail).toMatchObject({
      references: ['<only@x.example>'],
      from: null,
      replyTo: null,
      subject: null,
      messageId: null,
      inReplyTo: null,
      date: null,
      html: null,
      contentType: null,
    });
  });

  it('reads an unreadable Date header as null, not as the current time', async () => {
    const mail = await parseEmail(message('Date: the day after tomorrow', '', 'x'));
    expect(mail.date).toBeNull();
    expect(mail.headers.date).toBe('the day after tomorrow');
  });

  it('keeps header values raw and unfolded, the first of a repeated header, and odd names as headers', async () => {
    const mail = await parseEmail(
      message(
        'Received: from b.example by shop.example',
        'Received: from a.example by b.example',
        'Subject: =?UTF-8?Q?R=C3=BCcksendung?=',
        'List-Id: Customer',
        '\tnewsletter <news.customer.example>',
        'Constructor: yes',
        '__proto__: yes',
        '',
        'x',
      ),
    );
    expect(mail.headers.received).toBe('from b.example by shop.example');
    expect(mail.headers.subject).toBe('=?UTF-8?Q?R=C3=BCcksendung?=');
    expect(mail.subject).toBe('Rücksendung');
    expect(mail.headers['list-id']).toBe('Customer\tnewsletter <news.customer.example>');
    expect(mail.headers.constructor).toBe('yes');
    expect(Object.keys(mail.headers)).toContain('__proto__');
  });

  it('drops the boundary from the content type and keeps the other parameters', async () => {
    const mail = await parseEmail(
      message(
        'Content-Type: Multipart/Report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'bounced',
        '--b1--',
      ),
    );
    expect(mail.contentType).toBe('multipart/report; report-type=delivery-status');
  });

  it('counts the raw size, from a buffer or a stream', async () => {
    const raw = message('Subject: size', '', 'x'.repeat(100_000));
    expect((await parseEmail(raw)).sizeBytes).toBe(raw.length);
    expect((await parseEmail(Readable.from([raw.subarray(0, 1000), raw.subarray(1000)]))).sizeBytes).toBe(
      raw.length,
    );
  });

  it('fails when the stream fails, instead of returning half a message', async () => {
    const source = new PassThrough();
    const parsing = parseEmail(source);
    source.write('Subject: cut\r\n\r\nhalf');
    source.destroy(new Error('connection reset'));
    await expect(parsing).rejects.toThrow('connection reset');
  });
});

describe('logHash', () => {
  it('is short, stable and does not contain the value', () => {
    const hash = logHash('<anna.berg@customer.example>');
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(logHash('<anna.berg@customer.example>')).toBe(hash);
    expect(logHash(null)).toBeNull();
  });
});
