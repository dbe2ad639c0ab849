import { grammarFor } from './messages.grammar.js';
import type { Messages } from './messages.js';

// "Vous" and "notre équipe" for the agent, as the French portal speaks. Plain spaces before
// « : » and « ; », as in the e-mail notices. Quantities are written as "quantité : 2" so
// no past participle has to agree with a number.
const g = grammarFor('fr');
const quote = (text: string) => `« ${text} »`;
const goodsWords = (units: number) =>
  g.isOne(units)
    ? { noun: 'l’article', it: 'le renvoyer', its: 'sa' }
    : { noun: 'les articles', it: 'les renvoyer', its: 'leur' };

export const fr: Messages = {
  list: (items) => g.and(items),
  kind: {
    return: 'retour',
    exchange: 'échange',
    refund_only: 'remboursement sans retour',
    repair: 'réparation',
  },
  condition: {
    unused: 'non utilisé',
    unwashed: 'non lavé',
    unworn: 'non porté',
    unopened: 'non ouvert',
    original_packaging: 'dans son emballage d’origine',
    accessories_complete: 'complet, avec ses accessoires, sa notice et sa carte de garantie',
    resalable: 'en état d’être revendu',
  },
  order_not_cancelled: {
    ok: () => 'La commande n’est pas annulée.',
    fail: (p) => `La commande ${p.orderId} a été annulée ; il n’y a rien à retourner.`,
  },
  order_delivered: {
    ok: (p) => `Livrée le ${p.day}.`,
    fail: () => 'La commande n’a pas encore été livrée ; notre équipe va vérifier.',
  },
  customer_not_blocked: {
    ok: () => 'Aucune restriction sur votre compte.',
    fail: () => 'Votre compte doit être vérifié manuellement par notre équipe.',
  },
  items_present: {
    ok: (p) => `Votre demande porte sur ${g.count(p.count, 'article', 'articles')}.`,
    fail: () => 'Aucun article n’a été sélectionné.',
  },
  line_known: {
    ok: (p) => `${p.sku} fait partie de la commande.`,
    fail: (p) => `L’article ${p.lineId} ne fait pas partie de la commande ${p.orderId}.`,
  },
  quantity_available: {
    ok: (p) =>
      `Quantité demandée pour ${p.sku} : ${p.requested} ; quantité pouvant être retournée : ${p.available}.`,
    fail: (p) =>
      `Quantité demandée pour ${p.sku} : ${p.requested}, mais la quantité pouvant encore être retournée n’est que de ${p.available}.`,
  },
  category_returnable: {
    ok: (p) =>
      p.category === null
        ? 'Cet article n’est soumis à aucune restriction de catégorie.'
        : `Les articles de la catégorie ${p.category} peuvent être retournés.`,
    fail: (p) => `Les articles de la catégorie ${p.category} ne peuvent pas être retournés.`,
  },
  reason_known: {
    ok: (p) => `Motif : ${p.label}.`,
    fail: (p) => `Le motif ${quote(p.code)} ne figure pas dans notre liste ; notre équipe va vérifier.`,
  },
  reason_allowed_for_kind: {
    ok: (p) => `Le motif ${quote(p.label)} est accepté pour les demandes de ${p.kind}.`,
    fail: (p) =>
      `Le motif ${quote(p.label)} n’est pas accepté pour les demandes de ${p.kind} ; notre équipe va vérifier.`,
  },
  within_window: {
    ok: (p) =>
      `${p.days <= 0 ? 'Demande faite le jour de la livraison' : `Demande faite ${g.count(p.days, 'jour', 'jours')} après la livraison`}, dans le délai de ${g.count(p.window, 'jour', 'jours')}.`,
    fail: (p) =>
      `Demande faite ${g.count(p.days, 'jour', 'jours')} après la livraison ; le délai est de ${g.count(p.window, 'jour', 'jours')}.`,
  },
  conditions_met: {
    ok: (p) =>
      p.confirmed.length === 0
        ? 'Ce motif n’exige aucun état particulier de l’article.'
        : `État confirmé : ${g.and(p.confirmed)}.`,
    fail: (p) => `L’article doit également être ${g.and(p.missing)} ; notre équipe va vérifier.`,
  },
  evidence_provided: {
    ok: (p) =>
      p.required
        ? `${g.count(p.count, 'photo ou fichier fourni', 'photos ou fichiers fournis')}.`
        : 'Aucun justificatif n’est nécessaire pour ce motif.',
    fail: (p) => `Merci d’ajouter des photos ou d’autres justificatifs pour le motif ${quote(p.label)}.`,
  },
  exchange_price: {
    same: () => 'L’article de remplacement coûte le même prix.',
    lower: (p) =>
      `L’article de remplacement coûte ${p.amount} de moins ; la différence vous sera remboursée.`,
    higherPaid: (p) =>
      `L’article de remplacement coûte ${p.amount} de plus ; la différence est à votre charge.`,
    higherRefused: (p) =>
      `L’article de remplacement coûte ${p.amount} de plus ; merci d’en choisir un au même prix ou moins cher.`,
  },
  returnless: {
    keep: (p) => {
      const w = goodsWords(p.units);
      return `Gardez ${w.noun} : ${w.it} coûterait ${p.label}, soit plus de ${p.share} de ${w.its} valeur (${p.goods}). Nous vous remboursons sans que vous ayez rien à renvoyer.`;
    },
    sendBack: (p) => {
      const w = goodsWords(p.units);
      return `Merci de renvoyer ${w.noun} : l’étiquette de retour (${p.label}) coûte au plus ${p.share} de ${w.its} valeur (${p.goods}).`;
    },
    noCost: (p) =>
      `Aucun coût d’étiquette de retour n’est défini pour ${p.currency} ; les articles sont donc renvoyés comme d’habitude.`,
  },
  shipping_fee_known: {
    ok: (p) => `Les frais de port sont définis pour ${p.currency}.`,
    fail: (p) => `Les frais de port ne sont pas définis pour ${p.currency} ; notre équipe va les fixer.`,
  },
  auto_approval_enabled: {
    ok: () => 'L’acceptation automatique est activée.',
    fail: () => 'Notre équipe examine chaque demande.',
  },
  auto_approval_kind: {
    ok: (p) => `Les demandes de ${p.kind} peuvent être acceptées automatiquement.`,
    fail: (p) => `Les demandes de ${p.kind} sont examinées par notre équipe.`,
  },
  auto_approval_reason: {
    ok: () => 'Les motifs permettent une acceptation automatique.',
    fail: (p) =>
      g.isOne(p.labels.length)
        ? `Le motif ${g.and(p.labels.map(quote))} est examiné par notre équipe.`
        : `Les motifs ${g.and(p.labels.map(quote))} sont examinés par notre équipe.`,
  },
  auto_approval_conditions: {
    ok: () => 'L’état déclaré permet une acceptation automatique.',
    fail: (p) => `Notre équipe vérifie l’état de l’article (non confirmé : ${g.and(p.missing)}).`,
  },
  auto_approval_evidence: {
    ok: () => 'Aucun justificatif à vérifier.',
    fail: () => 'Notre équipe vérifie les justificatifs.',
  },
  order_value_limit: {
    ok: (p) =>
      `Le montant de la commande (${p.amount}) est inférieur au plafond d’acceptation automatique (${p.limit}).`,
    fail: (p) =>
      `Le montant de la commande (${p.amount}) atteint ou dépasse le plafond d’acceptation automatique (${p.limit}).`,
    noLimit: (p) => `Aucun plafond d’acceptation automatique n’est défini pour ${p.currency}.`,
  },
  compensation: {
    actual_loss: (p) => `${p.label} : le préjudice réel sera indemnisé ; notre équipe fixe le montant.`,
    merchant_liable: (p) =>
      `${p.label} : le vendeur est responsable du dommage ; notre équipe fixe l’indemnisation.`,
  },
};
