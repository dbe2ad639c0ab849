import { NOTICE_LANGUAGES } from '../notifications/index.js';
import { chooseLanguage, renderMacro } from '../replies/index.js';
import type { ShipmentStatus } from './shipment-state.js';

/** The proactive notices about an outbound parcel; one of each kind per parcel. */
export const SHIPPING_NOTICE_KINDS = [
  'shipment.shipped',
  'shipment.in_transit',
  'shipment.out_for_delivery',
  'shipment.delivered',
] as const;
export type ShippingNoticeKind = (typeof SHIPPING_NOTICE_KINDS)[number];

/**
 * Which notice a move from `previous` to `next` earns, if any. Customers hear at dispatch,
 * out for delivery and on delivery. Every in-transit scan would be noise, so "on its way"
 * is sent only when in transit is the first news of the parcel (the shop never reported
 * the dispatch). Exceptions are for agents to judge, not for an automatic mail.
 */
export function shippingNoticeKind(
  previous: ShipmentStatus | null,
  next: ShipmentStatus,
): ShippingNoticeKind | null {
  switch (next) {
    case 'shipped':
    case 'out_for_delivery':
    case 'delivered':
      return `shipment.${next}`;
    case 'in_transit':
      return previous === null ? 'shipment.in_transit' : null;
    case 'exception':
      return null;
  }
}

type Text = Record<(typeof NOTICE_LANGUAGES)[number], string>;

// {{order.number}}, {{carrier}} and {{trackingNumber}} are filled by renderMacro.
const SUBJECTS: Record<ShippingNoticeKind, Text> = {
  'shipment.shipped': {
    en: 'Your order {{order.number}} has shipped',
    'zh-CN': '您的订单 {{order.number}} 已发货',
    de: 'Ihre Bestellung {{order.number}} ist verschickt',
    fr: 'Votre commande {{order.number}} est expédiée',
    es: 'Su pedido {{order.number}} ha sido enviado',
    'pt-BR': 'Seu pedido {{order.number}} foi enviado',
    ja: 'ご注文 {{order.number}} を発送しました',
  },
  'shipment.in_transit': {
    en: 'Your order {{order.number}} is on its way',
    'zh-CN': '您的订单 {{order.number}} 正在运输途中',
    de: 'Ihre Bestellung {{order.number}} ist unterwegs',
    fr: 'Votre commande {{order.number}} est en route',
    es: 'Su pedido {{order.number}} está en camino',
    'pt-BR': 'Seu pedido {{order.number}} está a caminho',
    ja: 'ご注文 {{order.number}} は配送中です',
  },
  'shipment.out_for_delivery': {
    en: 'Your order {{order.number}} arrives today',
    'zh-CN': '您的订单 {{order.number}} 今天派送',
    de: 'Ihre Bestellung {{order.number}} kommt heute',
    fr: "Votre commande {{order.number}} arrive aujourd'hui",
    es: 'Su pedido {{order.number}} llega hoy',
    'pt-BR': 'Seu pedido {{order.number}} chega hoje',
    ja: 'ご注文 {{order.number}} は本日お届け予定です',
  },
  'shipment.delivered': {
    en: 'Your order {{order.number}} has been delivered',
    'zh-CN': '您的订单 {{order.number}} 已送达',
    de: 'Ihre Bestellung {{order.number}} wurde zugestellt',
    fr: 'Votre commande {{order.number}} a été livrée',
    es: 'Su pedido {{order.number}} ha sido entregado',
    'pt-BR': 'Seu pedido {{order.number}} foi entregue',
    ja: 'ご注文 {{order.number}} をお届けしました',
  },
};

