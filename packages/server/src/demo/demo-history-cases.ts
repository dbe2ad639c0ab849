import type { OrderInput, OrderLineInput } from '@afterdesk/contract';
import type { CaseActionType, CaseCategory, CaseKind } from '@afterdesk/core';
import { DateTime } from 'luxon';
import { planConversation } from './demo-history-conversations.js';
import { agentReply, customerMessage, textLanguage } from './demo-history-texts.js';
import { isoOf, workingTime, zoneOf } from './demo-history-time.js';
import type { Prng } from './prng.js';

// The after-sales history behind the demo's orders: which lines came back and why, and how
// each case went (who decided, how fast, what was refunded, what the customer said). Every
// case is a list of life-cycle steps the seed runs through the real machine.

/** What the generator made a shopper for. */
export type ShopperRole = 'ordinary' | 'complainer' | 'serial_returner' | 'ring';

/** One life-cycle step: an action of the machine, when and by whom. */
export interface DemoStep {
  type: CaseActionType;
  at: string;
  by: 'system' | 'agent' | 'customer';
  reason?: string;
  data?: Record<string, unknown>;
}

/** One case of the history, with everything that happened to it before `now`. */
export interface DemoHistoryCase {
  key: string;
  kind: CaseKind;
  orderExternalId: string;
  storeCode: string;
  customerExternalId: string;
  currency: string;
  language: string;
  channel: 'web' | 'email' | 'chat';
  category: CaseCategory;
  complaintType: string | null;
  createdAt: string;
  items: Array<{
    lineExternalId: string;
    sku: string;
    quantity: number;
    reasonCode: string;
    refundableMinor: number;
  }>;
  /** Return, exchange and refund only, unless rejected: the units count as returned. */
  returnsGoods: boolean;
  /** The policy's first word on a return kind: approved at once, rejected, or sent to an agent. */
  decision: { outcome: 'approve' | 'reject' | 'review'; reason: string } | null;
  steps: DemoStep[];
  /** Which of the demo's agents handled it (0–3). */
  agentSlot: number;
  messages: Array<{ at: string; direction: 'inbound' | 'outbound'; body: string }>;
  inspection: { at: string; passed: boolean; notes: string } | null;
  refund: { at: string; amountMinor: number } | null;
  survey: { sentAt: string; answeredAt: string | null; score: number | null } | null;
}

type Weighted<T> = ReadonlyArray<readonly [T, number]>;
const RATE: Record<string, number> = {
  fashion_shoes: 0.2,
  fashion_apparel: 0.16,
  electronics: 0.06,
  home: 0.05,
  beauty: 0.03,
  toys: 0.04,
};
const REASONS: Record<string, Weighted<string>> = {
  fashion_shoes: [
    ['size_not_fit', 60],
    ['style_not_expected', 15],
    ['no_reason', 15],
    ['quality_defect', 7],
    ['wrong_item', 3],
  ],
  fashion_apparel: [
    ['size_not_fit', 50],
    ['style_not_expected', 20],
    ['no_reason', 20],
    ['quality_defect', 7],
    ['not_as_described', 3],
  ],
  electronics: [
    ['quality_defect', 50],
    ['not_as_described', 20],
    ['no_reason', 20],
    ['damaged_in_transit', 10],
  ],
  home: [
    ['damaged_in_transit', 45],
    ['not_as_described', 20],
    ['no_reason', 25],
    ['quality_defect', 10],
  ],
  beauty: [
    ['not_as_described', 40],
    ['no_reason', 40],
    ['damaged_in_transit', 20],
  ],
  toys: [
    ['quality_defect', 30],
    ['no_reason', 40],
    ['damaged_in_transit', 30],
  ],
};
const SPIKE_REASONS: Weighted<string> = [
  ['quality_defect', 65],
  ['safety_legal', 20],
  ['not_as_described', 15],
];
// Reasons the default policy approves without a person; the rest are reviewed.
const AUTO_REASONS = new Set([
  'size_not_fit',
  'style_not_expected',
  'no_reason',
  'wrong_item',
  'damaged_in_transit',
]);

