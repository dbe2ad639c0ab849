import { formatMinor } from '../money/index.js';
import { NOTICE_LANGUAGES } from '../notifications/index.js';
import type { PolicyDocument } from '../policies/index.js';
import { chooseLanguage } from '../replies/index.js';
import {
  CONDITION_WORDS,
  dayNumber,
  isoDay,
  parseTime,
  type SelfServiceLanguage,
  type TextKey,
  type Writer,
  writer,
} from './self-service-templates.js';

/** Intents the knowledge base and live data can answer without an agent. */
export const SELF_SERVICE_INTENTS = [
  'track_order',
  'delivery_late',
  'shipping_info',
  'return_policy',
  'refund_status',
] as const;

/** One parcel of an order, as the carrier integration last reported it. Times are ISO 8601. */
export interface SelfServiceShipment {
  carrier: string;
  trackingNumber: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  estimatedAt: string | null;
  trackingUrl?: string | null;
}

/** One refund of the customer's, newest or not: the answer picks the latest by `createdAt`. */
export interface SelfServiceRefund {
  caseNumber: number;
  amountMinor: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed' | string;
  createdAt: string;
  expectedBy: string | null;
  /** When the payment provider confirmed it; `createdAt` stands in when absent. */
  succeededAt?: string | null;
}

/** Everything a self-service answer may use, loaded by the server. The core reads no clock. */
export interface SelfServiceFacts {
  /** The customer's language (BCP 47); the answer is in the best of NOTICE_LANGUAGES. */
  language: string;
  /** The store's IANA zone, for dates. */
  timeZone: string;
  /** ISO; "overdue by 3 days" is counted from it. */
  now: string;
  customerName: string | null;
  order: null | { number: string; placedAt: string; shipments: SelfServiceShipment[] };
  refunds: SelfServiceRefund[];
  openReturn: null | { caseNumber: number; status: string; returnCode: string | null };
  policy: PolicyDocument | null;
  /** The best knowledge-base hit for the message. */
  article: null | { title: string; body: string; score: number };
  /** The store's currency, for policy fees. */
  currency: string;
}

/** A reply ready to send, plus one English line for the agent who may take over later. */
export interface SelfServiceAnswer {
  language: string;
  subject: string;
  body: string;
  kind: 'shipment_status' | 'refund_status' | 'return_policy' | 'article';
  /** e.g. "Told the shipment status of order #1001: in transit with DHL". */
  summary: string;
}

/** A knowledge-base hit at or above this score is trusted to answer on its own. */
export const ARTICLE_MIN_SCORE = 0.5;
// Customers who ask for a person or complain get one, however good the article.
export const NEVER_BY_ARTICLE: ReadonlySet<string> = new Set(['contact_human', 'complaint']);
const ARTICLE_MAX_CHARS = 1200;
const MAX_CATEGORY_WINDOWS = 3;

// Return-case statuses a customer can be told about in plain words; any other status
// (rejected, inspection failed, disputes) needs a person to explain it.
const RETURN_STATUS_TEXT: Readonly<Record<string, TextKey>> = {
  submitted: 'returnReviewing',
  under_review: 'returnReviewing',
  pending_info: 'returnNeedsInfo',
  approved: 'returnWaitingParcel',
  awaiting_return: 'returnWaitingParcel',
  in_transit: 'returnOnWayBack',
  received: 'returnInspecting',
  inspection_passed: 'returnPassed',
};

interface Ctx extends Writer {
  now: number;
  facts: SelfServiceFacts;
}
type Draft = Omit<SelfServiceAnswer, 'language' | 'body'> & { paragraphs: string[] };

/**
 * Answers a customer's question from live data and the merchant's policy, in their language,
 * or returns null when a person should look: no order to look at, a failed refund, a parcel
 * reported delivered that the customer calls late, data that does not parse. Pure: the clock
 * is `facts.now`.
 */
export function composeSelfServiceAnswer(intent: string, facts: SelfServiceFacts): SelfServiceAnswer | null {
  const now = parseTime(facts.now);
  if (now === null) return null;
  const lang = chooseLanguage([facts.language], NOTICE_LANGUAGES) as SelfServiceLanguage;
  const ctx: Ctx = { ...writer(lang, facts.timeZone), now, facts };
  const draft = draftFor(intent, ctx);
  if (!draft) return null;
  const { paragraphs, ...rest } = draft;
  const name = facts.customerName?.trim();
  const greeting = name ? ctx.say('greetingNamed', { name }) : ctx.say('greeting');
  const body = [greeting, ...paragraphs.filter((p) => p !== ''), ctx.say('closing')].join('\n\n');
  return { language: lang, body, ...rest };
}

