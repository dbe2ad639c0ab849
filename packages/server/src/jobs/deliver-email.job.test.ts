import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../app/context.js';
import { addMessage } from '../app/conversations/add-message.js';
import { postMessage } from '../app/conversations/post-message.js';
import { uploadEvidence } from '../app/evidence/upload-evidence.js';
import { type EmailSender, smtpSender } from '../channels/email/index.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { CaseRow } from '../db/schema.js';
import { inTenant } from '../db/scope.js';
import {
  newTenant,
  openTestDatabase,
  type TestClock,
  testServices,
} from '../testing/harness.test-helpers.js';
import {
  addEmailInbox,
  casesOf,
  customerAddress,
  type MailDesk,
  messagesOf,
  startMailDesk,
} from '../testing/mail-desk.test-helpers.js';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.test-helpers.js';
import { deliverQueuedEmail } from './deliver-email.job.js';
import { retryDelayMs } from './mail-delivery.js';

// Mail out and back over real SMTP: the job sends to a loopback sink, and the customer's
// answer goes into Afterdesk's own receiver. The queue is shared by every test on the
// database, so this file's clock stands in 2001: other files' mail is never due here.

const clock: TestClock = { now: new Date('2001-03-05T09:00:00Z') };
let handle: DatabaseHandle;
let services: Services;
let shop: Awaited<ReturnType<typeof newTenant>>;
let inbox: { id: string; address: string };
let desk: MailDesk;
let sink: SmtpSink;
let sender: EmailSender;

beforeAll(async () => {
  handle = await openTestDatabase();
  services = testServices(handle, clock);
  shop = await newTenant(services, 'Mail Shop');
  inbox = await addEmailInbox(shop.ctx);
  desk = await startMailDesk(services);
  // The customer's mail server: it refuses addresses that start with "gone-".
  sink = await startSmtpSink({ acceptsRecipient: (address) => !address.startsWith('gone-') });
  sender = smtpSender(sink.url);
});

afterAll(async () => {
  await sender?.close();
  await sink?.close();
  await desk?.close();
  await handle?.db.destroy();
});

const later = (ms: number) => new Date(clock.now.getTime() + ms);

/** A customer's mail that opened a case, and the agent's e-mail reply to it, queued. */
async function conversation(name: string, body = 'Your parcel left our warehouse today.') {
  const from = customerAddress(name);
  const messageId = `<${name}-${Date.now()}@mail.customer.example>`;
  await desk.send({ from, to: inbox.address, subject: 'Where is my parcel?', text: 'Hello?', messageId });
  const [opened] = await casesOf(services, shop.tenantId, from);
  const caseRow = opened as CaseRow;
  await postMessage(shop.ctx, caseRow.id, { body, channel: 'email' });
  const reply = (await messagesOf(services, shop.tenantId, caseRow.id)).at(-1);
  return { from, messageId, caseRow, reply: reply as NonNullable<typeof reply> };
}

const stateOf = async (messageId: string) =>
  inTenant(services.db, shop.tenantId, (tx) =>
    tx.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow(),
  );

