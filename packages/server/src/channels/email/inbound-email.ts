import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type AddressObject,
  type HeaderLines,
  type EmailAddress as ParsedAddress,
  type ParsedMail,
  type StructuredHeader,
  simpleParser,
} from 'mailparser';

/** One mailbox of an address header. */
export interface EmailAddress {
  /** Lower-cased, so addresses compare with `===`. */
  address: string;
  /** The display name, decoded; `null` when the header gave none. */
  name: string | null;
}

/** The SMTP envelope: who the sending server says the mail is from and for, whatever the headers say. */
export interface InboundEnvelope {
  /** MAIL FROM, lower-cased; `null` for the null sender `<>`, which bounces and other DSNs use. */
  from: string | null;
  /** RCPT TO, lower-cased: the inbox addresses this copy was delivered to (Bcc included). */
  recipients: string[];
}

/**
 * A received mail, normalised for the use cases: plain values, no parser types. Everything
 * a sender wrote is untrusted input, headers included.
 */
export interface InboundEmail {
  envelope: InboundEnvelope;
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  replyTo: EmailAddress | null;
  /** Decoded (encoded-words resolved). */
  subject: string | null;
  /** The plain-text body; derived from the HTML when the mail had only HTML. */
  text: string | null;
  /** The HTML body as sent, `cid:` links kept (see `attachments[].contentId`); not sanitised. */
  html: string | null;
  /** With angle brackets as in the header, e.g. `<abc@x>`. */
  messageId: string | null;
  inReplyTo: string | null;
  /** Message-IDs of the References header, oldest first, with angle brackets. */
  references: string[];
  /** The Date header; `null` when missing or unreadable (never "now" in disguise). */
  date: Date | null;
  /**
   * Lower-case header names → the header's raw value, unfolded and not decoded, for
   * auto-reply and bounce detection (`auto-submitted`, `precedence`, `x-autoreply`,
   * `list-id`, `return-path`, `content-type`…). A repeated header keeps its first (topmost)
   * occurrence. A prototype-less object.
   */
  headers: Record<string, string>;
  /**
   * The top-level media type, lower-cased, with its parameters but without the boundary,
   * e.g. `multipart/report; report-type=delivery-status`; `null` when the header is missing.
   */
  contentType: string | null;
  /**
   * Every non-body part. A DSN's `message/delivery-status` part is one (so its fields can be
   * read), as is the returned original (`message/rfc822` or `text/rfc822-headers`).
   */
  attachments: InboundAttachment[];
  /** The raw message size in bytes, as received. */
  sizeBytes: number;
}

export interface InboundAttachment {
  filename: string | null;
  /** Lower-cased media type, without parameters. */
  contentType: string;
  content: Buffer;
  /** Content-ID without angle brackets, which `cid:` links in the HTML refer to; `null` when none. */
  contentId: string | null;
}

const noEnvelope: InboundEnvelope = { from: null, recipients: [] };

/**
 * Parses a raw RFC 5322 message (a buffer, or a stream such as SMTP DATA) into an
 * {@link InboundEmail}. The whole message is read; attachments are held in memory, so
 * callers bound the size first.
 */
export async function parseEmail(
  raw: Buffer | NodeJS.ReadableStream,
  envelope: InboundEnvelope = noEnvelope,
): Promise<InboundEmail> {
  let sizeBytes = 0;
  let parsed: ParsedMail;
  if (Buffer.isBuffer(raw)) {
    sizeBytes = raw.length;
    parsed = await simpleParser(raw, parserOptions);
  } else {
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    const piping = pipeline(raw, counter);
    // Awaited below; this only keeps a source failing after a parser failure from becoming
    // an unhandled rejection.
    piping.catch(() => {});
    try {
      parsed = await simpleParser(counter, parserOptions);
    } catch (error) {
      // Read the rest and drop it: the sender (an SMTP client) is still writing.
      counter.resume();
      throw error;
    }
    await piping;
  }
  return normalise(parsed, envelope, sizeBytes);
}

const parserOptions = {
  // cid: links stay as sent; by default mailparser inlines every image as a data: URL,
  // storing each image twice and making the HTML as big as the attachments.
  keepCidLinks: true,
  // A DSN's machine-readable part stays a part of its own instead of being glued onto
  // the text, so bounce handling can read Status and Final-Recipient from it.
  keepDeliveryStatus: true,
  // Nothing uses them, and hashing every attachment costs time on large mail.
  checksumAlgo: false,
  skipTextToHtml: true,
} as const;

function normalise(parsed: ParsedMail, envelope: InboundEnvelope, sizeBytes: number): InboundEmail {
  const headers = rawHeaders(parsed.headerLines ?? []);
  const dateHeader = headers.date;
  const date = dateHeader === undefined ? null : new Date(dateHeader);
  return {
    envelope: {
      from: envelope.from ? envelope.from.toLowerCase() : null,
      recipients: envelope.recipients.map((address) => address.toLowerCase()),
    },
    from: mailboxes(parsed.from)[0] ?? null,
    to: mailboxes(parsed.to),
    cc: mailboxes(parsed.cc),
    replyTo: mailboxes(parsed.replyTo)[0] ?? null,
    subject: parsed.subject ?? null,
    text: parsed.text ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: toList(parsed.references),
    // mailparser turns an unreadable Date header into the current time; a wrong date
    // would silently reorder a conversation, a missing one is visible.
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    headers,
    contentType: topContentType(parsed.headers.get('content-type')),
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType.toLowerCase(),
      content: attachment.content,
      contentId: attachment.cid ?? null,
    })),
    sizeBytes,
  };
}

function rawHeaders(lines: HeaderLines): Record<string, string> {
  // No prototype: header names come from the sender, and one named `constructor` or
  // `__proto__` must read as a header, not as (or into) an Object method.
  const headers: Record<string, string> = Object.create(null);
  for (const { key, line } of lines) {
    if (Object.hasOwn(headers, key)) continue;
    const colon = line.indexOf(':');
    headers[key] = line
      .slice(colon + 1)
      .replace(/\r?\n(?=[ \t])/g, '')
      .trim();
  }
  return headers;
}

function mailboxes(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const flatten = (entries: ParsedAddress[]): ParsedAddress[] =>
    entries.flatMap((entry) => (entry.group ? flatten(entry.group) : [entry]));
  return toList(header)
    .flatMap((object) => flatten(object.value))
    .filter((entry) => entry.address)
    .map((entry) => ({ address: (entry.address as string).toLowerCase(), name: entry.name || null }));
}

function toList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function topContentType(header: unknown): string | null {
  if (!header || typeof header !== 'object' || !('value' in header)) return null;
  const { value, params } = header as StructuredHeader;
  // The boundary only delimits the parts; keeping it would make equal types look different.
  const parameters = Object.entries(params)
    .filter(([name]) => name !== 'boundary')
    .map(
      ([name, parameter]) =>
        `; ${name}=${/^[\w.+-]+$/.test(parameter) ? parameter : JSON.stringify(parameter)}`,
    );
  return `${value.toLowerCase()}${parameters.join('')}`;
}

/**
 * A short, stable stand-in for a Message-ID in logs: correlates log lines with a stored
 * mail without writing the id (which often embeds an address or a name) to the log.
 */
export function logHash(value: string | null): string | null {
  return value === null ? null : createHash('sha256').update(value).digest('hex').slice(0, 12);
}
