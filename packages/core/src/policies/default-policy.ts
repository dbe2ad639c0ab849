import type { PolicyDocument, ReasonDefinition } from './policy.schema.js';

/** The reason codes of the default catalogue. */
export const DEFAULT_REASON_CODES = [
  'quality_defect',
  'not_as_described',
  'damaged_in_transit',
  'wrong_item',
  'size_not_fit',
  'style_not_expected',
  'no_reason',
  'safety_legal',
  'other',
] as const;
export type DefaultReasonCode = (typeof DEFAULT_REASON_CODES)[number];

const WORN_GOODS: ReasonDefinition['requiredConditions'] = ['unworn', 'unwashed', 'resalable'];

const REASONS: Record<DefaultReasonCode, Omit<ReasonDefinition, 'code'>> = {
  quality_defect: {
    labels: { en: 'Quality problem (broken or not working)', 'zh-CN': '质量问题（破损或功能缺失）' },
    fault: 'merchant',
    requiredConditions: [],
    evidenceRequired: true,
    kinds: ['return', 'exchange', 'refund_only', 'repair'],
  },
  not_as_described: {
    labels: { en: 'Not as described', 'zh-CN': '与描述不符' },
    fault: 'merchant',
    requiredConditions: [],
    evidenceRequired: true,
    kinds: ['return', 'exchange', 'refund_only'],
  },
  damaged_in_transit: {
    labels: { en: 'Damaged in transit', 'zh-CN': '运输途中损坏' },
    fault: 'merchant',
    requiredConditions: [],
    evidenceRequired: true,
    kinds: ['return', 'exchange', 'refund_only'],
  },
  wrong_item: {
    labels: { en: 'Wrong item sent', 'zh-CN': '发错商品' },
    fault: 'merchant',
    requiredConditions: [],
    evidenceRequired: true,
    kinds: ['return', 'exchange'],
  },
  size_not_fit: {
    labels: { en: 'Size does not fit', 'zh-CN': '尺码不合适' },
    fault: 'customer',
    requiredConditions: WORN_GOODS,
    evidenceRequired: false,
    kinds: ['return', 'exchange'],
  },
  style_not_expected: {
    labels: { en: 'Colour or style not as expected', 'zh-CN': '颜色或款式不符合预期' },
    fault: 'customer',
    requiredConditions: WORN_GOODS,
    evidenceRequired: false,
    kinds: ['return', 'exchange'],
  },
  // "7 天无理由退货": the item must come back as it left.
  no_reason: {
    labels: { en: 'Changed my mind (no-reason return)', 'zh-CN': '七天无理由退货' },
    fault: 'customer',
    requiredConditions: ['unused', 'original_packaging', 'accessories_complete', 'resalable'],
    evidenceRequired: false,
    kinds: ['return'],
  },
  safety_legal: {
    labels: { en: 'Safety hazard or illegal goods', 'zh-CN': '安全隐患或违法商品' },
    fault: 'merchant',
    requiredConditions: [],
    evidenceRequired: true,
    kinds: ['return', 'refund_only'],
  },
  other: {
    labels: { en: 'Other', 'zh-CN': '其他' },
    fault: 'customer',
    requiredConditions: [],
    evidenceRequired: false,
    kinds: ['return', 'exchange', 'refund_only', 'repair'],
  },
};

/** The policy a new tenant starts with: the figures of the requirements. */
export function defaultPolicy(): PolicyDocument {
  return {
    schemaVersion: 1,
    returnWindowDays: 7,
    categoryWindows: {},
    nonReturnableCategories: [],
    reasons: DEFAULT_REASON_CODES.map((code) => structuredClone({ code, ...REASONS[code] })),
    shipping: {
      byFault: {
        merchant: { returnShipping: 'merchant', reshipping: 'merchant', refundOriginalShipping: true },
        customer: { returnShipping: 'customer', reshipping: 'customer', refundOriginalShipping: false },
      },
      customerReturnShippingMinor: { EUR: 695, USD: 795, CNY: 1500, GBP: 595, BRL: 2500 },
      customerReshippingMinor: { EUR: 695, USD: 795, CNY: 1500, GBP: 595, BRL: 2500 },
      deductFromRefund: true,
    },
    exchange: { allowHigherPrice: false },
    autoApproval: {
      enabled: true,
      reasons: ['no_reason'],
      kinds: ['return'],
      requiredConditions: ['unused'],
      maxOrderValueMinor: { EUR: 50000, USD: 50000, GBP: 40000, CNY: 300000, BRL: 250000, JPY: 7000000 },
    },
    compensation: { quality_defect: 'actual_loss', damaged_in_transit: 'merchant_liable' },
    shipBackDays: 7,
    // Off: giving goods away is each merchant's commercial call, and a merchant who
    // publishes `{ "returnWindowDays": 14 }` must not start doing it unasked. The figures
    // are a typical contract label price, so `{ "returnless": { "enabled": true } }` is
    // enough to try it: a €4.95 label keeps items worth less than €9.90.
    returnless: {
      enabled: false,
      labelCostMinor: { EUR: 495, USD: 595, GBP: 395, CNY: 1200, BRL: 2000 },
      maxLabelShare: 0.5,
    },
    // Off for the same reason: paying before the goods arrive is a bet on the customer.
    firstScanRefund: {
      enabled: false,
      minOrders: 3,
      maxRefundMinor: { EUR: 20000, USD: 20000, GBP: 15000, CNY: 150000, BRL: 100000 },
    },
  };
}
