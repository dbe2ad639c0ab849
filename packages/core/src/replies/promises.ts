import { foldText } from './fold-text.js';
import type { TextSpan } from './greetings.js';

/** What a reply can promise to happen by a time. */
export type PromiseThing = 'refund' | 'replacement' | 'shipment' | 'pickup' | 'response';
/** Weeks are read as 7 days; "tomorrow" as 1 day. */
export type PromiseUnit = 'hours' | 'days' | 'business_days';

/** A commitment found in a reply: a thing and the time it is promised within. */
export interface ReplyPromise {
  thing: PromiseThing;
  /** For a range ("3–5 business days"), its end: what the customer will hold us to. */
  within: { amount: number; unit: PromiseUnit };
  /** From the thing to the time (either order), in the reply as typed. */
  span: TextSpan;
}

const L = '\\p{L}*';
// Things, in en, de, fr, es, pt, it, nl, zh (both scripts) and ja. Latin stems take any ending.
const THINGS: Readonly<Record<PromiseThing, string>> = {
  refund: `refund${L}|reimburs${L}|money back|${L}erstatt${L}|gutschrift|geld zurück|rembours${L}|reembols${L}|reintegr${L}|estorn${L}|rimbors${L}|terugbetal${L}|退款|退钱|退錢|退费|退費|到账|到賬|返金|払い戻し`,
  replacement: `replac${L}|exchang${L}|ersatz${L}|umtausch${L}|austausch${L}|${L}tauschen|remplac${L}|échang${L}|reemplaz${L}|cambi${L}|sustitu${L}|reposici[oó]n|troca${L}|troc${L}|substitu${L}|reposição|sostitu${L}|vervang${L}|换货|換貨|补发|補發|更换|更換|交換|代替品|再送`,
  shipment: `ship${L}|dispatch${L}|deliver${L}|arriv${L}|send${L}|sent|versand${L}|versend${L}|verschick${L}|${L}liefer${L}|zugestellt|zustell${L}|ankomm${L}|expédi${L}|expedi${L}|envoi${L}|envoy${L}|livr${L}|envi${L}|entreg${L}|despach${L}|lleg${L}|cheg${L}|spedi${L}|consegn${L}|verzend${L}|bezorg${L}|发货|發貨|寄出|送达|送達|配送|到货|到貨|发出|發出|発送|出荷|お届け|届き|届け|配達|到着`,
  pickup: `pick[- ]?up|pick${L} up|collect${L}|abhol${L}|abgeholt|enlèvement|collecte|récupér${L}|recog${L}|retir${L}|colet${L}|ritir${L}|ophal${L}|取件|揽收|攬收|取货|取貨|集荷|引き取り|回収`,
  response: `repl${L}|respon${L}|get back to you|answer${L}|antwort${L}|rückmeldung|melden uns|melde mich|répon${L}|reviendr${L}|respuesta|respond${L}|contest${L}|resposta|retorn${L}|rispost${L}|rispond${L}|antwoord${L}|回复|回覆|答复|答覆|回信|返信|回答|ご連絡|返答`,
};

// Latin words start a word; CJK words may follow any character.
const LATIN_EDGE = '(?<![\\p{Script=Latin}\\p{N}])';
const THING_PATTERN = new RegExp(
  Object.entries(THINGS)
    .map(([thing, words]) => `(?<${thing}>${LATIN_EDGE}(?:${words}))`)
    .join('|'),
  'gu',
);

