/** `block` stops the message from being sent; `warn` lets the agent send it after a look. */
export type PhraseSeverity = 'block' | 'warn';

/** A phrase agents must not use, with what to say instead. */
export interface ForbiddenPhrase {
  phrase: string;
  /** A language tag (matched on its primary subtag) or '*' for every language. */
  language: string;
  severity: PhraseSeverity;
  /** A recommended phrase to use instead. */
  suggestion?: string;
}

const phrase = (
  language: string,
  severity: PhraseSeverity,
  text: string,
  suggestion: string,
): ForbiddenPhrase => ({
  phrase: text,
  language,
  severity,
  suggestion,
});

/**
 * A starting list for. `block` for refusing responsibility or help, `warn` for what
 * reads as condescending (telling a customer to calm down, "as I already said"). Phrases
 * match whole words, so inflected forms that matter are listed separately. A store adds
 * its own.
 */
export const DEFAULT_FORBIDDEN_PHRASES: readonly ForbiddenPhrase[] = [
  phrase('en', 'block', 'this is not our problem', "I'm sorry this happened. Let me look into it for you."),
  phrase('en', 'block', 'not our problem', 'Let me look into this for you and find out what we can do.'),
  phrase('en', 'block', 'not my problem', "I'll make sure this gets sorted out for you."),
  phrase('en', 'block', 'not my job', "I'll connect you with the colleague who handles this."),
  phrase('en', 'block', 'nothing we can do', 'Here is what we can do for you:'),
  phrase('en', 'block', "it's your fault", "Let's see together how we can fix this."),
  phrase('en', 'warn', 'calm down', 'I understand how frustrating this is.'),
  phrase('en', 'warn', 'as I already said', 'To sum up:'),
  phrase('en', 'warn', 'you must have misunderstood', 'I may not have explained this clearly. To clarify:'),

  phrase('zh-CN', 'block', '这不是我们的问题', '非常抱歉给您带来不便，我马上帮您核实处理。'),
  phrase('zh-CN', 'block', '不是我们的问题', '我来帮您查一下具体情况，看看怎么解决。'),
  phrase('zh-CN', 'block', '不关我们的事', '我来帮您联系相关负责方，跟进到底。'),
  phrase('zh-CN', 'block', '我也没办法', '我来帮您想想办法。'),
  phrase('zh-CN', 'warn', '我已经说过了', '我再为您梳理一下：'),
  phrase('zh-CN', 'warn', '你自己看', '我把相关说明发给您，方便您查看。'),

  phrase('de', 'block', 'nicht unser Problem', 'Das tut mir leid. Ich kümmere mich darum.'),
  phrase('de', 'block', 'nicht mein Problem', 'Ich sorge dafür, dass das für Sie geklärt wird.'),
  phrase('de', 'block', 'da kann man nichts machen', 'Folgendes kann ich für Sie tun:'),
  phrase('de', 'warn', 'beruhigen Sie sich', 'Ich verstehe Ihren Ärger.'),
  phrase('de', 'warn', 'wie bereits gesagt', 'Zusammengefasst:'),

  phrase('fr', 'block', "ce n'est pas notre problème", "Je suis désolé(e). Je m'en occupe pour vous."),
  phrase('fr', 'block', 'pas mon problème', 'Je fais le nécessaire pour régler cela.'),
  phrase('fr', 'block', 'on ne peut rien faire', 'Voici ce que nous pouvons faire pour vous :'),
  phrase('fr', 'warn', 'calmez-vous', 'Je comprends votre frustration.'),
  phrase('fr', 'warn', "comme je l'ai déjà dit", 'Pour récapituler :'),

  phrase('es', 'block', 'no es nuestro problema', 'Lo siento mucho. Me encargo de revisarlo.'),
  phrase('es', 'block', 'no es mi problema', 'Me aseguro de que se resuelva.'),
  phrase('es', 'block', 'no podemos hacer nada', 'Esto es lo que podemos hacer por usted:'),
  phrase('es', 'warn', 'cálmese', 'Entiendo su frustración.'),
  phrase('es', 'warn', 'como ya le dije', 'Para resumir:'),

  phrase('pt', 'block', 'não é problema nosso', 'Sinto muito. Vou verificar isso para você.'),
  phrase('pt', 'block', 'não é nosso problema', 'Sinto muito. Vou verificar isso para você.'),
  phrase('pt', 'block', 'não podemos fazer nada', 'Veja o que podemos fazer por você:'),
  phrase('pt', 'warn', 'acalme-se', 'Entendo sua frustração.'),
  phrase('pt', 'warn', 'como eu já disse', 'Resumindo:'),

  phrase(
    'ja',
    'block',
    '弊社の問題ではありません',
    'ご不便をおかけし申し訳ございません。すぐに確認いたします。',
  ),
  phrase('ja', 'block', 'こちらの問題ではありません', '状況を確認し、対応方法をご案内いたします。'),
  phrase('ja', 'block', 'どうしようもありません', '対応可能な方法をご案内いたします。'),
  phrase('ja', 'warn', '落ち着いてください', 'ご不安な思いをおかけし、申し訳ございません。'),
  phrase('ja', 'warn', '前にも申し上げた通り', '改めてご案内いたします。'),
];
