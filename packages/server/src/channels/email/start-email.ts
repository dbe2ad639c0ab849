import type { Services } from '../../app/context.js';
import { acceptsInboxAddress, receiveEmail } from '../../app/conversations/receive-email.js';
import { type EmailSender, smtpSender } from './email-sender.js';
import { type SmtpReceiver, startSmtpReceiver } from './smtp-receiver.js';

/** The e-mail channel of a running server: what it listens on and sends through. */
export interface EmailChannel {
  /** The inbound SMTP receiver; null when `smtpPort` is -1. */
  receiver: SmtpReceiver | null;
  /** The outbound sender for the delivery job; null without `smtpUrl` (mail stays queued). */
  sender: EmailSender | null;
  /** Where inbound and outbound mail go, for the start-up banner (never a password). */
  describe(): { inbound: string; outbound: string };
  close(): Promise<void>;
}

/**
 * Starts receiving mail for the inboxes of every tenant (when `smtpPort` >= 0) and opens
 * the outbound sender (when `smtpUrl` is set).
 */
export async function startEmailChannel(services: Services): Promise<EmailChannel> {
  const { config } = services;
  const log = services.log.child({ channel: 'email' });
  const receiver =
    config.smtpPort >= 0
      ? await startSmtpReceiver({
          port: config.smtpPort,
          host: config.smtpHost,
          log,
          acceptsRecipient: (address) => acceptsInboxAddress(services, address),
          deliver: async (mail) => {
            await receiveEmail({ ...services, log }, mail);
          },
        })
      : null;
  // Pooled: the delivery job sends in bursts, and a new TLS session per mail is slow.
  const sender = config.smtpUrl ? smtpSender(config.smtpUrl, { pool: true }) : null;
  return {
    receiver,
    sender,
    describe: () => ({
      inbound: receiver ? `smtp://${config.smtpHost}:${receiver.port}` : 'off (AFTERDESK_SMTP_PORT=-1)',
      outbound: config.smtpUrl ? serverOf(config.smtpUrl) : 'kept queued (set AFTERDESK_SMTP_URL to send)',
    }),
    close: async () => {
      await Promise.all([receiver?.close(), sender?.close()]);
    },
  };
}

// The URL without its user and password.
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'the configured server';
  }
}
