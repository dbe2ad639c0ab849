import { randomUUID } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import pino from 'pino';
import type { Ctx, Services } from '../app/context.js';
import { acceptsInboxAddress, receiveEmail } from '../app/conversations/receive-email.js';
import { createInbox } from '../app/inboxes/create-inbox.js';
import { startSmtpReceiver } from '../channels/email/index.js';
import { inTenant } from '../db/scope.js';

/**
 * Afterdesk's own SMTP receiver on a free loopback port, wired to `receiveEmail` as the
 * server wires it, and a nodemailer client that sends to it: mail in, over real SMTP.
 */
export async function startMailDesk(services: Services) {
  const receiver = await startSmtpReceiver({
    port: 0,
    host: '127.0.0.1',
    closeTimeoutMs: 1_000,
    log: pino({ level: 'silent' }),
    acceptsRecipient: (address) => acceptsInboxAddress(services, address),
    deliver: async (mail) => {
      await receiveEmail(services, mail);
    },
  });
  const client = nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false });
  return {
    port: receiver.port,
    send: (mail: SendMailOptions) => client.sendMail(mail),
    close: async () => {
      client.close();
      await receiver.close();
    },
  };
}
export type MailDesk = Awaited<ReturnType<typeof startMailDesk>>;

/** A new e-mail inbox of the tenant; the address is random, since addresses are unique across tenants and runs. */
export async function addEmailInbox(ctx: Ctx, label = 'support') {
  const address = `${label}-${randomUUID().slice(0, 8)}@shop.example`;
  const inbox = await createInbox(ctx, { channel: 'email', name: `Mail ${label}`, address });
  return { id: inbox.id, address };
}

/** A customer address no other test uses. */
export const customerAddress = (name: string) => `${name}-${randomUUID().slice(0, 8)}@customer.example`;

/** Every message of a case, in order, with the e-mail columns. */
export function messagesOf(services: Services, tenantId: string, caseId: string) {
  return inTenant(services.db, tenantId, (tx) =>
    tx.selectFrom('messages').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
  );
}

/** The cases of the customer with this address, oldest first. */
export function casesOf(services: Services, tenantId: string, email: string) {
  return inTenant(services.db, tenantId, (tx) =>
    tx
      .selectFrom('cases as c')
      .innerJoin('customers as p', 'p.id', 'c.customer_id')
      .selectAll('c')
      .select(['p.name as customer_name', 'p.email as customer_email'])
      .where('p.email', '=', email)
      .orderBy('c.created_at')
      .orderBy('c.number')
      .execute(),
  );
}

/**
 * A Postfix-style delivery status report returning `messageId`, the way MTAs send them:
 * the original's Message-ID only inside the returned message, not in In-Reply-To.
 */
export function bounceReport(messageId: string, to: string) {
  const boundary = 'b0unce';
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
    `To: ${to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <bounce-${Date.now()}@mx.customer.example>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered: <gone@customer.example>: User unknown',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.customer.example',
    '',
    'Final-Recipient: rfc822; gone@customer.example',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <gone@customer.example>: User unknown',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    '',
    `From: Shop <${to}>`,
    'To: gone@customer.example',
    'Subject: Re: Where is my parcel?',
    `Message-ID: ${messageId}`,
    '',
    'We have asked the carrier.',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