function draftFor(intent: string, ctx: Ctx): Draft | null {
  switch (intent) {
    case 'track_order':
    case 'delivery_late':
      return shipmentDraft(intent, ctx);
    case 'refund_status':
      return refundDraft(ctx);
    case 'return_policy':
      return ctx.facts.policy ? policyDraft(ctx.facts.policy, ctx) : articleDraft(ctx);
    default:
      return NEVER_BY_ARTICLE.has(intent) ? null : articleDraft(ctx);
  }
}

function shipmentDraft(intent: 'track_order' | 'delivery_late', ctx: Ctx): Draft | null {
  const order = ctx.facts.order;
  if (!order) return null;
  const number = order.number.startsWith('#') ? order.number : `#${order.number}`;
  const subject = ctx.say('subjectOrder', { order: number });
  const told = `Told the shipment status of order ${number}`;
  const shipment = latestShipment(order.shipments);
  if (shipment === undefined) return null;
  if (shipment === null) {
    const placed = parseTime(order.placedAt);
    if (placed === null) return null;
    const paragraph = ctx.say('notShipped', { order: number, date: ctx.date(placed) });
    const summary = `${told}: not shipped yet (placed ${isoDay(placed, ctx.zone)})`;
    return { subject, kind: 'shipment_status', summary, paragraphs: [paragraph] };
  }
  const carrier = shipment.carrier.trim();
  if (carrier === '') return null;
  const tracking = [
    shipment.trackingNumber?.trim()
      ? ctx.say('trackingNumber', { tracking: shipment.trackingNumber.trim() })
      : '',
    shipment.trackingUrl?.trim() ? ctx.say('trackingLink', { url: shipment.trackingUrl.trim() }) : '',
  ].filter((line) => line !== '');
  if (shipment.deliveredAt !== null) {
    // "It's late" about a parcel the carrier calls delivered: lost or misdelivered; a person looks.
    if (intent === 'delivery_late') return null;
    const at = parseTime(shipment.deliveredAt) as number;
    const paragraph = ctx.say('delivered', { order: number, carrier, date: ctx.date(at) });
    const summary = `${told}: delivered by ${carrier} on ${isoDay(at, ctx.zone)}`;
    return { subject, kind: 'shipment_status', summary, paragraphs: [paragraph, tracking.join('\n')] };
  }
  const shipped = parseTime(shipment.shippedAt) as number;
  const sentences = [ctx.say('shipped', { order: number, carrier, date: ctx.date(shipped) })];
  let summary = `${told}: in transit with ${carrier} since ${isoDay(shipped, ctx.zone)}`;
  if (shipment.trackingNumber?.trim()) summary += `, tracking ${shipment.trackingNumber.trim()}`;
  const estimated = parseTime(shipment.estimatedAt);
  if (estimated !== null && ctx.now > estimated) {
    const days = dayNumber(ctx.now, ctx.zone) - dayNumber(estimated, ctx.zone);
    const date = ctx.date(estimated);
    sentences.push(days >= 1 ? ctx.say('lateBy', { date, days: ctx.days(days) }) : ctx.say('lateToday'));
    summary += `, late by ${days} day(s) (expected ${isoDay(estimated, ctx.zone)})`;
  } else if (estimated !== null) {
    sentences.push(ctx.say('expected', { date: ctx.date(estimated) }));
    summary += `, expected ${isoDay(estimated, ctx.zone)}`;
  }
  return {
    subject,
    kind: 'shipment_status',
    summary,
    paragraphs: [ctx.sentences(sentences), tracking.join('\n')],
  };
}

// null: nothing has left the warehouse; undefined: a date that does not parse, so a person looks.
function latestShipment(shipments: readonly SelfServiceShipment[]): SelfServiceShipment | null | undefined {
  let latest: SelfServiceShipment | null = null;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const s of shipments) {
    const times = [s.shippedAt, s.deliveredAt, s.estimatedAt].filter((t) => t !== null);
    if (times.some((t) => parseTime(t) === null)) return undefined;
    const at = parseTime(s.shippedAt ?? s.deliveredAt);
    // Ties go to the later entry: the list is in the order the shipments were created.
    if (at !== null && at >= latestAt) [latest, latestAt] = [s, at];
  }
  return latest;
}

