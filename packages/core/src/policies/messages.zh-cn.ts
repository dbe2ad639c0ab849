import type { Messages } from './messages.js';

// 客服 for the agent; lists take the enumeration comma (、), not a comma.
export const zhCN: Messages = {
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
