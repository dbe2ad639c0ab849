import { grammarFor } from './messages.grammar.js';
import type { Messages } from './messages.js';

// Brazilian Portuguese with "você" and "nossa equipe" for the agent, as the portal speaks;
// it also serves European Portuguese readers (pt, pt-PT), who understand it.
const g = grammarFor('pt-BR');
const quote = (text: string) => `“${text}”`;
// "unidade" is feminine: "1 pode ser devolvida", "2 podem ser devolvidas".
const canBeReturned = (count: number) => (g.isOne(count) ? 'pode ser devolvida' : 'podem ser devolvidas');
const goodsWords = (units: number) =>
  g.isOne(units)
    ? { noun: 'o item', it: 'devolvê-lo', its: 'dele' }
    : { noun: 'os itens', it: 'devolvê-los', its: 'deles' };

export const ptBR: Messages = {
  list: (items) => g.and(items),
  kind: {
    return: 'devolução',
    exchange: 'troca',
    refund_only: 'reembolso sem devolução',
    repair: 'reparo',
  },
  condition: {
    unused: 'sem uso',
    unwashed: 'sem lavar',
    unworn: 'nunca vestido',
    unopened: 'lacrado',
    original_packaging: 'na embalagem original',
    accessories_complete: 'completo, com acessórios, manual e certificado de garantia',
    resalable: 'em condições de revenda',
  },
  order_not_cancelled: {
    ok: () => 'O pedido não foi cancelado.',
    fail: (p) => `O pedido ${p.orderId} foi cancelado; não há nada para devolver.`,
  },
  order_delivered: {
    ok: (p) => `Entregue em ${p.day}.`,
    fail: () => 'O pedido ainda não foi entregue; nossa equipe vai verificar.',
  },
  customer_not_blocked: {
    ok: () => 'Não há restrições na sua conta.',
    fail: () => 'Sua conta precisa de uma verificação manual da nossa equipe.',
  },
  items_present: {
    ok: (p) => `Sua solicitação tem ${g.count(p.count, 'item', 'itens')}.`,
    fail: () => 'Nenhum item foi selecionado.',
  },
  line_known: {
    ok: (p) => `${p.sku} faz parte do pedido.`,
    fail: (p) => `O item ${p.lineId} não faz parte do pedido ${p.orderId}.`,
  },
  quantity_available: {
    ok: (p) =>
      `Você solicitou ${g.count(p.requested, 'unidade', 'unidades')} de ${p.sku}; ${p.available} ${canBeReturned(p.available)}.`,
    fail: (p) =>
      `Você solicitou ${g.count(p.requested, 'unidade', 'unidades')} de ${p.sku}, mas só ${p.available} ainda ${canBeReturned(p.available)}.`,
  },
  category_returnable: {
    ok: (p) =>
      p.category === null
        ? 'Este item não tem restrição de categoria.'
        : `Itens da categoria ${p.category} podem ser devolvidos.`,
    fail: (p) => `Itens da categoria ${p.category} não podem ser devolvidos.`,
  },
  reason_known: {
    ok: (p) => `Motivo: ${p.label}.`,
    fail: (p) => `O motivo ${quote(p.code)} não está na nossa lista; nossa equipe vai verificar.`,
  },
  reason_allowed_for_kind: {
    ok: (p) => `O motivo ${quote(p.label)} é aceito em solicitações de ${p.kind}.`,
    fail: (p) =>
      `O motivo ${quote(p.label)} não é aceito em solicitações de ${p.kind}; nossa equipe vai verificar.`,
  },
  within_window: {
    ok: (p) =>
      `${p.days <= 0 ? 'Solicitação feita no dia da entrega' : `Solicitação feita ${g.count(p.days, 'dia', 'dias')} após a entrega`}, dentro do prazo de ${g.count(p.window, 'dia', 'dias')}.`,
    fail: (p) =>
      `Solicitação feita ${g.count(p.days, 'dia', 'dias')} após a entrega; o prazo é de ${g.count(p.window, 'dia', 'dias')}.`,
  },
  conditions_met: {
    ok: (p) =>
      p.confirmed.length === 0
        ? 'Este motivo não exige nenhuma condição específica do item.'
        : `Condição confirmada: ${g.and(p.confirmed)}.`,
    fail: (p) => `O item também precisa estar ${g.and(p.missing)}; nossa equipe vai verificar.`,
  },
  evidence_provided: {
    ok: (p) =>
      p.required
        ? `${g.count(p.count, 'foto ou arquivo enviado', 'fotos ou arquivos enviados')}.`
        : 'Este motivo não exige comprovantes.',
    fail: (p) => `Envie fotos ou outros comprovantes para o motivo ${quote(p.label)}.`,
  },
  exchange_price: {
    same: () => 'O item de troca custa o mesmo.',
    lower: (p) => `O item de troca custa ${p.amount} a menos; a diferença será reembolsada.`,
    higherPaid: (p) => `O item de troca custa ${p.amount} a mais; você paga a diferença.`,
    higherRefused: (p) =>
      `O item de troca custa ${p.amount} a mais; escolha um item de mesmo preço ou mais barato.`,
  },
  returnless: {
    keep: (p) => {
      const w = goodsWords(p.units);
      return `Fique com ${w.noun}: ${w.it} custaria ${p.label}, mais de ${p.share} do valor ${w.its} (${p.goods}). Você recebe o reembolso sem precisar devolver nada.`;
    },
    sendBack: (p) => {
      const w = goodsWords(p.units);
      return `Devolva ${w.noun}, por favor: a etiqueta de devolução (${p.label}) custa no máximo ${p.share} do valor ${w.its} (${p.goods}).`;
    },
    noCost: (p) =>
      `Não há custo de etiqueta de devolução definido para ${p.currency}, então os itens são devolvidos normalmente.`,
  },
  shipping_fee_known: {
    ok: (p) => `O frete está definido para ${p.currency}.`,
    fail: (p) => `Não há frete definido para ${p.currency}; nossa equipe vai defini-lo.`,
  },
  auto_approval_enabled: {
    ok: () => 'A aprovação automática está ativada.',
    fail: () => 'Nossa equipe analisa todas as solicitações.',
  },
  auto_approval_kind: {
    ok: (p) => `Solicitações de ${p.kind} podem ser aprovadas automaticamente.`,
    fail: (p) => `Solicitações de ${p.kind} são analisadas pela nossa equipe.`,
  },
  auto_approval_reason: {
    ok: () => 'Os motivos permitem aprovação automática.',
    fail: (p) =>
      g.isOne(p.labels.length)
        ? `O motivo ${g.and(p.labels.map(quote))} é analisado pela nossa equipe.`
        : `Os motivos ${g.and(p.labels.map(quote))} são analisados pela nossa equipe.`,
  },
  auto_approval_conditions: {
    ok: () => 'A condição informada permite aprovação automática.',
    fail: (p) => `Nossa equipe vai verificar a condição do item (não confirmado: ${g.and(p.missing)}).`,
  },
  auto_approval_evidence: {
    ok: () => 'Não há comprovantes para verificar.',
    fail: () => 'Nossa equipe vai verificar os comprovantes.',
  },
  order_value_limit: {
    ok: (p) => `O valor do pedido (${p.amount}) está abaixo do limite de aprovação automática (${p.limit}).`,
    fail: (p) =>
      `O valor do pedido (${p.amount}) atinge ou ultrapassa o limite de aprovação automática (${p.limit}).`,
    noLimit: (p) => `Não há limite de aprovação automática definido para ${p.currency}.`,
  },
  compensation: {
    actual_loss: (p) => `${p.label}: o prejuízo real será indenizado; nossa equipe define o valor.`,
    merchant_liable: (p) =>
      `${p.label}: o vendedor é responsável pelo dano; nossa equipe define a indenização.`,
  },
};
