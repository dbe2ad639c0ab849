import type { ReturnKind } from '../cases/kinds.js';
import { de } from './messages.de.js';
import { es } from './messages.es.js';
import { fr } from './messages.fr.js';
import { ja } from './messages.ja.js';
import { ptBR } from './messages.pt-br.js';
import { zhCN } from './messages.zh-cn.js';
import type { CompensationRule, Condition } from './policy.schema.js';

/**
 * The languages decisions are written in: those the customer portal speaks. Anything
 * else falls back to English.
 */
export type Language = 'en' | 'zh-CN' | 'de' | 'es' | 'fr' | 'pt-BR' | 'ja';

// One written variant per language, so the regional tags a browser sends (de-AT, es-MX,
// fr-CA, pt-PT) read the variant the portal shows. A Map, not an object: a tag such as
// "constructor" must not find a prototype property.
const BY_PRIMARY_SUBTAG = new Map<string, Language>([
  ['en', 'en'],
  ['de', 'de'],
  ['es', 'es'],
  ['fr', 'fr'],
  ['pt', 'pt-BR'],
  ['ja', 'ja'],
]);

/**
 * A BCP 47 tag (any case, `_` or `-`) → the closest language: 'zh', 'zh-Hans', 'zh-CN' and
 * 'zh-SG' → 'zh-CN' (Traditional Chinese is not Simplified, so 'zh-TW' → 'en'); otherwise
 * the primary subtag decides ('de-AT' → 'de', 'pt-PT' → 'pt-BR'); anything else → 'en'.
 */
