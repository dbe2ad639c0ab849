import { detectLanguage } from './language.js';
import { LEXICONS } from './sentiment-lexicons/index.js';
import {
  containsCue,
  type Entry,
  type EntryIndex,
  foldForSentiment,
  indexLexicon,
  listOf,
  type SentimentLexicon,
  splitEntry,
} from './sentiment-lexicons/lexicon.js';
import { readSymbols } from './sentiment-lexicons/symbols.js';

/** How a customer feels, read from one message, with the words that say so. */
export interface Sentiment {
  /** -1 (very negative) .. +1 (very positive); 0 neutral or nothing recognised. */
  score: number;
  /** Emotions an agent should see at a glance; each is read independently of the score. */
  flags: { anger: boolean; anxiety: boolean; urgency: boolean };
  /** The lexicon entries that fired, "¬" marking a negated one, for explaining the result. */
  cues: string[];
}

interface Compiled {
  lexicon: SentimentLexicon;
  index: EntryIndex;
  flags: { anger: Cue[]; anxiety: Cue[]; urgency: Cue[] };
  suffixes: string[];
  clitics: string[];
}

/** A flag cue as listed (shown to agents) and as matched. */
interface Cue {
  cue: string;
  folded: string;
}

interface Hit {
  weight: number;
  cue: string;
  /** Position (word or character) where the entry ends, for backward negation. */
  end: number;
  clause: number;
  negated: boolean;
}

// x / sqrt(x² + α): one strong word ("broken", -2.5) lands near -0.7, three land near -0.95.
const ALPHA = 6;
// "Nice colour, but it broke after a day": what follows the turn is what the customer means.
const BEFORE_TURN = 0.5;
const AFTER_TURN = 1.3;
const NEGATION_SCOPE = 3;
// Negating praise makes it criticism ("not good"); negating criticism only softens it ("not bad").
const NEGATED_PRAISE = -0.8;
const NEGATED_CRITICISM = -0.4;
const CLAUSE_BREAKS = /[.!?;:,。！？；：，、…\n()（）「」|]+/g;
const CJK_BREAK = /[.!?;:,。！？；：，、…\n()（）「」]/;

const compiled = new Map<string, Compiled>();

function compile(language: string): Compiled | undefined {
  const cached = compiled.get(language);
  if (cached) return cached;
  const lexicon = LEXICONS[language];
  if (!lexicon) return undefined;
  const umlauts = lexicon.umlauts === true;
  const fold = (list: string) => listOf(list).map((cue) => ({ cue, folded: foldForSentiment(cue, umlauts) }));
  const result: Compiled = {
    lexicon,
    index: indexLexicon(lexicon),
    flags: {
      anger: fold(lexicon.anger),
      anxiety: fold(lexicon.anxiety),
      urgency: fold(lexicon.urgency),
    },
    suffixes: listOf(lexicon.negatingSuffixes).map((s) => foldForSentiment(s, umlauts)),
    clitics: listOf(lexicon.clitics).map((s) => foldForSentiment(s)),
  };
  compiled.set(language, result);
  return result;
}

/**
 * Scores the feeling of a customer message with a hand-written lexicon for its language
 * (detected when not given; English when there is none). Negation, intensifiers and a turn
 * ("but") shape each entry's weight; the sum is squashed into -1..1.
 */
