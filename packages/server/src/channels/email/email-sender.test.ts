import { describe, expect, it, onTestFinished } from 'vitest';
import { startSmtpSink } from '../../testing/smtp-sink.test-helpers.js';
import { describeEmailSender, type EmailSenderSetup } from './email-sender.contract.js';
import { EmailSendError, smtpSender } from './email-sender.js';

const overSmtp =
  (pool: boolean): EmailSenderSetup =>
  async ({ refuse }) => {
    const sink = await startSmtpSink({ acceptsRecipient: (address) => !refuse.includes(address) });
    const sender = smtpSender(sink.url, { pool });
    return {
      sender,
      delivered: (count) => sink.waitFor(count),
      close: async () => {
        await sender.close();
        await sink.close();
      },
    };
  };

describeEmailSender('smtpSender', overSmtp(false));
describeEmailSender('smtpSender, pooled', overSmtp(true));

describe('smtpSender', () => {
  const mail = {
    from: { address: 'support@shop.example', name: null },
    to: [{ address: 'anna@customer.example', name: null }],
    subject: 'Your return',
    text: 'Received.',
    messageId: '<retry-1@afterdesk.example>',
  };

  it('reports a temporary refusal (451) as worth retrying, and the retry goes through', async () => {
    const sink = await startSmtpSink();
    const sender = smtpSender(sink.url);
    onTestFinished(async () => {
      await sender.close();
      await sink.close();
    });
    sink.failNext();
    const error = await sender.send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ permanent: false, responseCode: 451 });
    await sender.send(mail);
    expect((await sink.waitFor(1)).map((m) => m.messageId)).toEqual(['<retry-1@afterdesk.example>']);
  });

  it('reports a server it cannot reach as worth retrying', async () => {
    const sink = await startSmtpSink();
    await sink.close();
    const sender = smtpSender(sink.url);
    onTestFinished(() => sender.close());
    const error = await sender.send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ permanent: false, responseCode: null });
  });

  it('reports a mail larger than the server takes (552) as permanent', async () => {
    const sink = await startSmtpSink({ maxBytes: 10_000 });
    const sender = smtpSender(sink.url);
    onTestFinished(async () => {
      await sender.close();
      await sink.close();
    });
    const attachments = [
      { filename: 'big.bin', contentType: 'application/octet-stream', content: Buffer.alloc(20_000) },
    ];
    const error = await sender.send({ ...mail, attachments }).catch((e: unknown) => e);
    expect(error).toMatchObject({ permanent: true, responseCode: 552 });
  });
});
