import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import { inTenant } from '../../db/scope.js';
import type { LiveUpdate } from '../../live/live-bus.js';
import { newTenant, openTestDatabase, testServices } from '../../testing/harness.test-helpers.js';
import {
  addEmailInbox,
  bounceReport,
  casesOf,
  customerAddress,
  type MailDesk,
  messagesOf,
  startMailDesk,
} from '../../testing/mail-desk.test-helpers.js';
import { performCaseAction } from '../cases/perform-case-action.js';
import type { Services } from '../context.js';
import { postMessage } from './post-message.js';

// Mail into the help desk over real SMTP on loopback: the receiver the server runs, wired
// to receiveEmail, and nodemailer as the customer's mail server.

let handle: DatabaseHandle;
let services: Services;
let shop: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
let inbox: { id: string; address: string };
let otherInbox: { id: string; address: string };
let desk: MailDesk;

beforeAll(async () => {
  handle = await openTestDatabase();
  services = testServices(handle);
  shop = await newTenant(services, 'Mail Shop');
  other = await newTenant(services, 'Other Shop');
  inbox = await addEmailInbox(shop.ctx);
  otherInbox = await addEmailInbox(other.ctx);
  desk = await startMailDesk(services);
});

afterAll(async () => {
  await desk?.close();
  await handle?.db.destroy();
});

/** A customer's first mail: the case it opened and its stored Message-ID. */
async function firstMail(name: string, subject = 'Where is my parcel?') {
  const from = customerAddress(name);
  const messageId = `<${name}-${Date.now()}@mail.customer.example>`;
  await desk.send({ from: { name, address: from }, to: inbox.address, subject, text: 'Hello?', messageId });
  const [opened] = await casesOf(services, shop.tenantId, from);
  if (!opened) throw new Error('no case was opened');
  return { from, messageId, caseRow: opened };
}

/** An agent's e-mail reply on the case; its Message-ID as queued. */
async function agentReply(caseId: string, body = 'We have asked the carrier and will write again.') {
  await postMessage(shop.ctx, caseId, { body, channel: 'email' });
  const outbound = (await messagesOf(services, shop.tenantId, caseId)).filter(
    (m) => m.direction === 'outbound',
  );
  return outbound.at(-1)?.email_message_id as string;
}

