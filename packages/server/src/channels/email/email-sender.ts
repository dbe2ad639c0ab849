import nodemailer, { type NodemailerError } from 'nodemailer';
import type { EmailAddress } from './inbound-email.js';

/** A mail to send. Bodies and names may be any Unicode; encoding is the sender's job. */
export interface OutgoingEmail {
  from: EmailAddress;
  to: EmailAddress[];
  replyTo?: EmailAddress | null;
  subject: string;
  text: string;
  html?: string | null;
  /** `<id@domain>`, chosen by the caller so threading can be recorded before sending. */
  messageId: string;
  inReplyTo?: string | null;
  /** Message-IDs of the thread, oldest first, with angle brackets. */
  references?: string[];
  /** Extra headers, e.g. `'Auto-Submitted': 'auto-replied'`; a field above wins over a header of its name. */
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

export interface SendResult {
  /** The caller's Message-ID, as sent. */
  messageId: string;
  /** Recipients the server took, as given in `to`. */
  accepted: string[];
  /** Recipients the server refused while others were taken (when all are refused, send throws). */
  rejected: string[];
  /**
   * The Message-ID the provider gave the mail when it replaces ours (Amazon SES and
   * Microsoft 365 do): replies then refer to this one, so record it beside ours.
   */
  serverMessageId?: string;
}

/**
 * Sends mail. `send` resolves once the server has taken the mail for at least one
 * recipient and throws {@link EmailSendError} when it took it for none.
 */
export interface EmailSender {
  send(mail: OutgoingEmail): Promise<SendResult>;
  /** Ends open connections; the sender cannot be used afterwards. */
  close(): Promise<void>;
}

/** A mail that was not sent. `permanent` says whether sending the same mail again can help. */
export class EmailSendError extends Error {
  /** Stable code for the error mapping. */
  readonly code = 'email_send_failed';

  constructor(
    message: string,
    /** True when retrying the same mail would fail again (a 5xx reply, or a mail that cannot be built). */
    readonly permanent: boolean,
    /** The recipients the server refused. */
    readonly rejected: string[],
    /** The SMTP reply code, when the server gave one. */
    readonly responseCode: number | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'EmailSendError';
  }
}

/**
 * An {@link EmailSender} over SMTP. `url` is `smtp://user:pass@host:587` (STARTTLS when the
 * server offers it) or `smtps://user:pass@host:465`; `pool` keeps connections open
 * between mails, for a steady outgoing stream.
 */
export function smtpSender(url: string, { pool = false }: { pool?: boolean } = {}): EmailSender {
  const transport = nodemailer.createTransport({
    url,
    pool,
    // Content comes as buffers from our own code; a path or URL would only appear through a
    // bug or an injection, and must never make us read a local file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: address(mail.from),
          to: mail.to.map(address),
          ...(mail.replyTo ? { replyTo: address(mail.replyTo) } : {}),
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          messageId: mail.messageId,
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references?.length ? { references: mail.references } : {}),
          ...(mail.headers ? { headers: mail.headers } : {}),
          attachments: (mail.attachments ?? []).map(({ filename, contentType, content }) => ({
            filename,
            contentType,
            content,
          })),
          // Says nothing the recipient needs and tells an attacker which library we run.
          xMailer: false,
        });
        return {
          messageId: info.messageId,
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          ...(info.serverMessageId ? { serverMessageId: info.serverMessageId } : {}),
        };
      } catch (error) {
        throw toSendError(error as NodemailerError);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function address({ address, name }: EmailAddress) {
  return name ? { address, name } : address;
}

// Errors nodemailer raises before the server is asked, for a mail that can never be built
// or addressed as given.
const unsendable = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);

function toSendError(error: NodemailerError): EmailSendError {
  const responseCode = error.responseCode ?? null;
  const permanent = error.permanent ?? (responseCode === null && unsendable.has(error.code ?? ''));
  const what = [error.code, responseCode].filter(Boolean).join(' ');
  return new EmailSendError(
    `The mail was not sent (${what || 'unknown error'})`,
    permanent,
    error.rejected ?? [],
    responseCode,
    {
      cause: error,
    },
  );
}