// Small number words where replies spell them out; any number written in digits works.
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  ein: 1,
  eine: 1,
  einem: 1,
  einen: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  zehn: 10,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  dix: 10,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  siete: 7,
  diez: 10,
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,
  três: 3,
  quatro: 4,
  sete: 7,
  dez: 10,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const NUMBER = `(?:\\d{1,4}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const RANGE_JOIN = '\\s*(?:-|–|—|~|〜|to|bis|à|a|até|y|et|and|o|tot|至|到)\\s*';

// Longest first, so "business days" wins over "days". Latin units must end a word; CJK
// units are followed straight by 内/以内 and the like.
const UNITS: readonly [PromiseUnit | 'weeks', string][] = [
  [
    'business_days',
    `(?:business|working)[- ]days?|werktage?n?|arbeitstage?n?|jours? ouvr(?:é|e|able)s?|d[ií]as? (?:h[aá]biles?|laborables?|[uú]teis|[uú]til)|giorni lavorativi|werkdagen(?![\\p{L}])|个工作日|個工作日|工作日|営業日`,
  ],
  [
    'hours',
    `(?:hours?|hrs?|h|stunden?|std|heures?|horas?|ore|uur|uren)(?![\\p{L}])|个小时|個小時|小时|小時|時間`,
  ],
  [
    'weeks',
    `(?:weeks?|wochen?|semaines?|semanas?|settimane|weken)(?![\\p{L}])|个星期|個星期|星期|周|週間|週`,
  ],
  [
    'days',
    `(?:days?|tage?n?|tag|jours?|d[ií]as?|giorni|dagen)(?![\\p{L}])|天|日(?=以内|之内|内|內|ほど|程度|後|で)`,
  ],
];
const UNIT_PATTERN = UNITS.map(([unit, words]) => `(?<${unit}>${words})`).join('|');
const TIME_PATTERN = new RegExp(
  `${LATIN_EDGE}(?:(?<from>${NUMBER})${RANGE_JOIN})?(?<amount>${NUMBER})\\s*(?:-\\s*)?(?:${UNIT_PATTERN})`,
  'gu',
);
const TOMORROW = new RegExp(
  `${LATIN_EDGE}(?:(?:tomorrow|morgen|demain|mañana|amanhã|domani)(?![\\p{L}])|明天|明日)`,
  'gu',
);
// "Guten Morgen" and "esta mañana" are the morning, not tomorrow.
const MORNING = /(?:guten|goede|esta|la|por la)\s*$/u;
// A time in the past is a report, not a promise: "2 days ago", "vor 2 Tagen", "3天前".
const PAST_BEFORE = /(?:vor|hace|há|ha|il y a|geleden)\s*$/u;
const PAST_AFTER = /^\s*(?:ago|geleden|前|fa(?![\p{L}]))/u;
// "Within 30 days of delivery" and "到着後30日以内" measure a window from an event the
// customer already knows; the event is no promise.
const WINDOW_AFTER =
  /^\s*(?:of|after|from|since|nach|ab|après|à compter|desde|después|a partir|após|dopo|da|na)(?![\p{L}])/u;
const WINDOW_BEFORE = /[後后]\s*$/u;
// A refused or conditional promise binds nobody: "we cannot refund within 3 days". Apologies
// in Japanese and Chinese end in a negative form and are taken out first.
const APOLOGY = /申し訳(?:ございません|ありません)|すみません|不好意思/gu;
const NEGATION =
  /(?<![\p{L}])(?:not|n't|cannot|unable|no longer|nicht|kein\p{L}*|ne|n'|pas|impossible|no|não|nenhum\p{L}*|non|niet|geen)(?![\p{L}])|n't|不能|不会|不會|无法|無法|没有|沒有|未能|できません|いたしかねます|できかねます|ません(?=[。！？、]|$)/u;
// Semicolons do not end a promise: "Refund issued; you'll see it in 3–5 days."
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SENTENCE_END = /[。！？\n]|[.!?](?=\s|$)/gu;

// What the customer is owed outranks how it travels (shipping, a reply) in the same sentence.
const PRIMARY: ReadonlySet<PromiseThing> = new Set(['refund', 'replacement', 'pickup']);

interface Found {
  start: number;
  end: number;
}

/**
 * Every timed promise in a reply, in any of the languages above, in text order: a thing
 * (refund, replacement, shipment, pick-up, response) and a time in the same sentence. Each
 * time goes with a thing on the side its language names it (see `thingFor`), a refund,
 * replacement or pick-up before a shipment or response. Times in the past, windows counted
 * from an event ("within 30 days of delivery") and sentences with a negation are skipped.
 */
export function findPromises(text: string): ReplyPromise[] {
  const folded = foldText(text);
  const promises: ReplyPromise[] = [];
  for (const sentence of sentences(folded.text)) {
    const body = folded.text.slice(sentence.start, sentence.end);
    if (NEGATION.test(body.replace(APOLOGY, ''))) continue;
    const things = [...body.matchAll(THING_PATTERN)].map(
      (m): FoundThing => ({
        thing: Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] as PromiseThing,
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
      }),
    );
    if (things.length === 0) continue;
    const found = times(body);
    found.forEach((time, i) => {
      const nearest = thingFor(time, things, found[i - 1]?.end ?? 0, found[i + 1]?.start ?? body.length);
      if (nearest === undefined) return;
      const start = sentence.start + Math.min(nearest.start, time.start);
      const end = sentence.start + Math.max(nearest.end, time.end);
      const index = folded.starts[start] as number;
      promises.push({
        thing: nearest.thing,
        within: time.within,
        span: { index, length: (folded.ends[end - 1] as number) - index },
      });
    });
  }
  return promises;
}

interface FoundThing extends Found {
  thing: PromiseThing;
}

// English and the Romance and Germanic languages name the thing before the time ("refund
// you within 3 days"); Chinese and Japanese put the time first ("3日以内に返金"). So a time
// looks first on its language's side, up to the neighbouring time, then on the other.
function thingFor(time: Found & { cjk: boolean }, things: FoundThing[], after: number, before: number) {
  const behind = things.filter((t) => t.end <= time.start && t.start >= after).reverse();
  const ahead = things.filter((t) => t.start >= time.end && t.end <= before);
  for (const side of time.cjk ? [ahead, behind] : [behind, ahead]) {
    const pick = side.find((t) => PRIMARY.has(t.thing)) ?? side[0];
    if (pick !== undefined) return pick;
  }
  return undefined;
}

function sentences(text: string): Found[] {
  const found: Found[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    found.push({ start, end });
    start = end;
  }
  if (start < text.length) found.push({ start, end: text.length });
  return found;
}

type FoundTime = Found & { within: ReplyPromise['within']; cjk: boolean };

function times(body: string): FoundTime[] {
  const found: FoundTime[] = [];
  for (const m of body.matchAll(TIME_PATTERN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (PAST_BEFORE.test(body.slice(0, start)) || PAST_AFTER.test(body.slice(end))) continue;
    if (WINDOW_AFTER.test(body.slice(end)) || WINDOW_BEFORE.test(body.slice(0, start))) continue;
    const groups = m.groups ?? {};
    const amount = readNumber(groups.amount ?? '');
    const unit = (UNITS.find(([u]) => groups[u] !== undefined)?.[0] ?? 'days') as PromiseUnit | 'weeks';
    if (amount === null || amount === 0) continue;
    const within = unit === 'weeks' ? { amount: amount * 7, unit: 'days' as const } : { amount, unit };
    found.push({ start, end, within, cjk: CJK.test(m[0]) });
  }
  for (const m of body.matchAll(TOMORROW)) {
    const start = m.index ?? 0;
    if (MORNING.test(body.slice(0, start))) continue;
    found.push({ start, end: start + m[0].length, within: { amount: 1, unit: 'days' }, cjk: CJK.test(m[0]) });
  }
  return found.sort((a, b) => a.start - b.start);
}

function readNumber(written: string): number | null {
  if (/^\d+$/.test(written)) return Number(written);
  return NUMBER_WORDS[written] ?? null;
}
