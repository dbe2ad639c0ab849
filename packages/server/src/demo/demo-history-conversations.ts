import type { OrderInput } from '@afterdesk/contract';
import type { CaseCategory, CaseKind } from '@afterdesk/core';
import { DateTime } from 'luxon';
import type { DemoHistoryCase, DemoStep } from './demo-history-cases.js';
import { agentReply, customerMessage, type Mood, textLanguage } from './demo-history-texts.js';
import { isoOf, workingTime, zoneOf } from './demo-history-time.js';
import type { Prng } from './prng.js';

// A help-desk conversation of the demo's past: the customer writes, an agent answers in
// office hours, maybe a second round, solved, a survey, closed a week later.

/** Plans one inquiry, logistics question, complaint or dispute about an order. */
export function planConversation(random: Prng, order: OrderInput, kind: CaseKind, now: DateTime) {
  const placed = DateTime.fromISO(order.placedAt, { zone: 'utc' });
  const t0 =
    kind === 'inquiry'
      ? placed.plus({ hours: random.int(20, 150) })
      : placed.plus({ hours: random.int(72, 400) });
  const zone = zoneOf(order);
  const at = isoOf;
  const language = order.customer.language ?? 'en';
  const text = textLanguage(language);
  const mood: Mood =
    kind === 'complaint' || kind === 'dispute'
      ? random.weighted([
          ['angry', 55],
          ['unhappy', 45],
        ] as const)
      : kind === 'logistics'
        ? random.weighted([
            ['unhappy', 50],
            ['neutral', 50],
          ] as const)
        : 'neutral';
  const messages: DemoHistoryCase['messages'] = [
    { at: at(t0), direction: 'inbound', body: customerMessage(random, text, mood) },
  ];
  const steps: DemoStep[] = [];
  let t: DateTime = workingTime(random, t0, zone);
  const firstReplyHours = t.diff(t0, 'hours').hours;
  messages.push({ at: at(t), direction: 'outbound', body: agentReply(random, text) });
  if (kind === 'dispute') {
    steps.push({ type: 'start_review', at: at(t), by: 'agent' });
    t = t.plus({ days: random.int(1, 5) });
    const compensationMinor = random.chance(0.5) ? random.int(5, 30) * 100 : 0;
    steps.push({
      type: 'decide',
      at: at(t),
      by: 'agent',
      reason: 'We refund part of the price as a goodwill gesture.',
      data: { compensationMinor },
    });
  } else {
    if (random.chance(0.35)) {
      t = t.plus({ hours: random.int(2, 30) });
      messages.push({
        at: at(t),
        direction: 'inbound',
        body: customerMessage(random, text, mood === 'angry' ? 'unhappy' : 'neutral'),
      });
      t = workingTime(random, t, zone);
      messages.push({ at: at(t), direction: 'outbound', body: agentReply(random, text) });
    }
    steps.push({ type: 'solve', at: at(t), by: 'agent' });
  }
  const solvedAt = t;
  steps.push({ type: 'close', at: at(t.plus({ days: 7 })), by: 'system' });
  // Customers answer the survey more often when upset; slow first answers cost a point.
  const answered = random.chance(mood === 'angry' ? 0.55 : 0.4);
  const base = { angry: 2, unhappy: 3, neutral: 4, happy: 5 }[mood] + random.int(0, 1);
  const score = Math.max(1, Math.min(5, base - (firstReplyHours > 8 ? 1 : 0)));
  const answeredAt = solvedAt.plus({ hours: random.int(1, 48) });
  if (answered && answeredAt < now)
    messages.push({
      at: at(answeredAt),
      direction: 'inbound',
      body: customerMessage(random, text, score >= 4 ? 'happy' : 'neutral'),
    });
  return {
    kind,
    orderExternalId: order.externalId,
    storeCode: order.storeCode ?? 'eu',
    customerExternalId: order.customer.externalId ?? '',
    currency: order.currency,
    language,
    channel: random.weighted([
      ['email', 60],
      ['chat', 30],
      ['web', 10],
    ] as const),
    category: (kind === 'inquiry'
      ? 'consultation'
      : kind === 'logistics'
        ? 'logistics'
        : 'complaint') as CaseCategory,
    complaintType: kind === 'complaint' ? random.pick(['quality', 'service', 'logistics']) : null,
    createdAt: at(t0),
    items: [],
    returnsGoods: false,
    decision: null,
    steps: steps.filter((s) => Date.parse(s.at) < now.toMillis()),
    agentSlot: random.int(0, 3),
    messages: messages.filter((m) => Date.parse(m.at) < now.toMillis()),
    inspection: null,
    refund: null,
    survey:
      kind === 'dispute' || solvedAt >= now
        ? null
        : {
            sentAt: at(solvedAt),
            answeredAt: answered && answeredAt < now ? at(answeredAt) : null,
            score: answered && answeredAt < now ? score : null,
          },
  };
}