const BODIES: Record<ShippingNoticeKind, Text> = {
  'shipment.shipped': {
    en: 'Good news: your order {{order.number}} has left our warehouse with {{carrier}}. Tracking number: {{trackingNumber}}.',
    'zh-CN': '好消息：您的订单 {{order.number}} 已由 {{carrier}} 发出。运单号：{{trackingNumber}}。',
    de: 'Gute Nachricht: Ihre Bestellung {{order.number}} hat unser Lager mit {{carrier}} verlassen. Sendungsnummer: {{trackingNumber}}.',
    fr: 'Bonne nouvelle : votre commande {{order.number}} a quitté notre entrepôt avec {{carrier}}. Numéro de suivi : {{trackingNumber}}.',
    es: 'Buenas noticias: su pedido {{order.number}} ha salido de nuestro almacén con {{carrier}}. Número de seguimiento: {{trackingNumber}}.',
    'pt-BR':
      'Boa notícia: seu pedido {{order.number}} saiu do nosso armazém com a {{carrier}}. Código de rastreio: {{trackingNumber}}.',
    ja: 'ご注文 {{order.number}} を {{carrier}} にて発送いたしました。追跡番号：{{trackingNumber}}',
  },
  'shipment.in_transit': {
    en: 'Your order {{order.number}} is on its way with {{carrier}}. Tracking number: {{trackingNumber}}.',
    'zh-CN': '您的订单 {{order.number}} 正由 {{carrier}} 运送中。运单号：{{trackingNumber}}。',
    de: 'Ihre Bestellung {{order.number}} ist mit {{carrier}} unterwegs. Sendungsnummer: {{trackingNumber}}.',
    fr: 'Votre commande {{order.number}} est en route avec {{carrier}}. Numéro de suivi : {{trackingNumber}}.',
    es: 'Su pedido {{order.number}} está en camino con {{carrier}}. Número de seguimiento: {{trackingNumber}}.',
    'pt-BR':
      'Seu pedido {{order.number}} está a caminho com a {{carrier}}. Código de rastreio: {{trackingNumber}}.',
    ja: 'ご注文 {{order.number}} は {{carrier}} にて配送中です。追跡番号：{{trackingNumber}}',
  },
  'shipment.out_for_delivery': {
    en: '{{carrier}} is delivering your order {{order.number}} today. Tracking number: {{trackingNumber}}.',
    'zh-CN': '{{carrier}} 今天将派送您的订单 {{order.number}}，请留意签收。运单号：{{trackingNumber}}。',
    de: '{{carrier}} stellt Ihre Bestellung {{order.number}} heute zu. Sendungsnummer: {{trackingNumber}}.',
    fr: "{{carrier}} livre votre commande {{order.number}} aujourd'hui. Numéro de suivi : {{trackingNumber}}.",
    es: '{{carrier}} entrega hoy su pedido {{order.number}}. Número de seguimiento: {{trackingNumber}}.',
    'pt-BR':
      'A {{carrier}} entrega hoje o seu pedido {{order.number}}. Código de rastreio: {{trackingNumber}}.',
    ja: '{{carrier}} が本日ご注文 {{order.number}} をお届けします。追跡番号：{{trackingNumber}}',
  },
  'shipment.delivered': {
    en: '{{carrier}} has delivered your order {{order.number}}. We hope you enjoy it; if anything is wrong, just reply to this message.',
    'zh-CN': '{{carrier}} 已将您的订单 {{order.number}} 送达。祝您使用愉快；如有任何问题，请直接回复本邮件。',
    de: '{{carrier}} hat Ihre Bestellung {{order.number}} zugestellt. Viel Freude damit; falls etwas nicht stimmt, antworten Sie einfach auf diese Nachricht.',
    fr: "{{carrier}} a livré votre commande {{order.number}}. Nous espérons qu'elle vous plaira ; en cas de souci, répondez simplement à ce message.",
    es: '{{carrier}} ha entregado su pedido {{order.number}}. Esperamos que lo disfrute; si algo no está bien, responda a este mensaje.',
    'pt-BR':
      'A {{carrier}} entregou o seu pedido {{order.number}}. Esperamos que goste; se algo estiver errado, é só responder a esta mensagem.',
    ja: '{{carrier}} がご注文 {{order.number}} をお届けしました。万一問題がございましたら、このメッセージにご返信ください。',
  },
};

const TRACK_LINE: Text = {
  en: 'Follow your parcel: {{trackingLink}}',
  'zh-CN': '查看物流：{{trackingLink}}',
  de: 'Sendung verfolgen: {{trackingLink}}',
  fr: 'Suivre votre colis : {{trackingLink}}',
  es: 'Siga su paquete: {{trackingLink}}',
  'pt-BR': 'Acompanhe seu pacote: {{trackingLink}}',
  ja: '配送状況の確認：{{trackingLink}}',
};

/** What a shipping notice names. */
export interface ShippingNoticeFacts {
  orderNumber: string;
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page, when the event carried one. */
  trackingUrl?: string | null;
}

/** A shipping notice, rendered. */
export interface RenderedShippingNotice {
  /** The language used, one of NOTICE_LANGUAGES. */
  language: string;
  subject: string;
  body: string;
}

/** Renders a shipping notice in the best of the notice languages for `language` (English if none fits). */
export function renderShippingNotice(
  kind: ShippingNoticeKind,
  language: string | null,
  facts: ShippingNoticeFacts,
): RenderedShippingNotice {
  const chosen = chooseLanguage([language], NOTICE_LANGUAGES) as (typeof NOTICE_LANGUAGES)[number];
  const link = facts.trackingUrl ? `\n\n${TRACK_LINE[chosen]}` : '';
  const rendered = renderMacro(
    {
      name: `notice:${kind}`,
      variants: { [chosen]: { subject: SUBJECTS[kind][chosen], body: `${BODIES[kind][chosen]}${link}` } },
    },
    chosen,
    {
      order: { number: facts.orderNumber },
      carrier: facts.carrier,
      trackingNumber: facts.trackingNumber,
      trackingLink: facts.trackingUrl ?? null,
    },
  );
  return { language: chosen, subject: rendered.subject ?? '', body: rendered.body };
}
