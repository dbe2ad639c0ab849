import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { type InboundEmail, logHash, parseEmail } from './inbound-email.js';

export interface SmtpReceiverOptions {
  /** TCP port to listen on; 0 picks a free one (see the returned `port`). */
  port: number;
  /** Interface to listen on, e.g. `0.0.0.0`, or `127.0.0.1` behind a relay. */
  host: string;
  /** Largest message accepted, in bytes; larger ones are refused with 552. Default 25 MB. */
  maxBytes?: number;
  /** The name the server greets with; defaults to the machine's host name. */
  hostname?: string;
  /**
   * Certificate and key for STARTTLS. Without them STARTTLS is not offered: the only
   * certificate smtp-server has built in is a public test one, which would encrypt nothing.
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** How long `close()` lets open sessions finish before cutting them off. Default 30 s. */
  closeTimeoutMs?: number;
  log: Logger;
  /** Whether the address belongs to an inbox (any tenant). Unknown recipients are refused at RCPT TO with 550. */
  acceptsRecipient(address: string): Promise<boolean>;
  /** Stores the mail; if it throws, the sender gets a temporary 451 so it retries and nothing is lost. */
  deliver(mail: InboundEmail): Promise<void>;
}

export interface SmtpReceiver {
  /** The port actually listened on. */
  port: number;
  /** Stops accepting connections and resolves once the open sessions have ended. */
  close(): Promise<void>;
}

const defaultMaxBytes = 25 * 1024 * 1024;

/**
 * An MX-style SMTP server: anyone may connect without authenticating and hand over mail
 * for the inboxes it knows; everything else is refused during the SMTP dialogue, so the
 * sending server (not we) tells the sender. No personal data is logged: no addresses, no
 * subjects, no bodies.
 */
export async function startSmtpReceiver({
  port,
  host,
  maxBytes = defaultMaxBytes,
  hostname,
  tls,
  closeTimeoutMs = 30_000,
  log,
  acceptsRecipient,
  deliver,
}: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    ...(hostname ? { name: hostname } : {}),
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    banner: 'Afterdesk',
    // Mail arrives from other mail servers, which never authenticate to an MX; AUTH would
    // only invite password guessing. STARTTLS needs a certificate of our own.
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    size: maxBytes,
    // 552 after DATA whatever onData says, also for clients that did not declare SIZE.
    rejectOversized: true,
    // RFC 5321 asks servers to take at least 100; more is a mailing to harvest addresses.
    maxRecipients: 100,
    // A reverse lookup per connection slows every delivery and is used for nothing here.
    disableReverseLookup: true,
    closeTimeout: closeTimeoutMs,
    // smtp-server's own log names senders and recipients.
    logger: false,

    onRcptTo(address, session, callback) {
      acceptsRecipient(address.address.toLowerCase()).then(
        (accepted) => callback(accepted ? null : smtpError(550, 'Error: no such mailbox here')),
        (error: unknown) => {
          log.error({ session: session.id, error: describeError(error) }, 'smtp: recipient check failed');
          callback(smtpError(451, 'Error: temporary failure, try again later'));
        },
      );
    },

    onData(stream, session, callback) {
      receive(stream, session).then(
        () => callback(null, 'OK: message received'),
        (error: SmtpError) => callback(error),
      );
    },
  });

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    let mail: InboundEmail;
    try {
      mail = await parseEmail(atMost(stream, maxBytes), envelopeOf(session));
    } catch (error) {
      if (stream.sizeExceeded) throw tooLarge(stream, session);
      if (stream.destroyed) {
        // Routine on the internet (a dropped connection, a client giving up); it will retry.
        log.info({ session: session.id, sizeBytes: stream.byteLength }, 'smtp: client left mid-message');
        throw smtpError(451, 'Error: message incomplete');
      }
      log.error(
        { session: session.id, sizeBytes: stream.byteLength, error: describeError(error) },
        'smtp: could not parse a message',
      );
      throw smtpError(451, 'Error: temporary failure, try again later');
    }
    if (stream.sizeExceeded) throw tooLarge(stream, session);
    const messageIdHash = logHash(mail.messageId);
    try {
      await deliver(mail);
    } catch (error) {
      log.error(
        { session: session.id, messageIdHash, sizeBytes: mail.sizeBytes, error: describeError(error) },
        'smtp: delivery failed, asked the sender to retry',
      );
      throw smtpError(451, 'Error: temporary failure, try again later');
    }
    log.info({ session: session.id, messageIdHash, sizeBytes: mail.sizeBytes }, 'smtp: message received');
  }

  function tooLarge(stream: SMTPServerDataStream, session: SMTPServerSession): SmtpError {
    log.warn(
      { session: session.id, sizeBytes: stream.byteLength, maxBytes },
      'smtp: refused a message too large',
    );
    return smtpError(552, `Error: message exceeds fixed maximum message size ${maxBytes}`);
  }

  // Without a listener an 'error' event (a client resetting its connection, say) would
  // crash the process.
  server.on('error', (error) => log.warn({ error: describeError(error) }, 'smtp: connection error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

function envelopeOf(session: SMTPServerSession) {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    from: mailFrom && mailFrom.address !== '' ? mailFrom.address : null,
    recipients: rcptTo.map((recipient) => recipient.address),
  };
}

// The first `maxBytes` of `stream`, the rest read and dropped: an oversized message costs no
// more memory than the limit while the client is still sending it.
function atMost(stream: SMTPServerDataStream, maxBytes: number): Transform {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const room = maxBytes - seen;
      seen += chunk.length;
      done(null, room <= 0 ? undefined : room >= chunk.length ? chunk : chunk.subarray(0, room));
    },
  });
  // pipeline, not pipe: a client hanging up mid-message destroys `stream`, and the parser
  // has to hear of it instead of waiting forever. The failure reaches it through `limited`.
  pipeline(stream, limited).catch(() => {});
  return limited;
}

// Error messages can quote what failed (a database error naming the address it could not
// insert), so only the kind of error and where it came from are logged.
function describeError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as NodeJS.ErrnoException).code;
  return {
    type: error.name,
    ...(code ? { code } : {}),
    stack: error.stack?.split('\n').slice(1).join('\n'),
  };
}