export function scoreSentiment(text: string, language?: string): Sentiment {
  const wanted = (language ?? detectLanguage(text).language).toLowerCase().split(/[-_]/)[0] ?? '';
  const lexicon = compile(wanted) ?? (compile('en') as Compiled);
  const folded = mapChars(foldForSentiment(text, lexicon.lexicon.umlauts === true), lexicon.lexicon.charMap);
  const hits = lexicon.lexicon.mode === 'chars' ? readChars(folded, lexicon) : readWords(folded, lexicon);
  const symbols = readSymbols(text);
  const sum = hits.reduce((total, hit) => total + hit.weight, 0) + symbols.weight;
  const score = sum === 0 ? 0 : round(sum / Math.sqrt(sum * sum + ALPHA));
  const flags = readFlags(text, folded, lexicon, score);
  const cues = [...hits.map((h) => h.cue), ...symbols.cues, ...flags.cues].map((cue) =>
    cue.replace(/\*$/, ''),
  );
  return { score, flags: flags.flags, cues: [...new Set(cues)] };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function mapChars(text: string, map: ReadonlyMap<string, string> | undefined): string {
  if (!map) return text;
  let out = '';
  for (const char of text) out += map.get(char) ?? char;
  return out;
}

interface Reading {
  hits: Hit[];
  /** Index into `hits` of the first hit after the last turn, or -1. */
  turnAt: number;
  negateUntil: number;
  boost: number;
  boostUntil: number;
  clause: number;
}

function startReading(): Reading {
  return { hits: [], turnAt: -1, negateUntil: -1, boost: 1, boostUntil: -1, clause: 0 };
}

// Applies one matched entry at position `at` (ending at `end`) to the reading.
function apply(r: Reading, entry: Entry, at: number, end: number, scope: number, backward: boolean): void {
  switch (entry.role) {
    case 'negator': {
      const last = r.hits[r.hits.length - 1];
      if (backward && last && !last.negated && last.clause === r.clause && at - last.end <= 2) {
        negate(last);
        return;
      }
      r.negateUntil = end + scope;
      return;
    }
    case 'intensifier':
    case 'diminisher':
      r.boost = entry.weight;
      r.boostUntil = end + 2;
      return;
    case 'contrast':
      r.turnAt = r.hits.length;
      r.negateUntil = -1;
      return;
    case 'term': {
      if (entry.weight === 0) return;
      const hit: Hit = { weight: entry.weight, cue: entry.text, end, clause: r.clause, negated: false };
      if (at < r.boostUntil) hit.weight *= r.boost;
      if (at < r.negateUntil) negate(hit);
      r.hits.push(hit);
    }
  }
}

function negate(hit: Hit): void {
  hit.weight *= hit.weight > 0 ? NEGATED_PRAISE : NEGATED_CRITICISM;
  hit.cue = `¬${hit.cue}`;
  hit.negated = true;
}

function finish(r: Reading): Hit[] {
  if (r.turnAt < 0) return r.hits;
  return r.hits.map((hit, i) => ({ ...hit, weight: hit.weight * (i < r.turnAt ? BEFORE_TURN : AFTER_TURN) }));
}

function readWords(folded: string, { lexicon, index, clitics }: Compiled): Hit[] {
  const elision = lexicon.elision === true;
  const words: string[] = [];
  const clauses: number[] = [];
  let clause = 0;
  for (const piece of folded.replace(CLAUSE_BREAKS, ' | ').split(/\s+/)) {
    if (piece === '|') clause++;
    for (const word of piece === '|' ? [] : splitEntry(piece, elision)) {
      words.push(word);
      clauses.push(clause);
    }
  }
  const r = startReading();
  let i = 0;
  while (i < words.length) {
    if (clauses[i] !== r.clause) {
      r.clause = clauses[i] ?? r.clause;
      r.negateUntil = -1;
      r.boostUntil = -1;
    }
    const entry = matchWords(words, i, index) ?? matchWithoutClitic(words, i, index, clitics);
    if (!entry) {
      i++;
      continue;
    }
    const end = i + entry.parts.length;
    // "gefällt mir nicht": a negator that closes its clause looks back, not ahead.
    const closesClause = end >= words.length || clauses[end] !== clauses[i];
    const backward =
      lexicon.negatesBackward === 'always' || (lexicon.negatesBackward === 'atClauseEnd' && closesClause);
    apply(r, entry, i, end, NEGATION_SCOPE, backward);
    i = end;
  }
  return finish(r);
}

function wordMatches(word: string | undefined, part: string): boolean {
  if (word === undefined) return false;
  return part.endsWith('*') ? word.startsWith(part.slice(0, -1)) : word === part;
}

function matchWords(words: string[], i: number, index: EntryIndex): Entry | undefined {
  const word = words[i] ?? '';
  // The most words wins; among equals, an exact word beats a prefix, and a longer prefix a shorter one.
  let best = longest(words, i, index.exact.get(word), undefined);
  for (let k = word.length; k >= 2; k--) best = longest(words, i, index.prefix.get(word.slice(0, k)), best);
  return best;
}

function longest(words: string[], i: number, entries: Entry[] | undefined, best: Entry | undefined) {
  for (const entry of entries ?? []) {
    if (best && entry.parts.length <= best.parts.length) continue;
    if (entry.parts.every((part, j) => wordMatches(words[i + j], part))) best = entry;
  }
  return best;
}

function matchWithoutClitic(
  words: string[],
  i: number,
  index: EntryIndex,
  clitics: string[],
): Entry | undefined {
  const word = words[i] ?? '';
  for (const clitic of clitics) {
    if (!word.startsWith(clitic) || word.length - clitic.length < 2) continue;
    const bare = [...words];
    bare[i] = word.slice(clitic.length);
    const entry = matchWords(bare, i, index);
    if (entry) return entry;
  }
  return undefined;
}

function readChars(folded: string, { index, suffixes }: Compiled): Hit[] {
  const r = startReading();
  let i = 0;
  while (i < folded.length) {
    const char = folded.charAt(i);
    if (CJK_BREAK.test(char)) {
      r.clause++;
      r.negateUntil = -1;
      r.boostUntil = -1;
    }
    const entry = index.exact.get(char)?.find((e) => folded.startsWith(e.parts[0] ?? '', i));
    if (!entry) {
      i++;
      continue;
    }
    const end = i + (entry.parts[0]?.length ?? 1);
    apply(r, entry, i, end, NEGATION_SCOPE + 1, false);
    const hit = r.hits[r.hits.length - 1];
    // 良くない, 満足できません: the negation comes within a few characters after the word.
    if (entry.role === 'term' && hit && hit.end === end && negatedAfter(folded, end, suffixes)) negate(hit);
    i = end;
  }
  return finish(r);
}

function negatedAfter(text: string, end: number, suffixes: string[]): boolean {
  const window = text.slice(end, end + 6);
  const stop = window.search(CJK_BREAK);
  const near = stop < 0 ? window : window.slice(0, stop);
  return suffixes.some((suffix) => {
    const at = near.indexOf(suffix);
    return at >= 0 && at <= 3;
  });
}

const ANGRY_SYMBOL = /[😡🤬😠💢]/u;
const SHOUTED_WORD = /(?<!\p{L})\p{Lu}{3,}(?!\p{L})/gu;
const WORD = /\p{L}{2,}/gu;

function readFlags(text: string, folded: string, { flags, lexicon }: Compiled, score: number) {
  const cues: string[] = [];
  const found = (list: Cue[]) => {
    const hits = list.filter((cue) => containsCue(folded, cue.folded, lexicon.mode));
    cues.push(...hits.map((hit) => hit.cue));
    return hits.length > 0;
  };
  const anger = found(flags.anger);
  const anxiety = found(flags.anxiety);
  const urgency = found(flags.urgency);
  // Shouting and a row of '!' are anger only when the message is not praise ("THANK YOU!!!").
  const shouted = (text.match(SHOUTED_WORD) ?? []).length;
  const words = (text.match(WORD) ?? []).length;
  const caps = shouted >= 2 && shouted * 2 >= words;
  const bangs = /[!！]{3,}/.test(text) || (text.match(/[!！]/g) ?? []).length >= 4;
  const emphatic = score <= 0.2 && (caps || bangs);
  if (caps && score <= 0.2) cues.push('ALL CAPS');
  if (bangs && score <= 0.2) cues.push('!!!');
  const symbol = ANGRY_SYMBOL.test(text);
  return { flags: { anger: anger || emphatic || symbol, anxiety, urgency }, cues };
}
