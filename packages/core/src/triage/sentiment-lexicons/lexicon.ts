/**
 * One language's sentiment vocabulary, written by hand for after-sales messages. Every list is
 * a comma-separated string of entries; an entry may be a phrase of several words, and in spaced
 * languages a word ending in `*` matches any word it begins ("kaputt*" finds "kaputte").
 */
export interface SentimentLexicon {
  /**
   * 'words' for languages written with spaces (matched word by word); 'chars' for Chinese,
   * Japanese and Korean, where entries are found as substrings, longest first.
   */
  mode: 'words' | 'chars';
  /** Entries by weight: -3 (scam, broken) .. +3 (perfect). Keys are numbers written as strings. */
  terms: Record<string, string>;
  /** Words that flip the next few words ("not", "nicht", "不"). */
  negators: string;
  /** Suffixes that flip the entry right before them (Japanese ない, Korean 지 않). */
  negatingSuffixes?: string;
  /**
   * A negator that follows the word it negates: in German and Dutch only when it closes the
   * clause ("funktioniert nicht."), in Turkish always ("iyi değil").
   */
  negatesBackward?: 'atClauseEnd' | 'always';
  /** Prefixes glued to a word (Arabic و ال ب), tried off when the whole word matches nothing. */
  clitics?: string;
  /** French and Italian glue articles and "n'" to the next word with an apostrophe. */
  elision?: boolean;
  /** Characters replaced before matching: Traditional → Simplified Chinese. */
  charMap?: ReadonlyMap<string, string>;
  /** German: ä ö ü are folded to ae oe ue, not to a o u, so "schön" never reads as "schon". */
  umlauts?: boolean;
  /** Words that strengthen ("very") and weaken ("a bit") the next entry. */
  intensifiers: string;
  diminishers: string;
  /** Words after which the message turns: the later clause weighs more ("but", "aber", "但是"). */
  contrast: string;
  /** Cues for the emotion flags; found anywhere, independently of the score. */
  anger: string;
  anxiety: string;
  urgency: string;
}

/** The role an entry plays when the text is read left to right. */
export type EntryRole = 'term' | 'negator' | 'intensifier' | 'diminisher' | 'contrast';

/** A lexicon entry ready to match: folded, split into words, with its role and weight. */
export interface Entry {
  /** As written in the lexicon, shown to agents as a cue. */
  text: string;
  /** Folded words (one element in 'chars' mode); a trailing `*` marks a prefix. */
  parts: string[];
  role: EntryRole;
  weight: number;
}

/** Entries indexed for longest-first matching at each position. */
export interface EntryIndex {
  /** By first word (or first character in 'chars' mode), longest entries first. */
  exact: Map<string, Entry[]>;
  /** By first-word prefix, for entries whose first word ends in `*`. */
  prefix: Map<string, Entry[]>;
}

const COMBINING = /[\u0300-\u036f\u064b-\u065f\u0670]/g;
// Letters without a decomposition that customers still type plainly: "zly" for "zły", "cok" for "çok".
const PLAIN: Record<string, string> = { ł: 'l', ı: 'i', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ё: 'е', ـ: '' };
const PLAIN_LETTERS = /[łıßøæœёـ]/g;
const UMLAUTS = /[äöü]/g;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u0060\u00B4\uFF07]/g;

/**
 * Lower case, NFKC, accents and Arabic vowel marks dropped, one kind of apostrophe: customers
 * write "pessimo", "nao recebi" and "cok kotu" as often as the accented forms. Japanese voicing
 * marks survive, because they are recomposed (が stays が).
 */
export function foldForSentiment(text: string, umlauts = false): string {
  const lower = text.normalize('NFKC').toLowerCase();
  return (umlauts ? lower.replace(UMLAUTS, (c) => `${c.normalize('NFD').charAt(0)}e`) : lower)
    .normalize('NFD')
    .replace(COMBINING, '')
    .normalize('NFC')
    .replace(PLAIN_LETTERS, (c) => PLAIN[c] ?? c)
    .replace(APOSTROPHES, "'");
}

/** Splits a comma-separated list into trimmed, non-empty entries. */
export function listOf(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Builds the matching index for one lexicon. Later duplicates of an entry are ignored. */
export function indexLexicon(lexicon: SentimentLexicon): EntryIndex {
  const index: EntryIndex = { exact: new Map(), prefix: new Map() };
  const seen = new Set<string>();
  const add = (text: string, role: EntryRole, weight: number) => {
    const folded = foldForSentiment(text, lexicon.umlauts === true);
    if (seen.has(folded)) return;
    seen.add(folded);
    const parts = lexicon.mode === 'chars' ? [folded] : splitEntry(folded, lexicon.elision === true);
    const first = lexicon.mode === 'chars' ? folded.charAt(0) : (parts[0] ?? '');
    const isPrefix = lexicon.mode === 'words' && first.endsWith('*');
    const key = isPrefix ? first.slice(0, -1) : first;
    const map = isPrefix ? index.prefix : index.exact;
    const list = map.get(key) ?? [];
    list.push({ text, parts, role, weight });
    map.set(key, list);
  };
  for (const text of listOf(lexicon.negators)) add(text, 'negator', 0);
  for (const text of listOf(lexicon.contrast)) add(text, 'contrast', 0);
  for (const text of listOf(lexicon.intensifiers)) add(text, 'intensifier', 1.5);
  for (const text of listOf(lexicon.diminishers)) add(text, 'diminisher', 0.6);
  for (const [weight, list] of Object.entries(lexicon.terms)) {
    for (const text of listOf(list)) add(text, 'term', Number(weight));
  }
  const longestFirst = (a: Entry, b: Entry) => length(b) - length(a);
  for (const list of [...index.exact.values(), ...index.prefix.values()]) list.sort(longestFirst);
  return index;
}

const length = (entry: Entry) =>
  entry.parts.length === 1 ? (entry.parts[0]?.length ?? 0) : entry.parts.length * 100;

/**
 * The words of a folded text: letters, digits, inner apostrophes and hyphens ("qualité-prix");
 * with elision, "n'est" is the two words "n'" and "est". `*` survives for lexicon prefixes.
 */
export function splitEntry(folded: string, elision: boolean): string[] {
  const spaced = elision ? folded.replace(/'/g, "' ") : folded;
  const words: string[] = [];
  for (const piece of spaced.split(/[^\p{L}\p{N}\p{M}'*-]+/u)) {
    const word = piece.replace(/^['-]+|-+$/g, '');
    if (word !== '') words.push(word);
  }
  return words;
}

// "asap" is not found inside "pasapalabra"; a cue ending in `*` may run on ("urgent*").
/** Whether a folded text holds a folded cue; in spaced scripts only on word edges. */
export function containsCue(folded: string, cue: string, mode: SentimentLexicon['mode']): boolean {
  if (mode === 'chars') return folded.includes(cue);
  const prefix = cue.endsWith('*');
  const needle = prefix ? cue.slice(0, -1) : cue;
  let at = folded.indexOf(needle);
  while (at >= 0) {
    const before = folded.charAt(at - 1);
    const after = folded.charAt(at + needle.length);
    if (isEdge(before) && (prefix || isEdge(after))) return true;
    at = folded.indexOf(needle, at + 1);
  }
  return false;
}

const isEdge = (c: string) => c === '' || !/[\p{L}\p{N}]/u.test(c);
