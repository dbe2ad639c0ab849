import { foldLatin } from './fold-latin.js';

// Short lists on purpose: only words that carry no topic in a support question. Words
// such as "order", "how" or "when" stay out of them only where they never name a topic.
// Written as typed; compared after lower-casing and folding Latin accents.
const LISTS: Readonly<Record<string, string>> = {
  en: `a an the and or but if of to in on at by for from with about as into is are was were be been am
    do does did i me my we our us you your it its this that these those there what which who whom can could
    would should will shall may might must have has had not no so than too very just please hi hello thanks how when why want need like get i'd i'm`,
  de: `der die das den dem des ein eine einen einem einer und oder aber wenn von zu im in am an auf bei mit
    für aus als ist sind war waren sein bin bist ich mich mir mein meine wir uns unser sie ihr ihre es
    dies diese dieser was wie wann warum wer wo kann möchte können muss habe hast hat haben nicht kein keine so auch noch bitte`,
  fr: `le la les l un une des du de d et ou mais si à au aux en dans sur par pour avec est sont était être
    ai as a avons avez ont je j me m mon ma mes nous notre nos vous votre vos il elle ils elles ce cet
    cette ces que qu qui quoi ne pas plus se s y comment quand où peux peut pouvez veux voudrais merci bonjour`,
  es: `el la los las un una unos unas y o pero si de del a al en con por para sobre es son era ser estar
    está están yo me mi mis nosotros nuestro nuestra usted ustedes su sus lo le les se que qué quien
    cómo cuando cuándo donde dónde no muy ya puedo puede quiero hola gracias`,
  pt: `o a os as um uma uns umas e ou mas se de do da dos das em no na nos nas com por para pelo pela é são
    era ser estar está estão eu me meu minha meus nós nosso nossa você vocês seu sua lhe que quem como
    quando onde não muito já posso pode quero olá obrigado obrigada`,
  it: `il lo la i gli le un uno una e o ma se di del della dei delle a al alla in nel nella con per su è
    sono era essere io mi mio mia noi nostro voi vostro lei suo sua che chi come quando dove non molto già`,
  nl: `de het een en of maar als van voor naar in op aan bij met uit over is zijn was waren ik me mijn wij
    we ons onze u uw je jouw het dit dat deze die wat wie hoe wanneer waar kan kunnen niet geen ook`,
  zh: `的 了 吗 呢 吧 啊 是 在 和 与 我 我的 你 您 他 她 我们 你们 这 那 这个 那个 什么 怎么 怎样 如何 请问 请
    一下 可以 能 会 要 想 有 没有 就 都 也 还 个 为什么 哪里 多久 时候 什么时候 您好 你好 谢谢`,
  ja: `の は が を に で と も へ や か な ね よ から まで より です ます でした ました する します
    して いる ある ない この その あの これ それ どう どの どこ いつ なに 何 ください こと もの
    ため など 私 わたし について こんにちは ありがとう`,
};

const STOP_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(LISTS).map(([language, words]) => [
    language,
    new Set(
      words
        .split(/\s+/)
        .filter((w) => w !== '')
        .map(foldLatin),
    ),
  ]),
);

/** Whether a lower-cased word carries no topic in the language (primary subtag). */
export function isStopWord(primaryLanguage: string, word: string): boolean {
  return STOP_WORDS.get(primaryLanguage)?.has(foldLatin(word)) ?? false;
}
