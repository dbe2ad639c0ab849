import type { Messages } from './messages.js';

// Polite です・ます with 担当者 for the agent, as the Japanese portal speaks. Japanese has no
// plural, so counts take a counter (点, 日) and lists the ideographic comma.
const list = (items: string[]) => items.join('、');
const quote = (text: string) => `「${text}」`;

export const ja: Messages = {
  list,
  kind: {
    return: '返品',
    exchange: '交換',
    refund_only: '返金のみ',
    repair: '修理',
  },
  condition: {
    unused: '未使用',
    unwashed: '未洗濯',
    unworn: '未着用',
    unopened: '未開封',
    original_packaging: '購入時の梱包のまま',
    accessories_complete: '付属品・説明書・保証書がすべてそろっている',
    resalable: '再販売できる状態',
  },
  order_not_cancelled: {
    ok: () => 'ご注文はキャンセルされていません。',
    fail: (p) => `ご注文 ${p.orderId} はキャンセル済みのため、返品の対象となる商品はありません。`,
  },
  order_delivered: {
    ok: (p) => `${p.day} に配達済みです。`,
    fail: () => 'ご注文はまだ配達されていません。担当者が確認いたします。',
  },
  customer_not_blocked: {
    ok: () => 'アカウントに制限はありません。',
    fail: () => 'お客様のアカウントは担当者による確認が必要です。',
  },
  items_present: {
    ok: (p) => `お申し込みの商品は${p.count}点です。`,
    fail: () => '商品が選択されていません。',
  },
  line_known: {
    ok: (p) => `${p.sku} はこのご注文の商品です。`,
    fail: (p) => `商品 ${p.lineId} はご注文 ${p.orderId} に含まれていません。`,
  },
  quantity_available: {
    ok: (p) =>
      `${p.sku} を${p.requested}点お申し込みいただきました。お申し込みいただける数量は${p.available}点です。`,
    fail: (p) =>
      `${p.sku} を${p.requested}点お申し込みいただきましたが、お申し込みいただける数量は残り${p.available}点です。`,
  },
  category_returnable: {
    ok: (p) =>
      p.category === null
        ? 'この商品にはカテゴリーによる返品制限はありません。'
        : `${p.category} カテゴリーの商品は返品を承っております。`,
    fail: (p) => `${p.category} カテゴリーの商品は返品をお受けできません。`,
  },
  reason_known: {
    ok: (p) => `理由：${p.label}。`,
    fail: (p) => `理由${quote(p.code)}は理由の一覧にありません。担当者が確認いたします。`,
  },
  reason_allowed_for_kind: {
    ok: (p) => `${quote(p.label)}は${p.kind}のお申し込みでご利用いただけます。`,
    fail: (p) => `${quote(p.label)}は${p.kind}のお申し込みではご利用いただけません。担当者が確認いたします。`,
  },
  within_window: {
    ok: (p) =>
      `${p.days <= 0 ? '配達当日のお申し込み' : `配達から${p.days}日後のお申し込み`}で、${p.window}日間の受付期間内です。`,
    fail: (p) => `配達から${p.days}日後のお申し込みです。受付期間は${p.window}日間です。`,
  },
  conditions_met: {
    ok: (p) =>
      p.confirmed.length === 0
        ? 'この理由では、商品の状態に関する条件はありません。'
        : `確認済みの商品の状態：${list(p.confirmed)}。`,
    fail: (p) => `商品は次の条件も満たしている必要があります：${list(p.missing)}。担当者が確認いたします。`,
  },
  evidence_provided: {
    ok: (p) =>
      p.required
        ? `写真またはファイルを${p.count}件ご提出いただきました。`
        : 'この理由では写真などのご提出は不要です。',
    fail: (p) => `${quote(p.label)}について、写真などの証拠をご提出ください。`,
  },
  exchange_price: {
    same: () => '交換品は同じ価格です。',
    lower: (p) => `交換品は ${p.amount} 安いため、差額を返金いたします。`,
    higherPaid: (p) => `交換品は ${p.amount} 高いため、差額をお支払いいただきます。`,
    higherRefused: (p) => `交換品は ${p.amount} 高くなります。同じ価格かそれより安い商品をお選びください。`,
  },
  returnless: {
    keep: (p) =>
      `商品のご返送は不要です。返送料（${p.label}）が商品価格（${p.goods}）の${p.share}を超えるため、返品なしで返金いたします。`,
    sendBack: (p) =>
      `商品をご返送ください。返品ラベル代（${p.label}）は商品価格（${p.goods}）の${p.share}以下です。`,
    noCost: (p) => `${p.currency} の返品ラベル代が設定されていないため、通常どおり商品をご返送いただきます。`,
  },
  shipping_fee_known: {
    ok: (p) => `${p.currency} の送料は設定済みです。`,
    fail: (p) => `${p.currency} の送料が設定されていません。担当者が設定いたします。`,
  },
  auto_approval_enabled: {
    ok: () => '自動承認が有効です。',
    fail: () => 'すべてのお申し込みを担当者が確認いたします。',
  },
  auto_approval_kind: {
    ok: (p) => `${p.kind}のお申し込みは自動で承認できます。`,
    fail: (p) => `${p.kind}のお申し込みは担当者が確認いたします。`,
  },
  auto_approval_reason: {
    ok: () => 'お申し込みの理由は自動承認の対象です。',
    fail: (p) => `理由${p.labels.map(quote).join('')}は担当者が確認いたします。`,
  },
  auto_approval_conditions: {
    ok: () => 'ご申告の商品の状態は自動承認の対象です。',
    fail: (p) => `商品の状態は担当者が確認いたします（未確認：${list(p.missing)}）。`,
  },
  auto_approval_evidence: {
    ok: () => '確認が必要な証拠はありません。',
    fail: () => 'ご提出の証拠は担当者が確認いたします。',
  },
  order_value_limit: {
    ok: (p) => `ご注文金額 ${p.amount} は自動承認の上限（${p.limit}）未満です。`,
    fail: (p) => `ご注文金額 ${p.amount} は自動承認の上限（${p.limit}）以上です。`,
    noLimit: (p) => `${p.currency} の自動承認の上限は設定されていません。`,
  },
  compensation: {
    actual_loss: (p) => `${p.label}：実際の損害を補償いたします。金額は担当者が決定します。`,
    merchant_liable: (p) => `${p.label}：損害は販売者の責任となります。補償額は担当者が決定します。`,
  },
};
