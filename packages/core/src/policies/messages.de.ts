import { grammarFor } from './messages.grammar.js';
import type { Messages } from './messages.js';

// Formal "Sie" and "unser Team" for the agent, as the German portal speaks. Kinds are
// plural nouns ("Umtauschanfragen") because they only ever stand for a kind of request.
const g = grammarFor('de');
const quote = (text: string) => `„${text}“`;
const canBe = (count: number) => (g.isOne(count) ? 'kann' : 'können');
const goodsWords = (units: number) =>
  g.isOne(units) ? { noun: 'den Artikel', its: 'seines' } : { noun: 'die Artikel', its: 'ihres' };

export const de: Messages = {
  list: (items) => g.and(items),
  kind: {
    return: 'Rücksendeanfragen',
    exchange: 'Umtauschanfragen',
    refund_only: 'Erstattungsanfragen ohne Rücksendung',
    repair: 'Reparaturanfragen',
  },
  condition: {
    unused: 'unbenutzt',
    unwashed: 'ungewaschen',
    unworn: 'ungetragen',
    unopened: 'ungeöffnet',
    original_packaging: 'in der Originalverpackung',
    accessories_complete: 'vollständig mit Zubehör, Anleitung und Garantiekarte',
    resalable: 'wiederverkaufsfähig',
  },
  order_not_cancelled: {
    ok: () => 'Die Bestellung wurde nicht storniert.',
    fail: (p) => `Die Bestellung ${p.orderId} wurde storniert; es gibt nichts zurückzusenden.`,
  },
  order_delivered: {
    ok: (p) => `Zugestellt am ${p.day}.`,
    fail: () => 'Die Bestellung wurde noch nicht zugestellt; unser Team prüft das.',
  },
  customer_not_blocked: {
    ok: () => 'Für Ihr Kundenkonto gibt es keine Einschränkung.',
    fail: () => 'Ihr Kundenkonto muss von unserem Team persönlich geprüft werden.',
  },
  items_present: {
    ok: (p) => `Ihre Anfrage umfasst ${p.count} Artikel.`,
    fail: () => 'Es wurde kein Artikel ausgewählt.',
  },
  line_known: {
    ok: (p) => `${p.sku} gehört zur Bestellung.`,
    fail: (p) => `Der Artikel ${p.lineId} gehört nicht zur Bestellung ${p.orderId}.`,
  },
  quantity_available: {
    ok: (p) =>
      `${p.requested} Stück von ${p.sku} angefragt; ${p.available} ${canBe(p.available)} zurückgegeben werden.`,
    fail: (p) =>
      `${p.requested} Stück von ${p.sku} angefragt, aber nur noch ${p.available} ${canBe(p.available)} zurückgegeben werden.`,
  },
  category_returnable: {
    ok: (p) =>
      p.category === null
        ? 'Für diesen Artikel gilt keine Einschränkung nach Kategorie.'
        : `Artikel der Kategorie ${p.category} können zurückgegeben werden.`,
    fail: (p) => `Artikel der Kategorie ${p.category} sind von der Rückgabe ausgeschlossen.`,
  },
  reason_known: {
    ok: (p) => `Grund: ${p.label}.`,
    fail: (p) => `Den Grund ${quote(p.code)} gibt es in unserer Liste nicht; unser Team prüft das.`,
  },
  reason_allowed_for_kind: {
    ok: (p) => `${quote(p.label)} ist als Grund für ${p.kind} zulässig.`,
    fail: (p) => `${quote(p.label)} ist als Grund für ${p.kind} nicht vorgesehen; unser Team prüft das.`,
  },
  within_window: {
    ok: (p) =>
      `Ihre Anfrage ging ${p.days <= 0 ? 'am Tag der Zustellung' : `${g.count(p.days, 'Tag', 'Tage')} nach der Zustellung`} ein, innerhalb der ${p.window}-tägigen Frist.`,
    fail: (p) =>
      `Ihre Anfrage ging ${g.count(p.days, 'Tag', 'Tage')} nach der Zustellung ein; die Frist beträgt ${g.count(p.window, 'Tag', 'Tage')}.`,
  },
  conditions_met: {
    ok: (p) =>
      p.confirmed.length === 0
        ? 'Für diesen Grund ist kein bestimmter Zustand des Artikels nötig.'
        : `Bestätigter Zustand: ${g.and(p.confirmed)}.`,
    fail: (p) => `Der Artikel muss außerdem ${g.and(p.missing)} sein; unser Team prüft das.`,
  },
  evidence_provided: {
    ok: (p) =>
      p.required
        ? `${g.count(p.count, 'Foto oder Datei', 'Fotos oder Dateien')} eingereicht.`
        : 'Für diesen Grund sind keine Nachweise nötig.',
    fail: (p) => `Bitte fügen Sie Fotos oder andere Nachweise für ${quote(p.label)} hinzu.`,
  },
  exchange_price: {
    same: () => 'Der Ersatzartikel kostet genauso viel.',
    lower: (p) => `Der Ersatzartikel ist ${p.amount} günstiger; die Differenz erstatten wir Ihnen.`,
    higherPaid: (p) => `Der Ersatzartikel ist ${p.amount} teurer; Sie zahlen die Differenz.`,
    higherRefused: (p) =>
      `Der Ersatzartikel ist ${p.amount} teurer; bitte wählen Sie einen Artikel zum gleichen oder einem niedrigeren Preis.`,
  },
  returnless: {
    keep: (p) => {
      const w = goodsWords(p.units);
      return `Behalten Sie ${w.noun}: Die Rücksendung würde ${p.label} kosten, mehr als ${p.share} ${w.its} Werts (${p.goods}). Sie erhalten Ihre Erstattung, ohne etwas zurückzusenden.`;
    },
    sendBack: (p) => {
      const w = goodsWords(p.units);
      return `Bitte senden Sie ${w.noun} zurück: Das Rücksendeetikett (${p.label}) kostet höchstens ${p.share} ${w.its} Werts (${p.goods}).`;
    },
    noCost: (p) =>
      `Für ${p.currency} sind keine Kosten für ein Rücksendeetikett hinterlegt, daher wird die Ware wie gewohnt zurückgesendet.`,
  },
  shipping_fee_known: {
    ok: (p) => `Versandkosten für ${p.currency} sind hinterlegt.`,
    fail: (p) => `Für ${p.currency} sind keine Versandkosten hinterlegt; unser Team legt sie fest.`,
  },
  auto_approval_enabled: {
    ok: () => 'Die automatische Genehmigung ist aktiv.',
    fail: () => 'Unser Team prüft jede Anfrage persönlich.',
  },
  auto_approval_kind: {
    ok: (p) => `${p.kind} können automatisch genehmigt werden.`,
    fail: (p) => `${p.kind} prüft unser Team persönlich.`,
  },
  auto_approval_reason: {
    ok: () => 'Die angegebenen Gründe erlauben eine automatische Genehmigung.',
    fail: (p) =>
      `${g.isOne(p.labels.length) ? 'Den Grund' : 'Die Gründe'} ${g.and(p.labels.map(quote))} prüft unser Team persönlich.`,
  },
  auto_approval_conditions: {
    ok: () => 'Der angegebene Zustand erlaubt eine automatische Genehmigung.',
    fail: (p) => `Unser Team prüft den Zustand des Artikels (nicht bestätigt: ${g.and(p.missing)}).`,
  },
  auto_approval_evidence: {
    ok: () => 'Es müssen keine Nachweise geprüft werden.',
    fail: () => 'Unser Team prüft die Nachweise.',
  },
  order_value_limit: {
    ok: (p) =>
      `Der Bestellwert von ${p.amount} liegt unter der Grenze für die automatische Genehmigung (${p.limit}).`,
    fail: (p) =>
      `Der Bestellwert von ${p.amount} erreicht oder übersteigt die Grenze für die automatische Genehmigung (${p.limit}).`,
    noLimit: (p) => `Für ${p.currency} ist keine Grenze für die automatische Genehmigung festgelegt.`,
  },
  compensation: {
    actual_loss: (p) => `${p.label}: Der tatsächliche Schaden wird ersetzt; die Höhe legt unser Team fest.`,
    merchant_liable: (p) =>
      `${p.label}: Der Händler haftet für den Schaden; die Entschädigung legt unser Team fest.`,
  },
};
