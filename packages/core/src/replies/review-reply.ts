import { checkReply } from './check-reply.js';
import type { ForbiddenPhrase, PhraseSeverity } from './forbidden-phrases.js';
import { findClosing, findGreeting, knowsCourtesy, type TextSpan } from './greetings.js';
import { findPromises, type PromiseThing, type ReplyPromise } from './promises.js';

/**
 * What is true for this case and its policy, for checking promises. Every field is
 * optional: a promise about something left out is not checked.
 */
export interface PromiseFacts {
  /** Business days the policy gives for a refund to reach the customer: promising less is a contradiction. */
  refundBusinessDays?: number;
  /** Business days the policy gives for a replacement to be sent. */
  replacementBusinessDays?: number;
  /** Business days the policy gives for an order to be shipped and delivered. */
  shipmentBusinessDays?: number;
  /** Business days the policy gives for a carrier to pick up a return. */
  pickupBusinessDays?: number;
  /** Hours within which the team answers (the SLA's first or next response target). */
  responseHours?: number;
  /** False when the case rules a refund out (return rejected, outside the window, already refunded). */
  refundAllowed?: boolean;
  /** False when the case rules a replacement out (out of stock, claim rejected). */
  replacementAllowed?: boolean;
  /** The case's status, quoted in the message of a contradiction (e.g. 'rejected'). */
  caseStatus?: string;
}

/** What the review found wrong. */
export type ReviewFindingKind =
  | 'forbidden_phrase'
  | 'missing_greeting'
  | 'missing_closing'
  | 'language_mismatch'
  | 'promise_contradicts_policy'
  | 'promise_contradicts_case';

/** One thing wrong with a reply, with a message key for the UI and an English message. */
export interface ReviewFinding {
  kind: ReviewFindingKind;
  severity: PhraseSeverity;
  /** `reply.<kind>`: the UI translates by this key. */
  messageKey: string;
  message: string;
  /** Where in the reply as typed, for highlighting; absent for what is missing. */
  span?: TextSpan;
  /** A forbidden phrase as listed, or a promise found. */
  phrase?: string;
  suggestion?: string;
}

/** A reply about to go out and what to check it against. */
export interface ReviewReplyInput {
  text: string;
  /** The language the customer writes in (BCP 47). */
  customerLanguage: string;
  /** The reply's language as detected by the caller; when absent the customer's is assumed. */
  replyLanguage?: string;
  phrases: readonly ForbiddenPhrase[];
  facts: PromiseFacts;
}

/** The verdict: blocked when any finding is a `block`; every promise found, to record. */
export interface ReplyReview {
  blocked: boolean;
  findings: ReviewFinding[];
  promises: ReplyPromise[];
}

const primarySubtag = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
const UNKNOWN = new Set(['', 'und', 'mul', 'zxx']);

/**
 * Reviews a reply before it goes out: forbidden phrases (blocking or not as listed),
 * a greeting in the first two lines and a sign-off in the last three (warn, for languages
 * with known lists), the reply's language against the customer's (warn; zh-TW and zh-CN
 * agree), and each timed promise against the policy (faster than it allows: warn) and the
 * case (a refund or replacement it rules out: block).
 */
export function reviewReply(input: ReviewReplyInput): ReplyReview {
  const { text, customerLanguage, replyLanguage, phrases, facts } = input;
  const language = replyLanguage ?? customerLanguage;
  const findings: ReviewFinding[] = [];

  for (const f of checkReply(text, language, phrases).findings) {
    findings.push({
      kind: 'forbidden_phrase',
      severity: f.severity,
      messageKey: 'reply.forbidden_phrase',
      message: `"${f.phrase}" must not be used in a reply.`,
      span: { index: f.index, length: f.length },
      phrase: f.phrase,
      ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
    });
  }

  // A greeting in the customer's language counts even in a reply written in another.
  const courtesy = [language, customerLanguage];
  if (courtesy.some(knowsCourtesy) && text.trim() !== '') {
    if (findGreeting(text, courtesy) === null) {
      findings.push(warning('missing_greeting', 'The reply does not open with a greeting.'));
    }
    if (findClosing(text, courtesy) === null) {
      findings.push(warning('missing_closing', 'The reply does not end with a closing.'));
    }
  }

  const reply = primarySubtag(replyLanguage ?? '');
  const customer = primarySubtag(customerLanguage);
  if (!UNKNOWN.has(reply) && !UNKNOWN.has(customer) && reply !== customer) {
    findings.push(
      warning(
        'language_mismatch',
        `The reply is written in '${replyLanguage}' but the customer writes in '${customerLanguage}'.`,
      ),
    );
  }

  const promises = findPromises(text);
  for (const promise of promises) findings.push(...checkPromise(text, promise, facts));

  return { blocked: findings.some((f) => f.severity === 'block'), findings, promises };
}

function warning(kind: ReviewFindingKind, message: string): ReviewFinding {
  return { kind, severity: 'warn', messageKey: `reply.${kind}`, message };
}

const POLICY_DAYS: Readonly<Record<Exclude<PromiseThing, 'response'>, keyof PromiseFacts>> = {
  refund: 'refundBusinessDays',
  replacement: 'replacementBusinessDays',
  shipment: 'shipmentBusinessDays',
  pickup: 'pickupBusinessDays',
};

function checkPromise(text: string, promise: ReplyPromise, facts: PromiseFacts): ReviewFinding[] {
  const phrase = text.slice(promise.span.index, promise.span.index + promise.span.length);
  const located = { span: promise.span, phrase };
  const status = facts.caseStatus === undefined ? '' : ` (the case is '${facts.caseStatus}')`;
  const ruledOut =
    (promise.thing === 'refund' && facts.refundAllowed === false) ||
    (promise.thing === 'replacement' && facts.replacementAllowed === false);
  if (ruledOut) {
    return [
      {
        kind: 'promise_contradicts_case',
        severity: 'block',
        messageKey: 'reply.promise_contradicts_case',
        message: `The reply promises a ${promise.thing}, which this case does not allow${status}.`,
        ...located,
      },
    ];
  }
  const allowed = promise.thing === 'response' ? facts.responseHours : facts[POLICY_DAYS[promise.thing]];
  if (typeof allowed !== 'number') return [];
  const faster =
    promise.thing === 'response'
      ? promisedHours(promise.within) < allowed
      : promisedBusinessDays(promise.within) < allowed;
  if (!faster) return [];
  const policy = promise.thing === 'response' ? `${allowed} hours` : `${allowed} business days`;
  return [
    {
      kind: 'promise_contradicts_policy',
      severity: 'warn',
      messageKey: 'reply.promise_contradicts_policy',
      message: `The reply promises a ${promise.thing} faster than the policy's ${policy}.`,
      ...located,
    },
  ];
}

// A business day lasts at least 24 hours, so a promise in business days covers at least as
// many hours.
function promisedHours({ amount, unit }: ReplyPromise['within']): number {
  return unit === 'hours' ? amount : amount * 24;
}

/**
 * The business days a promise surely covers, whatever day it is made: a window of calendar
 * days may open on a Saturday, so 7 days hold 5 business days but 5 days may hold only 3.
 * Public holidays are not counted; 24 hours hold one calendar day.
 */
export function promisedBusinessDays({ amount, unit }: ReplyPromise['within']): number {
  if (unit === 'business_days') return amount;
  const days = unit === 'hours' ? Math.floor(amount / 24) : amount;
  return Math.floor(days / 7) * 5 + Math.max(0, (days % 7) - 2);
}