function refundDraft(ctx: Ctx): Draft | null {
  const subject = ctx.say('subjectRefund');
  let refund: SelfServiceRefund | null = null;
  for (const r of ctx.facts.refunds) {
    const at = parseTime(r.createdAt);
    if (at === null) return null;
    if (!refund || at >= (parseTime(refund.createdAt) as number)) refund = r;
  }
  if (!refund) return returnStatusDraft(ctx);
  const amount = ctx.money(refund.amountMinor, refund.currency);
  if (amount === null) return null;
  const told = `Told the refund status of case ${refund.caseNumber}`;
  const enAmount = formatMinor(refund.amountMinor, refund.currency, 'en');
  const values = { amount, case: String(refund.caseNumber) };
  if (refund.status === 'succeeded') {
    const paid = parseTime(refund.succeededAt ?? refund.createdAt);
    if (paid === null) return null;
    const paragraph = ctx.say('refundPaid', { ...values, date: ctx.date(paid) });
    const summary = `${told}: ${enAmount} paid to the original payment method on ${isoDay(paid, ctx.zone)}`;
    return { subject, kind: 'refund_status', summary, paragraphs: [paragraph] };
  }
  if (refund.status !== 'pending') return null;
  const sentences = [ctx.say('refundPending', values)];
  let summary = `${told}: ${enAmount} pending`;
  if (refund.expectedBy !== null) {
    const by = parseTime(refund.expectedBy);
    // A promised date already past is a broken promise: a person explains, not a template.
    if (by === null || dayNumber(by, ctx.zone) < dayNumber(ctx.now, ctx.zone)) return null;
    sentences.push(ctx.say('refundExpected', { date: ctx.date(by) }));
    summary += `, expected by ${isoDay(by, ctx.zone)}`;
  }
  return { subject, kind: 'refund_status', summary, paragraphs: [ctx.sentences(sentences)] };
}

function returnStatusDraft(ctx: Ctx): Draft | null {
  const open = ctx.facts.openReturn;
  const key = open ? RETURN_STATUS_TEXT[open.status] : undefined;
  if (!open || !key) return null;
  const values = { case: String(open.caseNumber) };
  const sentences = [ctx.say(key, values)];
  const code = open.returnCode?.trim();
  if (code) sentences.push(ctx.say('returnCode', { code }));
  const summary = `Told the status of return case ${open.caseNumber}: ${open.status}${code ? ` (return code ${code})` : ''}`;
  const subject = ctx.say('subjectReturn', values);
  return { subject, kind: 'refund_status', summary, paragraphs: [ctx.sentences(sentences)] };
}

function policyDraft(policy: PolicyDocument, ctx: Ctx): Draft {
  const windows = Object.entries(policy.categoryWindows);
  // A zero-day window is a category that cannot come back; customers read it as such.
  const closed = [
    ...new Set([...policy.nonReturnableCategories, ...windows.filter(([, d]) => d === 0).map(([c]) => c)]),
  ];
  const exceptions = windows.filter(([c, d]) => d > 0 && !closed.includes(c)).slice(0, MAX_CATEGORY_WINDOWS);
  const rules = [
    policy.returnWindowDays > 0 ? ctx.say('window', { days: ctx.days(policy.returnWindowDays) }) : '',
    exceptions.length
      ? ctx.say('categoryWindows', { list: ctx.list(exceptions.map(([c, d]) => `${c} (${ctx.days(d)})`)) })
      : '',
    closed.length ? ctx.say('nonReturnable', { list: ctx.list(closed) }) : '',
  ];
  const noReason = policy.reasons.find((r) => r.code === 'no_reason');
  const conditions = noReason?.requiredConditions.map((c) => CONDITION_WORDS[c][ctx.lang]) ?? [];
  const noReasonText = !noReason
    ? ''
    : conditions.length
      ? ctx.say('noReason', { list: ctx.list(conditions) })
      : ctx.say('noReasonFree');
  const { merchant, customer } = policy.shipping.byFault;
  const feeMinor = policy.shipping.customerReturnShippingMinor[ctx.facts.currency];
  const fee = feeMinor === undefined ? null : ctx.money(feeMinor, ctx.facts.currency);
  const shipping: string[] = [];
  let shippingSummary = 'return shipping per fault';
  if (merchant.returnShipping === 'merchant' && customer.returnShipping === 'merchant') {
    shipping.push(ctx.say('shippingFree'));
    shippingSummary = 'free return shipping';
  } else if (merchant.returnShipping === 'merchant') {
    const other =
      fee === null
        ? 'shippingOtherPays'
        : policy.shipping.deductFromRefund
          ? 'shippingOtherFeeDeducted'
          : 'shippingOtherFee';
    shipping.push(ctx.say('shippingFaultyFree'), ctx.say(other, { fee: fee ?? '' }));
    shippingSummary = `return shipping ${fee === null ? 'paid by the customer' : formatMinor(feeMinor as number, ctx.facts.currency, 'en')} unless faulty`;
  }
  shipping.push(ctx.say('shipBack', { days: ctx.days(policy.shipBackDays) }));
  const article = usableArticle(ctx);
  const pointer = article ? ctx.say('articlePointer', { title: article.title.trim() }) : '';
  let summary = `Told the return policy: ${policy.returnWindowDays}-day window, ${shippingSummary}, ship back within ${policy.shipBackDays} days`;
  if (article) summary += `; pointed to the article "${article.title.trim()}"`;
  const paragraphs = [ctx.sentences(rules), noReasonText, ctx.sentences(shipping), pointer];
  return { subject: ctx.say('subjectPolicy'), kind: 'return_policy', summary, paragraphs };
}

