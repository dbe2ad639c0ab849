import type { ReturnKind } from '../cases/kinds.js';
import type { CompensationRule, Condition } from './policy.schema.js';

/** The languages decisions are written in; anything else falls back to English. */
export type Language = 'en' | 'zh-CN';

/** 'zh', 'zh-Hans', 'zh-CN', 'zh-SG' (any case, `_` or `-`) → 'zh-CN'; everything else → 'en'. */
export function resolveLanguage(tag: string): Language {
  const normalized = tag.trim().toLowerCase().replace(/_/g, '-');
  return /^zh(-hans)?(-(cn|sg))?$/.test(normalized) ? 'zh-CN' : 'en';
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

const zhCN: Messages = {
  list: (items) => items.join('、'),
  kind: { return: '退货', exchange: '换货', refund_only: '仅退款', repair: '维修' },
  condition: {
    unused: '未使用',
    unwashed: '未洗涤',
    unworn: '未穿着',
    unopened: '未拆封',
    original_packaging: '原包装完好',
    accessories_complete: '配件齐全（含说明书和保修卡）',
    resalable: '不影响二次销售',
  },
  order_not_cancelled: {
    ok: () => '订单未取消。',
    fail: (p) => `订单 ${p.orderId} 已取消，无需退货。`,
  },
  order_delivered: {
    ok: (p) => `已于 ${p.day} 签收。`,
    fail: () => '订单尚未签收，将由客服核实。',
  },
  customer_not_blocked: {
    ok: () => '账户无限制。',
    fail: () => '您的账户需要客服人工核实。',
  },
  items_present: {
    ok: (p) => `申请包含 ${p.count} 项商品。`,
    fail: () => '未选择任何商品。',
  },
  line_known: {
    ok: (p) => `商品 ${p.sku} 属于该订单。`,
    fail: (p) => `商品 ${p.lineId} 不属于订单 ${p.orderId}。`,
  },
  quantity_available: {
    ok: (p) => `申请 ${p.sku} 共 ${p.requested} 件，可申请 ${p.available} 件。`,
    fail: (p) => `申请 ${p.sku} 共 ${p.requested} 件，但仅剩 ${p.available} 件可申请售后。`,
  },
  category_returnable: {
    ok: (p) => (p.category === null ? '该商品无类目限制。' : `${p.category} 类商品支持退换。`),
    fail: (p) => `${p.category} 类商品不支持退换。`,
  },
  reason_known: {
    ok: (p) => `原因：${p.label}。`,
    fail: (p) => `原因“${p.code}”不在原因列表中，将由客服核实。`,
  },
  reason_allowed_for_kind: {
    ok: (p) => `“${p.label}”适用于${p.kind}申请。`,
    fail: (p) => `“${p.label}”不适用于${p.kind}申请，将由客服核实。`,
  },
  within_window: {
    ok: (p) => `${p.days <= 0 ? '收货当天申请' : `收货后第 ${p.days} 天申请`}，在 ${p.window} 天期限内。`,
    fail: (p) => `收货后第 ${p.days} 天申请，退货期限为 ${p.window} 天。`,
  },
  conditions_met: {
    ok: (p) =>
      p.confirmed.length === 0 ? '该原因无商品状态要求。' : `已确认商品状态：${zhCN.list(p.confirmed)}。`,
    fail: (p) => `商品还需满足：${zhCN.list(p.missing)}，将由客服核实。`,
  },
  evidence_provided: {
    ok: (p) => (p.required ? `已提供 ${p.count} 份凭证。` : '该原因无需提供凭证。'),
    fail: (p) => `“${p.label}”需要上传照片或其他凭证。`,
  },
  exchange_price: {
    same: () => '换货商品价格相同。',
    lower: (p) => `换货商品便宜 ${p.amount}，差价将退还给您。`,
    higherPaid: (p) => `换货商品贵 ${p.amount}，差价由您支付。`,
    higherRefused: (p) => `换货商品贵 ${p.amount}，请选择价格相同或更低的商品。`,
  },
  returnless: {
    keep: (p) => `无需退回商品：寄回运费 ${p.label} 超过商品价值（${p.goods}）的 ${p.share}，直接为您退款。`,
    sendBack: (p) => `请寄回商品：退货运费 ${p.label} 不超过商品价值（${p.goods}）的 ${p.share}。`,
    noCost: (p) => `未设置 ${p.currency} 的退货运费，商品需按常规寄回。`,
  },
  shipping_fee_known: {
    ok: (p) => `已设置 ${p.currency} 运费。`,
    fail: (p) => `未设置 ${p.currency} 运费，将由客服确认。`,
  },
  auto_approval_enabled: {
    ok: () => '已开启自动审核。',
    fail: () => '所有申请均由客服审核。',
  },
  auto_approval_kind: {
    ok: (p) => `${p.kind}申请可自动审核。`,
    fail: (p) => `${p.kind}申请由客服审核。`,
  },
  auto_approval_reason: {
    ok: () => '申请原因符合自动审核条件。',
    fail: (p) => `“${p.labels.join('”、“')}”需由客服审核。`,
  },
  auto_approval_conditions: {
    ok: () => '商品状态符合自动审核条件。',
    fail: (p) => `商品状态需客服核实（未确认：${zhCN.list(p.missing)}）。`,
  },
  auto_approval_evidence: {
    ok: () => '无需核验凭证。',
    fail: () => '凭证需由客服核验。',
  },
  order_value_limit: {
    ok: (p) => `订单金额 ${p.amount} 低于自动审核上限 ${p.limit}。`,
    fail: (p) => `订单金额 ${p.amount} 达到或超过自动审核上限 ${p.limit}。`,
    noLimit: (p) => `未设置 ${p.currency} 的自动审核上限。`,
  },
  compensation: {
    actual_loss: (p) => `${p.label}：将按实际损失赔偿，金额由客服确定。`,
    merchant_liable: (p) => `${p.label}：由商家承担责任，赔偿金额由客服确定。`,
  },
};

const CATALOGUE: Record<Language, Messages> = { en, 'zh-CN': zhCN };

/** The message catalogue of a language (see `resolveLanguage`). */
export function messagesFor(language: Language): Messages {
  return CATALOGUE[language];
}