/** Plans the cases of every order: returns of delivered lines, then help-desk conversations. */
export function planCases(
  random: Prng,
  orders: OrderInput[],
  roleOf: (orderExternalId: string) => ShopperRole,
  now: DateTime,
): DemoHistoryCase[] {
  const cases: DemoHistoryCase[] = [];
  const add = (c: Omit<DemoHistoryCase, 'key'> | null) => {
    if (c && Date.parse(c.createdAt) < now.toMillis()) cases.push({ key: `H${cases.length + 1}`, ...c });
  };
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    const role = roleOf(order.externalId);
    add(planReturn(random, order, role, now));
    const conversation = random.weighted<CaseKind | null>([
      ['inquiry', 5],
      ['logistics', 2.5],
      ['complaint', role === 'complainer' ? 50 : 1.2],
      ['dispute', 0.3],
      [null, 91],
    ]);
    if (conversation) add(planConversation(random, order, conversation, now));
  }
  return cases.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function planReturn(random: Prng, order: OrderInput, role: ShopperRole, now: DateTime) {
  const delivered = order.shipments?.[0]?.deliveredAt;
  if (!delivered) return null;
  const items = order.lines.flatMap((line) => {
    // Bulk orders of business customers are not sent back.
    if (line.quantity >= 20) return [];
    const spike = line.attributes?.batch?.endsWith('-PC7') === true;
    let rate = spike ? 0.45 : (RATE[line.category ?? ''] ?? 0.05);
    if (role === 'serial_returner') rate = Math.min(0.85, rate * 4 + 0.3);
    if (role === 'ring') rate = 0.6;
    if (!random.chance(rate)) return [];
    const reasonCode =
      role === 'ring'
        ? 'not_as_described'
        : random.weighted(spike ? SPIKE_REASONS : (REASONS[line.category ?? ''] ?? REASONS.home ?? []));
    const quantity = random.int(1, line.quantity);
    return [{ line, quantity, reasonCode }];
  });
  const first = items[0];
  if (!first) return null;
  // An overheating charger is sent back within days; other returns take up to two weeks.
  const spiking = items.some((i) => i.line.attributes?.batch?.endsWith('-PC7'));
  const t0 = DateTime.fromISO(delivered, { zone: 'utc' }).plus({
    hours: spiking ? random.int(12, 96) : random.int(20, 13 * 24),
  });
  const cheap = first.line.unitPriceMinor < 3000;
  const kind: CaseKind =
    first.reasonCode === 'size_not_fit' && random.chance(0.4)
      ? 'exchange'
      : first.reasonCode === 'quality_defect' && first.line.category === 'electronics' && random.chance(0.15)
        ? 'repair'
        : first.reasonCode === 'damaged_in_transit' && cheap && random.chance(0.6)
          ? 'refund_only'
          : 'return';
  const late = random.chance(0.03);
  const reviewed = !items.every((i) => AUTO_REASONS.has(i.reasonCode)) || random.chance(0.08);
  const decision = late
    ? { outcome: 'reject' as const, reason: 'The return window of 14 days has passed.' }
    : reviewed
      ? { outcome: 'review' as const, reason: 'The reason needs a person to look at the evidence.' }
      : { outcome: 'approve' as const, reason: 'Approved automatically by the return policy.' };
  const zone = zoneOf(order);
  const at = isoOf;
  const steps: DemoStep[] = [];
  const messages: DemoHistoryCase['messages'] = [];
  const language = order.customer.language ?? 'en';
  const text = textLanguage(language);
  let t: DateTime = t0;
  let inspection: DemoHistoryCase['inspection'] = null;
  let refund: DemoHistoryCase['refund'] = null;
  const refundable = items.reduce((sum, i) => sum + i.quantity * i.line.unitPriceMinor, 0);
  if (decision.outcome === 'reject') {
    steps.push({ type: 'reject', at: at(t), by: 'system', reason: decision.reason });
  } else {
    if (decision.outcome === 'review') {
      steps.push({ type: 'start_review', at: at(t), by: 'system', reason: decision.reason });
      messages.push({
        at: at(t),
        direction: 'inbound',
        body: customerMessage(random, text, random.pick(['unhappy', 'neutral'] as const)),
      });
      if (random.chance(0.15)) {
        t = workingTime(random, t, zone);
        steps.push({
          type: 'request_info',
          at: at(t),
          by: 'agent',
          reason: 'Please send a photo of the defect.',
        });
        t = t.plus({ hours: random.int(2, 40) });
        steps.push({ type: 'provide_info', at: at(t), by: 'customer' });
      }
      t = workingTime(random, t, zone);
      messages.push({ at: at(t), direction: 'outbound', body: agentReply(random, text) });
      if (role !== 'ring' && random.chance(0.12)) {
        steps.push({ type: 'reject', at: at(t), by: 'agent', reason: 'The photos show wear, not a defect.' });
      } else {
        steps.push({ type: 'approve', at: at(t), by: 'agent', reason: 'Checked the evidence; approved.' });
      }
    } else {
      steps.push({ type: 'approve', at: at(t), by: 'system', reason: decision.reason });
    }
    const approved = steps.at(-1)?.type === 'approve';
    if (approved && kind === 'refund_only') {
      t = workingTime(random, t, zone);
      steps.push({
        type: 'refund',
        at: at(t),
        by: 'agent',
        data: { amountMinor: refundable, currency: order.currency, method: 'original_payment' },
      });
      refund = { at: at(t), amountMinor: refundable };
    } else if (approved) {
      steps.push({ type: 'issue_label', at: at(t), by: 'system' });
      t = t.plus({ hours: random.int(12, 96) });
      steps.push({ type: 'ship', at: at(t), by: 'customer' });
      t = t.plus({ hours: random.int(40, 120) });
      steps.push({ type: 'receive', at: at(t), by: 'agent' });
      t = workingTime(random, t, zone);
      const passed = !(role === 'ring' ? random.chance(0.5) : random.chance(0.05));
      inspection = {
        at: at(t),
        passed,
        notes: passed ? 'Complete and as described by the customer.' : 'No defect found; clear signs of use.',
      };
      steps.push({ type: passed ? 'pass_inspection' : 'fail_inspection', at: at(t), by: 'agent' });
      t = workingTime(random, t, zone);
      if (!passed) steps.push({ type: 'refuse', at: at(t), by: 'agent', reason: inspection.notes });
      else if (kind === 'exchange') steps.push({ type: 'ship_replacement', at: at(t), by: 'agent' });
      else if (kind === 'repair') {
        t = t.plus({ days: random.int(2, 8) });
        steps.push({ type: 'complete_repair', at: at(t), by: 'agent' });
      } else {
        steps.push({
          type: 'refund',
          at: at(t),
          by: 'agent',
          data: { amountMinor: refundable, currency: order.currency, method: 'original_payment' },
        });
        refund = { at: at(t), amountMinor: refundable };
      }
    }
  }
  if (steps.at(-1)?.type !== 'refuse') {
    steps.push({ type: 'close', at: at(t.plus({ days: 7 })), by: 'system' });
  }
  const happened = (iso: string) => Date.parse(iso) < now.toMillis();
  const before = steps.filter((s) => happened(s.at));
  return {
    kind,
    orderExternalId: order.externalId,
    storeCode: order.storeCode ?? 'eu',
    customerExternalId: order.customer.externalId ?? '',
    currency: order.currency,
    language,
    channel: 'web' as const,
    category: first.reasonCode === 'quality_defect' ? ('quality' as const) : ('after_sales' as const),
    complaintType: null,
    createdAt: at(t0),
    items: items.map((i) => ({
      lineExternalId: i.line.externalId,
      sku: i.line.sku,
      quantity: i.quantity,
      reasonCode: i.reasonCode,
      refundableMinor: i.quantity * i.line.unitPriceMinor,
    })),
    // A rejected request took nothing back; a repair comes home again.
    returnsGoods: kind !== 'repair' && !before.some((s) => s.type === 'reject'),
    decision,
    steps: before,
    agentSlot: agentFor(random, first.line),
    messages: messages.filter((m) => happened(m.at)),
    inspection: inspection && happened(inspection.at) ? inspection : null,
    refund: refund && happened(refund.at) ? refund : null,
    survey: null,
  };
}

// Who handles what: agents 0–1 take fashion and the rest, 2 electronics, 3 home and beauty.
function agentFor(random: Prng, line: OrderLineInput): number {
  if (line.category === 'electronics') return random.chance(0.8) ? 2 : random.int(0, 1);
  if (line.category === 'home' || line.category === 'beauty')
    return random.chance(0.8) ? 3 : random.int(0, 1);
  return random.int(0, 1);
}