describe('deliverQueuedEmail', () => {
  it('sends an agent reply threaded to the customer, and their answer to it threads back', async () => {
    const { from, messageId, caseRow, reply } = await conversation('anna');
    const received = sink.messages.length;
    expect(await deliverQueuedEmail(services, sender)).toEqual({ sent: 1, failed: 0, retried: 0 });
    const mail = (await sink.waitFor(received + 1))[received];
    expect(mail).toMatchObject({
      from: { address: inbox.address, name: 'Mail Shop' },
      to: [{ address: from }],
      subject: `Re: Where is my parcel? [#${caseRow.number}]`,
      messageId: reply.email_message_id,
      inReplyTo: messageId,
      references: [messageId],
    });
    expect(mail?.text?.trim()).toBe('Your parcel left our warehouse today.');
    expect(mail?.headers['x-afterdesk-case']).toBe(String(caseRow.number));
    expect(mail?.headers['auto-submitted']).toBeUndefined();
    expect(await stateOf(reply.id)).toMatchObject({ delivery_state: 'sent', sent_at: clock.now });

    await desk.send({
      from,
      to: inbox.address,
      subject: `Re: ${mail?.subject}`,
      text: `Thank you!\n\nOn Mon, 5 Mar 2001 at 10:00, Mail Shop <${inbox.address}> wrote:\n> Your parcel left`,
      inReplyTo: mail?.messageId as string,
      references: [...(mail?.references ?? []), mail?.messageId as string],
    });
    expect(await casesOf(services, shop.tenantId, from)).toHaveLength(1);
    expect((await messagesOf(services, shop.tenantId, caseRow.id)).map((m) => m.body)).toEqual([
      'Hello?',
      'Your parcel left our warehouse today.',
      'Thank you!',
    ]);
  });

  it('keeps a mail refused for now (451) queued and retries it after a back-off', async () => {
    const { reply } = await conversation('ben');
    const received = sink.messages.length;
    sink.failNext();
    expect(await deliverQueuedEmail(services, sender)).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await stateOf(reply.id);
    expect(waiting).toMatchObject({
      delivery_state: 'queued',
      delivery_attempts: 1,
      next_attempt_at: later(60_000),
    });
    expect(waiting.delivery_error).toMatch(/451/);
    expect(await deliverQueuedEmail(services, sender, { now: later(59_000) })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
    expect(await deliverQueuedEmail(services, sender, { now: later(60_000) })).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });
    expect(sink.messages.slice(received).map((m) => m.messageId)).toEqual([reply.email_message_id]);
  });

  it('backs off 1 min, 2, 4 … up to 6 h', () => {
    expect([1, 2, 3, 4, 9, 20].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([
      1, 2, 4, 8, 256, 360,
    ]);
  });

  it('marks a mail failed when the server refuses it for good, without the address in the error', async () => {
    const { caseRow, reply } = await conversation('gone');
    expect(await deliverQueuedEmail(services, sender)).toEqual({ sent: 0, failed: 1, retried: 0 });
    const failed = await stateOf(reply.id);
    expect(failed).toMatchObject({ delivery_state: 'failed', next_attempt_at: null });
    expect(failed.delivery_error).toMatch(/550/);
    expect(failed.delivery_error).not.toContain('@');
    const events = await inTenant(services.db, shop.tenantId, (tx) =>
      tx
        .selectFrom('events')
        .select('data')
        .where('stream_id', '=', caseRow.id)
        .where('type', '=', 'message.delivery_failed')
        .execute(),
    );
    expect(events).toHaveLength(1);
  });

  it('gives up after the 8th temporary failure', async () => {
    const { reply } = await conversation('carl');
    const results = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      sink.failNext();
      results.push(await deliverQueuedEmail(services, sender, { now: later(attempt * 7 * 3600_000) }));
    }
    expect(results.map((r) => r.retried + 2 * r.failed)).toEqual([1, 1, 1, 1, 1, 1, 1, 2]);
    expect(await stateOf(reply.id)).toMatchObject({ delivery_state: 'failed', delivery_attempts: 8 });
    expect((await stateOf(reply.id)).delivery_error).toMatch(/^Gave up after 8 attempts/);
  });

  it('sends a mail once, however many workers run at the same time', async () => {
    const { reply } = await conversation('dora');
    const received = sink.messages.length;
    const runs = await Promise.all([1, 2, 3].map(() => deliverQueuedEmail(services, sender)));
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(await deliverQueuedEmail(services, sender, { now: later(3600_000) })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
    expect(sink.messages.slice(received).map((m) => m.messageId)).toEqual([reply.email_message_id]);
  });

  it('marks an automatic notice Auto-Submitted, so auto-responders leave it alone', async () => {
    const { from, caseRow } = await conversation('emma');
    await deliverQueuedEmail(services, sender);
    const received = sink.messages.length;
    await inTenant(services.db, shop.tenantId, async (tx) => {
      const fresh = (await tx
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', caseRow.id)
        .executeTakeFirstOrThrow()) as CaseRow;
      await addMessage(
        services,
        tx,
        fresh,
        {
          direction: 'outbound',
          channel: 'email',
          author: { type: 'system', id: null },
          body: 'Your case is solved.',
        },
        from,
      );
    });
    expect(await deliverQueuedEmail(services, sender)).toMatchObject({ sent: 1 });
    const [notice] = (await sink.waitFor(received + 1)).slice(received);
    expect(notice?.headers['auto-submitted']).toBe('auto-replied');
  });

  it("sends the message's files as attachments", async () => {
    const { caseRow } = await conversation('finn');
    await deliverQueuedEmail(services, sender);
    const received = sink.messages.length;
    const label = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const file = await uploadEvidence(shop.ctx, { bytes: label, fileName: 'label.png', caseId: caseRow.id });
    await postMessage(shop.ctx, caseRow.id, {
      body: 'Your label.',
      channel: 'email',
      attachmentIds: [file.id],
    });
    await deliverQueuedEmail(services, sender);
    const [mail] = (await sink.waitFor(received + 1)).slice(received);
    expect(mail?.attachments.map((a) => [a.filename, a.contentType, a.content.length])).toEqual([
      ['label.png', 'image/png', file.sizeBytes],
    ]);
  });
});
