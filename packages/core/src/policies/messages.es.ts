import { grammarFor } from './messages.grammar.js';
import type { Messages } from './messages.js';

// "Tú" and "nuestro equipo" for the agent, as the Spanish portal where these lines appear
// speaks (the e-mail notices use "usted"); neutral wording that reads well in Spain and
// Latin America.
const g = grammarFor('es');
const quote = (text: string) => `«${text}»`;
const can = (count: number) => (g.isOne(count) ? 'puede' : 'pueden');
const goodsWords = (units: number) =>
  g.isOne(units) ? { noun: 'el artículo', it: 'devolverlo' } : { noun: 'los artículos', it: 'devolverlos' };

export const es: Messages = {
  list: (items) => g.and(items),
  kind: {
    return: 'devolución',
    exchange: 'cambio',
    refund_only: 'reembolso sin devolución',
    repair: 'reparación',
  },
  condition: {
    unused: 'sin usar',
    unwashed: 'sin lavar',
    unworn: 'sin estrenar',
    unopened: 'sin abrir',
    original_packaging: 'en su embalaje original',
    accessories_complete: 'completo, con accesorios, manual y tarjeta de garantía',
    resalable: 'en condiciones de volver a venderse',
  },
  order_not_cancelled: {
    ok: () => 'El pedido no está cancelado.',
    fail: (p) => `El pedido ${p.orderId} está cancelado; no hay nada que devolver.`,
  },
  order_delivered: {
    ok: (p) => `Entregado el ${p.day}.`,
    fail: () => 'El pedido aún no se ha entregado; nuestro equipo lo revisará.',
  },
  customer_not_blocked: {
    ok: () => 'Tu cuenta no tiene ninguna restricción.',
    fail: () => 'Nuestro equipo tiene que revisar tu cuenta manualmente.',
  },
  items_present: {
    ok: (p) => `Tu solicitud incluye ${g.count(p.count, 'artículo', 'artículos')}.`,
    fail: () => 'No has seleccionado ningún artículo.',
  },
  line_known: {
    ok: (p) => `${p.sku} forma parte del pedido.`,
    fail: (p) => `El artículo ${p.lineId} no forma parte del pedido ${p.orderId}.`,
  },
  quantity_available: {
    ok: (p) =>
      `Has solicitado ${g.count(p.requested, 'unidad', 'unidades')} de ${p.sku}; se ${can(p.available)} devolver ${p.available}.`,
    fail: (p) =>
      `Has solicitado ${g.count(p.requested, 'unidad', 'unidades')} de ${p.sku}, pero solo se ${can(p.available)} devolver ${p.available}.`,
  },
  category_returnable: {
    ok: (p) =>
      p.category === null
        ? 'El artículo no tiene restricciones por categoría.'
        : `Los artículos de la categoría ${p.category} se pueden devolver.`,
    fail: (p) => `Los artículos de la categoría ${p.category} no se pueden devolver.`,
  },
  reason_known: {
    ok: (p) => `Motivo: ${p.label}.`,
    fail: (p) => `El motivo ${quote(p.code)} no está en nuestra lista; nuestro equipo lo revisará.`,
  },
  reason_allowed_for_kind: {
    ok: (p) => `El motivo ${quote(p.label)} se acepta en solicitudes de ${p.kind}.`,
    fail: (p) =>
      `El motivo ${quote(p.label)} no se acepta en solicitudes de ${p.kind}; nuestro equipo lo revisará.`,
  },
  within_window: {
    ok: (p) =>
      `${p.days <= 0 ? 'Solicitud hecha el día de la entrega' : `Solicitud hecha ${g.count(p.days, 'día', 'días')} después de la entrega`}, dentro del plazo de ${g.count(p.window, 'día', 'días')}.`,
    fail: (p) =>
      `Solicitud hecha ${g.count(p.days, 'día', 'días')} después de la entrega; el plazo es de ${g.count(p.window, 'día', 'días')}.`,
  },
  conditions_met: {
    ok: (p) =>
      p.confirmed.length === 0
        ? 'Este motivo no exige ningún estado concreto del artículo.'
        : `Estado confirmado: ${g.and(p.confirmed)}.`,
    fail: (p) => `El artículo también debe estar ${g.and(p.missing)}; nuestro equipo lo revisará.`,
  },
  evidence_provided: {
    ok: (p) =>
      p.required
        ? `${g.count(p.count, 'foto o archivo aportado', 'fotos o archivos aportados')}.`
        : 'Este motivo no requiere pruebas.',
    fail: (p) => `Adjunta fotos u otras pruebas para el motivo ${quote(p.label)}.`,
  },
  exchange_price: {
    same: () => 'El artículo de reemplazo cuesta lo mismo.',
    lower: (p) => `El artículo de reemplazo cuesta ${p.amount} menos; te reembolsaremos la diferencia.`,
    higherPaid: (p) => `El artículo de reemplazo cuesta ${p.amount} más; tú pagas la diferencia.`,
    higherRefused: (p) =>
      `El artículo de reemplazo cuesta ${p.amount} más; elige uno del mismo precio o más barato.`,
  },
  returnless: {
    keep: (p) => {
      const w = goodsWords(p.units);
      return `Quédate con ${w.noun}: ${w.it} costaría ${p.label}, más del ${p.share} de su valor (${p.goods}). Te hacemos el reembolso sin que tengas que devolver nada.`;
    },
    sendBack: (p) => {
      const w = goodsWords(p.units);
      return `Devuelve ${w.noun}, por favor: la etiqueta de devolución (${p.label}) cuesta como máximo el ${p.share} de su valor (${p.goods}).`;
    },
    noCost: (p) =>
      `No hay un precio de etiqueta de devolución definido para ${p.currency}, así que los artículos se devuelven como de costumbre.`,
  },
  shipping_fee_known: {
    ok: (p) => `Los gastos de envío están definidos para ${p.currency}.`,
    fail: (p) => `No hay gastos de envío definidos para ${p.currency}; nuestro equipo los fijará.`,
  },
  auto_approval_enabled: {
    ok: () => 'La aprobación automática está activada.',
    fail: () => 'Nuestro equipo revisa todas las solicitudes.',
  },
  auto_approval_kind: {
    ok: (p) => `Las solicitudes de ${p.kind} se pueden aprobar automáticamente.`,
    fail: (p) => `Nuestro equipo revisa las solicitudes de ${p.kind}.`,
  },
  auto_approval_reason: {
    ok: () => 'Los motivos permiten la aprobación automática.',
    fail: (p) =>
      `Nuestro equipo revisa ${g.isOne(p.labels.length) ? 'el motivo' : 'los motivos'} ${g.and(p.labels.map(quote))}.`,
  },
  auto_approval_conditions: {
    ok: () => 'El estado declarado permite la aprobación automática.',
    fail: (p) => `Nuestro equipo revisará el estado del artículo (sin confirmar: ${g.and(p.missing)}).`,
  },
  auto_approval_evidence: {
    ok: () => 'No hay pruebas que revisar.',
    fail: () => 'Nuestro equipo revisará las pruebas.',
  },
  order_value_limit: {
    ok: (p) =>
      `El importe del pedido (${p.amount}) está por debajo del límite de aprobación automática (${p.limit}).`,
    fail: (p) =>
      `El importe del pedido (${p.amount}) alcanza o supera el límite de aprobación automática (${p.limit}).`,
    noLimit: (p) => `No hay un límite de aprobación automática definido para ${p.currency}.`,
  },
  compensation: {
    actual_loss: (p) => `${p.label}: se compensará el perjuicio real; nuestro equipo fijará el importe.`,
    merchant_liable: (p) =>
      `${p.label}: el vendedor responde de los daños; nuestro equipo fijará la compensación.`,
  },
};
