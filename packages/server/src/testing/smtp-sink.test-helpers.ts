import pino from 'pino';
import { type InboundEmail, startSmtpReceiver } from '../channels/email/index.js';

export interface SmtpSinkOptions {
  /** Which recipients to take; the others are refused at RCPT TO with 550. Default: all. */
  acceptsRecipient?: (address: string) => boolean;
  /** Largest message taken, in bytes (552 above). Default 25 MB. */
  maxBytes?: number;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for `smtpSender`. */
  url: string;
  port: number;
  /** Every mail received so far, in order of arrival. */
  messages: InboundEmail[];
  /** Resolves with `messages` once at least `count` have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<InboundEmail[]>;
  /** Answers the next `times` messages with 451 (a temporary failure) instead of taking them. */
  failNext(times?: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (a free port) that keeps every mail it receives, parsed
 * with `parseEmail`. It is the production receiver with recording callbacks, so what a
 * test sees is what Afterdesk would see.
 */
export async function startSmtpSink({
  acceptsRecipient = () => true,
  maxBytes,
}: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: InboundEmail[] = [];
  const waiters = new Set<() => void>();
  let failures = 0;

  const receiver = await startSmtpReceiver({
    port: 0,
    host: '127.0.0.1',
    ...(maxBytes ? { maxBytes } : {}),
    // Tests close the sink right after their clients have quit; nothing is left to wait for.
    closeTimeoutMs: 1_000,
    log: pino({ level: 'silent' }),
    acceptsRecipient: async (address) => acceptsRecipient(address),
    deliver: async (mail) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('The sink was told to fail this delivery');
      }
      messages.push(mail);
      for (const wake of waiters) wake();
    },
  });

  return {
    url: `smtp://127.0.0.1:${receiver.port}`,
    port: receiver.port,
    messages,
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`The SMTP sink received ${messages.length} of ${count} messages in ${timeoutMs} ms`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    failNext(times = 1) {
      failures += times;
    },
    close: () => receiver.close(),
  };
}