describe('receiveEmail', () => {
  it('opens an inquiry for a first mail, with the customer created from From', async () => {
    const updates: LiveUpdate[] = [];
    const unsubscribe = services.live.subscribe(shop.tenantId, (update) => updates.push(update));
    const { from, messageId, caseRow } = await firstMail('anna');
    unsubscribe();
    // Triage reads the subject with the body ("Hello?" alone says nothing): a parcel question, in English.
    expect(caseRow).toMatchObject({
      kind: 'inquiry',
      category: 'logistics',
      channel: 'email',
      inbox_id: inbox.id,
      subject: 'Where is my parcel?',
      language: 'en',
      customer_name: 'anna',
      customer_email: from,
    });
    const [message] = await messagesOf(services, shop.tenantId, caseRow.id);
    expect(message).toMatchObject({
      direction: 'inbound',
      channel: 'email',
      author_type: 'customer',
      body: 'Hello?',
      subject: 'Where is my parcel?',
      email_message_id: messageId,
      automated: null,
    });
    expect(updates.map((u) => u.type)).toEqual(['case', 'message']);
  });

  it('threads a reply to our mail onto the same case, quote trimmed and the original kept', async () => {
    const { from, messageId, caseRow } = await firstMail('ben');
    const ours = await agentReply(caseRow.id);
    const text = `Thanks, that helps.\n\nOn Mon, 3 Jun 2024 at 10:12, Shop <${inbox.address}> wrote:\n> We have asked the carrier.`;
    await desk.send({
      from,
      to: inbox.address,
      subject: `Re: Where is my parcel? [#${caseRow.number}]`,
      text,
      inReplyTo: ours,
      references: [messageId, ours],
    });
    expect(await casesOf(services, shop.tenantId, from)).toHaveLength(1);
    const reply = (await messagesOf(services, shop.tenantId, caseRow.id)).at(-1);
    expect(reply).toMatchObject({ direction: 'inbound', body: 'Thanks, that helps.', in_reply_to: ours });
    expect(reply?.original_body).toContain('> We have asked the carrier.');
    expect(reply?.email_references).toEqual([messageId, ours]);
  });

  it('threads a reply that has only the case token in its subject', async () => {
    const { from, caseRow } = await firstMail('chen');
    await desk.send({
      from,
      to: inbox.address,
      subject: `AW: Where is my parcel? [#${caseRow.number}]`,
      text: 'Any news?',
    });
    expect(await casesOf(services, shop.tenantId, from)).toHaveLength(1);
    expect((await messagesOf(services, shop.tenantId, caseRow.id)).map((m) => m.body)).toEqual([
      'Hello?',
      'Any news?',
    ]);
  });

  it('gives a stranger who copies the case token a case of their own', async () => {
    const { caseRow } = await firstMail('dana');
    const stranger = customerAddress('mallory');
    await desk.send({
      from: stranger,
      to: inbox.address,
      subject: `Re: [#${caseRow.number}]`,
      text: 'Refund me',
    });
    expect(await messagesOf(services, shop.tenantId, caseRow.id)).toHaveLength(1);
    const [own] = await casesOf(services, shop.tenantId, stranger);
    expect(own?.id).not.toBe(caseRow.id);
    expect((await messagesOf(services, shop.tenantId, own?.id as string))[0]?.body).toBe('Refund me');
  });

  it('stores a mail delivered twice (an MTA retry) once', async () => {
    const from = customerAddress('emil');
    const mail = {
      from,
      to: inbox.address,
      subject: 'Twice',
      text: 'Once only',
      messageId: `<twice-${Date.now()}@x.example>`,
    };
    await desk.send(mail);
    await desk.send(mail);
    const [only] = await casesOf(services, shop.tenantId, from);
    expect(await casesOf(services, shop.tenantId, from)).toHaveLength(1);
    expect(await messagesOf(services, shop.tenantId, only?.id as string)).toHaveLength(1);
  });

  it('keeps an out-of-office as automated: no answer, no reopen, and no case of its own', async () => {
    const { from, caseRow } = await firstMail('fatima');
    const ours = await agentReply(caseRow.id);
    await performCaseAction(shop.ctx, caseRow.id, 'solve', {});
    const autoReply = { 'Auto-Submitted': 'auto-replied' };
    await desk.send({
      from,
      to: inbox.address,
      subject: 'Automatic reply: Where is my parcel?',
      text: 'I am away until Monday.',
      inReplyTo: ours,
      headers: autoReply,
    });
    const messages = await messagesOf(services, shop.tenantId, caseRow.id);
    expect(messages.at(-1)).toMatchObject({
      direction: 'inbound',
      automated: 'auto_reply',
      body: 'I am away until Monday.',
    });
    expect(messages.filter((m) => m.direction === 'outbound')).toHaveLength(1);
    const [after] = await casesOf(services, shop.tenantId, from);
    expect(after?.status).toBe('solved');

    const nobody = customerAddress('robot');
    await desk.send({
      from: nobody,
      to: inbox.address,
      subject: 'Out of office',
      text: 'Away',
      headers: autoReply,
    });
    expect(await casesOf(services, shop.tenantId, nobody)).toHaveLength(0);
  });

  it('marks our mail failed when a delivery status report returns it', async () => {
    const { caseRow } = await firstMail('gone');
    const ours = await agentReply(caseRow.id);
    const before = await messagesOf(services, shop.tenantId, caseRow.id);
    await desk.send({
      envelope: { from: 'mailer-daemon@mx.customer.example', to: [inbox.address] },
      raw: bounceReport(ours, inbox.address),
    });
    const after = await messagesOf(services, shop.tenantId, caseRow.id);
    expect(after).toHaveLength(before.length);
    const failed = after.find((m) => m.email_message_id === ours);
    expect(failed).toMatchObject({
      delivery_state: 'failed',
      delivery_error: "Bounced by the recipient's mail server (status 5.1.1)",
    });
    const events = await inTenant(services.db, shop.tenantId, (tx) =>
      tx
        .selectFrom('events')
        .select('type')
        .where('stream_id', '=', caseRow.id)
        .where('type', '=', 'message.delivery_failed')
        .execute(),
    );
    expect(events).toHaveLength(1);
  });

  it('refuses mail for an address that is no inbox (550) and stores nothing', async () => {
    const from = customerAddress('lost');
    const refused = await desk
      .send({ from, to: 'nobody@shop.example', subject: 'Hello', text: 'Hi' })
      .catch((e: { responseCode?: number }) => e);
    expect(refused).toMatchObject({ responseCode: 550 });
    expect(await casesOf(services, shop.tenantId, from)).toHaveLength(0);
    expect(await casesOf(services, other.tenantId, from)).toHaveLength(0);
  });

  it("files mail in the inbox's own tenant only, whatever it names of another", async () => {
    const { from, caseRow } = await firstMail('hana');
    const ours = await agentReply(caseRow.id);
    await desk.send({
      from,
      to: otherInbox.address,
      subject: `Re: [#${caseRow.number}]`,
      text: 'To the other shop',
      inReplyTo: ours,
    });
    expect(await messagesOf(services, shop.tenantId, caseRow.id)).toHaveLength(2);
    const [there] = await casesOf(services, other.tenantId, from);
    expect(there).toMatchObject({ inbox_id: otherInbox.id });
    expect(there?.id).not.toBe(caseRow.id);

    const both = customerAddress('ivo');
    await desk.send({
      from: both,
      to: [inbox.address, otherInbox.address],
      subject: 'To both',
      text: 'Hi both',
    });
    expect(await casesOf(services, shop.tenantId, both)).toHaveLength(1);
    expect(await casesOf(services, other.tenantId, both)).toHaveLength(1);
  });

  it('keeps a photo as evidence on the message, without its metadata, and notes a file it could not keep', async () => {
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Jana Novakova' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const from = customerAddress('jana');
    await desk.send({
      from,
      to: inbox.address,
      subject: 'Broken on arrival',
      text: 'See the photo.',
      attachments: [
        { filename: 'broken.jpg', content: photo, contentType: 'image/jpeg' },
        {
          filename: 'setup.exe',
          content: Buffer.from('MZ not a photo'),
          contentType: 'application/octet-stream',
        },
      ],
    });
    const [opened] = await casesOf(services, shop.tenantId, from);
    const [message, note] = await messagesOf(services, shop.tenantId, opened?.id as string);
    const files = await inTenant(services.db, shop.tenantId, (tx) =>
      tx
        .selectFrom('evidence_files')
        .selectAll()
        .where('message_id', '=', message?.id as string)
        .execute(),
    );
    expect(files).toMatchObject([
      {
        case_id: opened?.id,
        original_name: 'broken.jpg',
        content_type: 'image/jpeg',
        uploaded_by_type: 'customer',
      },
    ]);
    const stored = await services.files.get(files[0]?.storage_key as string);
    expect((await sharp(stored?.bytes).metadata()).exif).toBeUndefined();
    expect(note).toMatchObject({ direction: 'note', author_type: 'system' });
    expect(note?.body).toContain('"setup.exe"');
  });
});
