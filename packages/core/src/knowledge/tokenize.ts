import { foldLatin } from './fold-latin.js';
import { stemmerFor } from './stemmers.js';
import { isStopWord } from './stop-words.js';

/** One searchable term and the words it came from, as typed (NFKC, lower case). */
export interface Token {
  term: string;
  surface: string;
}

// Scripts written without spaces (or, for Hangul, with particles glued on): character
// bigrams over runs of them let "退款" find "退款进度" and "환불" find "환불은", whatever the
// segmenter's dictionary decided. Hiragana breaks a run: in Japanese it is mostly particles.
const BIGRAM_RUN = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;
const BIGRAM_SCRIPT = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Hiragana}]/u;
const HANGUL_WORD = /^\p{Script=Hangul}+$/u;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u0060\u00B4]/g;

export const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(validLocale(language), { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function validLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'und';
  } catch {
    return 'und';
  }
}

/**
 * The terms of a text for search: NFKC, lower case, words by `Intl.Segmenter` (which knows
 * Chinese and Japanese word breaks), stop words dropped, Snowball stems where the language
 * has a stemmer, Latin accents folded after stemming; plus character bigrams for CJK and
 * Korean. A single CJK character stands as a term only when it stands alone in its run.
 */
export function tokenize(text: string, language: string): Token[] {
  const primary = primaryLanguage(language);
  const stem = stemmerFor(primary);
  const normalized = text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
  const tokens: Token[] = [];
  for (const { segment, isWordLike } of segmenterFor(language).segment(normalized)) {
    if (!isWordLike) continue;
    const word = elide(primary, segment.replace(/^'+|'+$/g, ''));
    if (word === '' || isStopWord(primary, word)) continue;
    // Bigrams carry CJK words; a whole word is kept too, for an exact-word match to count.
    if (BIGRAM_SCRIPT.test(word) && [...word].length < 2) continue;
    // Korean glues particles to words ("환불은"): only its bigrams are comparable.
    if (HANGUL_WORD.test(word)) continue;
    tokens.push({ term: foldLatin(stem(word)), surface: word });
  }
  for (const run of normalized.match(BIGRAM_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) {
      if (!isStopWord(primary, run)) tokens.push({ term: run, surface: run });
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = `${chars[i]}${chars[i + 1]}`;
      tokens.push({ term: `${bigram}\u0002`, surface: bigram });
    }
  }
  return tokens;
}

// French and Italian glue articles and pronouns on with an apostrophe: "l'adresse", "dell'ordine".
const ELIDING = new Set(['fr', 'it', 'ca']);
const ELISION = /^(?:[a-z]{1,3}|qu|quel|quell|dell|nell|sull|all)'(?=\p{L})/u;

function elide(primary: string, word: string): string {
  return ELIDING.has(primary) ? word.replace(ELISION, '') : word;
}

/** Whether a term is a character bigram rather than a word (see `tokenize`). */
export const isBigram = (term: string) => term.endsWith('\u0002');