export function resolveLanguage(tag: string): Language {
  const normalized = tag.trim().toLowerCase().replace(/_/g, '-');
  if (/^zh(-hans)?(-(cn|sg))?$/.test(normalized)) return 'zh-CN';
  return BY_PRIMARY_SUBTAG.get(normalized.split('-')[0] ?? '') ?? 'en';
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const goodsWords = (units: number) =>
  units === 1 ? { noun: 'item', it: 'it', its: 'its' } : { noun: 'items', it: 'them', its: 'their' };

const en = {
  list: (items: string[]) => items.join(', '),
  kind: {
    return: 'return',
    exchange: 'exchange',
    refund_only: 'refund-only',
    repair: 'repair',
  } satisfies Record<ReturnKind, string>,
  condition: {
    unused: 'unused',
    unwashed: 'unwashed',
    unworn: 'unworn',
    unopened: 'unopened',
    original_packaging: 'in its original packaging',
    accessories_complete: 'complete with accessories, manual and warranty card',
    resalable: 'resalable',
  } satisfies Record<Condition, string>,
  order_not_cancelled: {
    ok: () => 'The order is not cancelled.',
    fail: (p: { orderId: string }) => `Order ${p.orderId} was cancelled; there is nothing to return.`,
  },
  order_delivered: {
    ok: (p: { day: string }) => `Delivered on ${p.day}.`,
    fail: () => 'The order has not been delivered yet; an agent will check it.',
  },
  customer_not_blocked: {
    ok: () => 'No restriction on the account.',
    fail: () => 'Your account needs a manual check by an agent.',
  },
  items_present: {
    ok: (p: { count: number }) => `${plural(p.count, 'item', 'items')} in the request.`,
    fail: () => 'No items were selected.',
  },
  line_known: {
    ok: (p: { sku: string }) => `${p.sku} is part of the order.`,
    fail: (p: { lineId: string; orderId: string }) => `Item ${p.lineId} is not part of order ${p.orderId}.`,
  },
  quantity_available: {
    ok: (p: { sku: string; requested: number; available: number }) =>
      `${plural(p.requested, 'unit', 'units')} of ${p.sku} requested; ${p.available} can be returned.`,
    fail: (p: { sku: string; requested: number; available: number }) =>
      `${plural(p.requested, 'unit', 'units')} of ${p.sku} requested, but only ${p.available} can still be returned.`,
  },
  category_returnable: {
    ok: (p: { category: string | null }) =>
      p.category === null
        ? 'The item has no category restriction.'
        : `Items of category ${p.category} can be returned.`,
    fail: (p: { category: string }) => `Items of category ${p.category} cannot be returned.`,
  },
  reason_known: {
    ok: (p: { label: string }) => `Reason: ${p.label}.`,
    fail: (p: { code: string }) => `The reason “${p.code}” is not in the catalogue; an agent will check it.`,
  },
  reason_allowed_for_kind: {
    ok: (p: { label: string; kind: string }) => `“${p.label}” is accepted for ${p.kind} requests.`,
    fail: (p: { label: string; kind: string }) =>
      `“${p.label}” is not accepted for ${p.kind} requests; an agent will check it.`,
  },
  within_window: {
    ok: (p: { days: number; window: number }) =>
      `${p.days <= 0 ? 'Requested on the day of delivery' : `Requested ${plural(p.days, 'day', 'days')} after delivery`}, within the ${p.window}-day window.`,
    fail: (p: { days: number; window: number }) =>
      `Requested ${plural(p.days, 'day', 'days')} after delivery; the window is ${plural(p.window, 'day', 'days')}.`,
  },
  conditions_met: {
    ok: (p: { confirmed: string[] }) =>
      p.confirmed.length === 0
        ? 'No item condition is required for this reason.'
        : `Condition confirmed: ${en.list(p.confirmed)}.`,
    fail: (p: { missing: string[] }) =>
      `The item must also be: ${en.list(p.missing)}; an agent will check it.`,
  },
  evidence_provided: {
    ok: (p: { count: number; required: boolean }) =>
      p.required
        ? `${plural(p.count, 'photo or file', 'photos or files')} provided.`
        : 'No evidence needed for this reason.',
    fail: (p: { label: string }) => `Please add photos or other evidence for “${p.label}”.`,
  },
  exchange_price: {
    same: () => 'The replacement costs the same.',
    lower: (p: { amount: string }) =>
      `The replacement costs ${p.amount} less; the difference will be refunded.`,
    higherPaid: (p: { amount: string }) => `The replacement costs ${p.amount} more; you pay the difference.`,
    higherRefused: (p: { amount: string }) =>
      `The replacement costs ${p.amount} more; please choose one of the same price or less.`,
  },
  returnless: {
    keep: (p: { label: string; goods: string; share: string; units: number }) => {
      const w = goodsWords(p.units);
      return `Keep the ${w.noun}: sending ${w.it} back would cost ${p.label}, more than ${p.share} of ${w.its} value (${p.goods}). You are refunded without returning anything.`;
    },
    sendBack: (p: { label: string; goods: string; share: string; units: number }) => {
      const w = goodsWords(p.units);
      return `Please send the ${w.noun} back: the return label (${p.label}) costs at most ${p.share} of ${w.its} value (${p.goods}).`;
    },
    noCost: (p: { currency: string }) =>
      `No return label cost is set for ${p.currency}, so the goods are sent back as usual.`,
  },
  shipping_fee_known: {
    ok: (p: { currency: string }) => `Shipping fees are set for ${p.currency}.`,
    fail: (p: { currency: string }) => `No shipping fee is set for ${p.currency}; an agent will set it.`,
  },
  auto_approval_enabled: {
    ok: () => 'Automatic approval is on.',
    fail: () => 'An agent reviews every request.',
  },
  auto_approval_kind: {
    ok: (p: { kind: string }) => `${capitalize(p.kind)} requests can be approved automatically.`,
    fail: (p: { kind: string }) => `${capitalize(p.kind)} requests are reviewed by an agent.`,
  },
  auto_approval_reason: {
    ok: () => 'The reasons qualify for automatic approval.',
    fail: (p: { labels: string[] }) => `“${p.labels.join('”, “')}” is reviewed by an agent.`,
  },
  auto_approval_conditions: {
    ok: () => 'The declared condition qualifies for automatic approval.',
    fail: (p: { missing: string[] }) =>
      `An agent checks the item's condition (not confirmed: ${en.list(p.missing)}).`,
  },
  auto_approval_evidence: {
    ok: () => 'No evidence needs checking.',
    fail: () => 'An agent checks the evidence.',
  },
  order_value_limit: {
    ok: (p: { amount: string; limit: string }) =>
      `The order value ${p.amount} is below the automatic-approval limit of ${p.limit}.`,
    fail: (p: { amount: string; limit: string }) =>
      `The order value ${p.amount} is at or above the automatic-approval limit of ${p.limit}.`,
    noLimit: (p: { currency: string }) => `No automatic-approval limit is set for ${p.currency}.`,
  },
  compensation: {
    actual_loss: (p: { label: string }) =>
      `${p.label}: the actual loss will be compensated; an agent sets the amount.`,
    merchant_liable: (p: { label: string }) =>
      `${p.label}: the merchant is liable for the damage; an agent sets the compensation.`,
  } satisfies Record<CompensationRule, (p: { label: string }) => string>,
};

/** The message catalogue: one entry per rule outcome, with the numbers interpolated. */
export type Messages = typeof en;

// Each table is typed `Messages`, so a key missing in any language fails to compile.
const CATALOGUE: Record<Language, Messages> = { en, 'zh-CN': zhCN, de, es, fr, 'pt-BR': ptBR, ja };

/** The message catalogue of a language (see `resolveLanguage`). */
export function messagesFor(language: Language): Messages {
  return CATALOGUE[language];
}