function articleDraft(ctx: Ctx): Draft | null {
  const article = usableArticle(ctx);
  if (!article) return null;
  const title = article.title.trim();
  const summary = `Sent the knowledge-base article "${title}" (score ${article.score.toFixed(2)})`;
  return { subject: title, kind: 'article', summary, paragraphs: [title, trimArticle(article.body)] };
}

function usableArticle(ctx: Ctx): SelfServiceFacts['article'] {
  const a = ctx.facts.article;
  return a && a.score >= ARTICLE_MIN_SCORE && a.title.trim() !== '' && a.body.trim() !== '' ? a : null;
}

// Cut a long article at a sentence end in its last third, else at a space, else hard.
function trimArticle(body: string): string {
  const text = body.trim().replace(/\n{3,}/g, '\n\n');
  if (text.length <= ARTICLE_MAX_CHARS) return text;
  let cut = ARTICLE_MAX_CHARS;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  const head = text.slice(0, cut);
  const floor = Math.floor((ARTICLE_MAX_CHARS * 2) / 3);
  const sentenceEnd = Math.max(...[...head.matchAll(/[.!?](?=\s)|[。！？]/g)].map((m) => m.index + 1), -1);
  if (sentenceEnd >= floor) return `${head.slice(0, sentenceEnd)} …`;
  const space = head.lastIndexOf(' ');
  return `${(space >= floor ? head.slice(0, space) : head).trimEnd()} …`;
}

/** Why a conversation leaves self-service for a person. */
export type HandoffReason = 'asked_for_person' | 'low_confidence' | 'no_answer' | 'wrote_again' | 'upset';

const HANDOFF_WHY: Readonly<Record<HandoffReason, string>> = {
  asked_for_person: 'the customer asked for a person',
  low_confidence: 'triage is not sure what the customer wants',
  no_answer: 'no automatic answer fits',
  wrote_again: 'the customer wrote again after an automatic answer',
  upset: 'the customer is upset',
};

/**
 * The short English note an agent reads first when a conversation leaves self-service: why,
 * what triage read, and what the customer was already told automatically.
 */
export function handoffSummary(input: {
  reason: HandoffReason;
  intent: string;
  confidence: number;
  sentiment: number;
  emotions: readonly string[];
  orderNumber: string | null;
  answered: readonly string[];
}): string {
  const parts = [`Needs a person: ${HANDOFF_WHY[input.reason] ?? input.reason}.`];
  const confidence = Number.isFinite(input.confidence)
    ? ` (confidence ${Math.round(Math.min(1, Math.max(0, input.confidence)) * 100)}%)`
    : '';
  parts.push(`Intent: ${input.intent || 'unknown'}${confidence}.`);
  const emotions = input.emotions.length ? `; ${input.emotions.join(', ')}` : '';
  if (Number.isFinite(input.sentiment))
    parts.push(`Mood: ${mood(input.sentiment)} (${input.sentiment.toFixed(2)}${emotions}).`);
  else if (emotions) parts.push(`Mood: ${input.emotions.join(', ')}.`);
  const order = input.orderNumber?.trim();
  if (order) parts.push(`Order ${order.startsWith('#') ? order : `#${order}`}.`);
  if (input.answered.length) parts.push(`Already answered automatically: ${input.answered.join('; ')}.`);
  return parts.join(' ');
}

function mood(score: number): string {
  if (score <= -0.5) return 'very negative';
  if (score < -0.1) return 'negative';
  if (score > 0.1) return 'positive';
  return 'neutral';
}
