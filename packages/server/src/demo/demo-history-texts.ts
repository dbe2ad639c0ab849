import type { Prng } from './prng.js';

// What the demo's customers write, by language and mood. Triage reads these like any message
// (language, intent, sentiment), so the mood trend and the review scores in the demo's
// analytics come from the words, not from a number the generator made up.

/** How a customer feels when writing. */
export type Mood = 'angry' | 'unhappy' | 'neutral' | 'happy';
/** The languages the demo's customers write in. */
export type TextLanguage = 'de' | 'en' | 'es' | 'zh-CN';

type Texts = Record<TextLanguage, readonly string[]>;

const COMPLAINT: Record<Mood, Texts> = {
  angry: {
    en: [
      'This is unacceptable. The product broke after two days and nobody answers me. I want my money back now!',
      'Third time I am writing. Terrible service, I am furious and will never order again.',
    ],
    de: [
      'Das ist eine Frechheit! Das Produkt ist nach zwei Tagen kaputt und niemand antwortet. Ich will sofort mein Geld zurück!',
      'Ich schreibe zum dritten Mal. Katastrophaler Service, ich bin wütend.',
    ],
    es: ['Esto es inaceptable. El producto se rompió y nadie me responde. ¡Quiero mi dinero ya!'],
    'zh-CN': ['太差劲了！用了两天就坏了，客服也不回复，我要求马上退款！'],
  },
  unhappy: {
    en: [
      'The item does not work properly and I am disappointed. Please help.',
      'My parcel is late again and I am not happy about it.',
    ],
    de: ['Der Artikel funktioniert nicht richtig, ich bin enttäuscht. Bitte helfen Sie mir.'],
    es: ['El artículo no funciona bien y estoy decepcionado. Por favor ayúdenme.'],
    'zh-CN': ['商品有问题，我很失望，请帮我处理一下。'],
  },
  neutral: {
    en: [
      'Where is my order? The tracking has not changed since Monday.',
      'Can I change the size of my order?',
    ],
    de: ['Wo ist meine Bestellung? Die Sendungsverfolgung hat sich seit Montag nicht geändert.'],
    es: ['¿Dónde está mi pedido? El seguimiento no cambia desde el lunes.'],
    'zh-CN': ['我的订单到哪里了？物流信息一直没有更新。'],
  },
  happy: {
    en: ['Thanks a lot for the quick help, all sorted now!', 'Great, thank you very much.'],
    de: ['Vielen Dank für die schnelle Hilfe, jetzt passt alles!'],
    es: ['¡Muchas gracias por la ayuda rápida!'],
    'zh-CN': ['谢谢你们的快速处理，非常满意！'],
  },
};

const REVIEW: Record<Mood, Texts> = {
  angry: {
    en: ['Awful quality, broke immediately. Do not buy.'],
    de: ['Miserable Qualität, sofort kaputt. Nicht kaufen.'],
    es: ['Calidad horrible, se rompió enseguida.'],
    'zh-CN': ['质量太差了，马上就坏了，不推荐。'],
  },
  unhappy: {
    en: ['Not as described and the fit is poor.'],
    de: ['Nicht wie beschrieben, die Passform ist schlecht.'],
    es: ['No es como se describe, no me queda bien.'],
    'zh-CN': ['和描述不符，不太满意。'],
  },
  neutral: {
    en: ['Arrived on time. Okay for the price.'],
    de: ['Pünktlich angekommen. Für den Preis in Ordnung.'],
    es: ['Llegó a tiempo. Correcto por el precio.'],
    'zh-CN': ['按时到货，价格还可以。'],
  },
  happy: {
    en: ['Love it, excellent quality and fast delivery!', 'Perfect, exactly what I wanted. Great shop.'],
    de: ['Super Qualität und schnelle Lieferung, sehr zufrieden!'],
    es: ['¡Me encanta, excelente calidad y entrega rápida!'],
    'zh-CN': ['非常喜欢，质量很好，发货也快！'],
  },
};

const AGENT_REPLY: Record<TextLanguage, readonly string[]> = {
  en: [
    'Thank you for your message. I am sorry for the trouble; I have looked into it and here is what we will do.',
  ],
  de: ['Vielen Dank für Ihre Nachricht. Es tut mir leid; ich habe es geprüft und wir kümmern uns darum.'],
  es: ['Gracias por su mensaje. Lamento las molestias; lo he revisado y lo resolveremos.'],
  'zh-CN': ['感谢您的来信，给您带来不便非常抱歉，我们已经核实并会尽快处理。'],
};

/** The language a customer writes in, from the language tag the shop knows. */
export function textLanguage(tag: string): TextLanguage {
  if (tag.startsWith('de')) return 'de';
  if (tag.startsWith('es')) return 'es';
  if (tag.startsWith('zh')) return 'zh-CN';
  return 'en';
}

/** A customer's message to the help desk in that mood. */
export function customerMessage(random: Prng, language: TextLanguage, mood: Mood): string {
  return random.pick(COMPLAINT[mood][language]);
}

/** A review comment in that mood. */
export function reviewComment(random: Prng, language: TextLanguage, mood: Mood): string {
  return random.pick(REVIEW[mood][language]);
}

/** An agent's answer. */
export function agentReply(random: Prng, language: TextLanguage): string {
  return random.pick(AGENT_REPLY[language]);
}
