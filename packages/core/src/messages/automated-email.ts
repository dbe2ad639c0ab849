/** Header fields of one e-mail, names lower-cased; repeated fields joined by the caller. */
export interface MailHeaders {
  [lowercaseName: string]: string | undefined;
}

/** Why a message was sent by a machine, if it was. */
export interface AutomatedEmail {
  automated: boolean;
  /** `bounce`: a delivery failure; `auto_reply`: an out-of-office or other responder; `bulk`: lists and notifications. */
  kind: 'auto_reply' | 'bounce' | 'bulk' | null;
  /** Which header gave it away, in plain English. */
  reason: string | null;
}

const HUMAN: AutomatedEmail = { automated: false, kind: null, reason: null };

/**
 * Whether an incoming e-mail was sent by a machine. Such mail is stored on the case but
 * never answered, or two auto-responders would write to each other forever (RFC 3834).
 *
 * Bounces are checked first, since they carry auto-reply headers too: a delivery-status
 * report, MAILER-DAEMON or postmaster as sender, or X-Failed-Recipients. An empty
 * Return-Path alone counts as an auto-reply rather than a bounce: RFC 3834 responders send
 * with it too, and wrongly calling a customer's address dead does more harm.
 * `Auto-Submitted: auto-generated` and list headers are `bulk`: notifications, not replies.
 * `contentType` and `from` fall back to the headers of the same name.
 */
export function classifyAutomatedEmail(
  headers: MailHeaders,
  from: string | null,
  contentType: string | null,
): AutomatedEmail {
  const header = (name: string) => headers[name]?.trim() ?? '';
  const type = (contentType ?? header('content-type')).toLowerCase();
  const mailbox = localPart(from ?? header('from'));

  if (/^multipart\/report\b/.test(type)) {
    const report = /report-type\s*=\s*"?([\w-]+)/.exec(type)?.[1] ?? '';
    if (report === 'delivery-status')
      return bounce('a delivery status report (multipart/report; report-type=delivery-status)');
    if (report === 'disposition-notification')
      return autoReply('a read receipt (report-type=disposition-notification)');
  }
  if (mailbox === 'mailer-daemon' || mailbox === 'postmaster') return bounce(`sent by ${mailbox}`);
  if (header('x-failed-recipients')) return bounce('X-Failed-Recipients is set');

  const submitted = header('auto-submitted').toLowerCase();
  if (submitted && !/^no\b/.test(submitted)) {
    const value = submitted.split(/[;\s]/)[0];
    const reason = `Auto-Submitted: ${value}`;
    return value === 'auto-generated' ? bulk(reason) : autoReply(reason);
  }
  const precedence = header('precedence').toLowerCase();
  if (precedence === 'auto_reply') return autoReply('Precedence: auto_reply');
  if (['bulk', 'junk', 'list'].includes(precedence)) return bulk(`Precedence: ${precedence}`);
  if (header('x-autoreply')) return autoReply('X-Autoreply is set');
  if (header('x-autorespond')) return autoReply('X-Autorespond is set');
  const suppress = header('x-auto-response-suppress')
    .split(/[,\s]+/)
    .map((v) => v.toLowerCase());
  const suppressed = suppress.find((v) => v === 'all' || v === 'oof' || v === 'autoreply');
  if (suppressed) return autoReply(`X-Auto-Response-Suppress: ${header('x-auto-response-suppress')}`);
  if (header('list-id')) return bulk('List-Id is set (a mailing list)');
  if (header('list-unsubscribe')) return bulk('List-Unsubscribe is set (a newsletter or mailing)');
  if (/^<\s*>$/.test(header('return-path'))) return autoReply('an empty Return-Path (<>)');
  return HUMAN;
}

const bounce = (reason: string): AutomatedEmail => ({ automated: true, kind: 'bounce', reason });
const autoReply = (reason: string): AutomatedEmail => ({ automated: true, kind: 'auto_reply', reason });
const bulk = (reason: string): AutomatedEmail => ({ automated: true, kind: 'bulk', reason });

// "Mail Delivery Subsystem <MAILER-DAEMON@googlemail.com>" → "mailer-daemon".
function localPart(address: string): string {
  const bare = /<([^<>]*)>/.exec(address)?.[1] ?? address;
  return (bare.trim().split('@')[0] ?? '').toLowerCase();
}
