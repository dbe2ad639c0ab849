/**
 * How a text becomes a sparse vector: word uni- and bigrams plus character n-grams, hashed
 * into a fixed space. Stored inside every model, so a model always reads text the way it was
 * trained.
 */
export interface FeatureConfig {
  /** log2 of the hashed space (18 → 262,144 slots). */
  bits: number;
  /** Shortest and longest character n-gram inside a (padded) word of an alphabetic script. */
  charMin: number;
  charMax: number;
  /** Longest character n-gram over a run of Chinese or Japanese characters (shortest is 1). */
  cjkMax: number;
  /** Add word bigrams besides word unigrams. */
  wordBigrams: boolean;
  /** Weight of the word block against the character block before the final L2 norm. */
  wordWeight: number;
  /** Weight of the character block (default 1); with `wordWeight` 0 too, the text gives no features. */
  charWeight?: number;
  /**
   * Chinese negation (不, 没, 无, 非, 未, 别…): the character uni- and bigrams starting up to this
   * many characters after a negator in the same run also count as negated n-grams of their
   * own, so "不好" and "不太好" share a "negated 好". 0 or absent: off.
   */
  cjkNegation?: number;
  /**
   * Chinese and Japanese words besides their character n-grams: each run is split by the
   * dictionary of Intl.Segmenter (ICU, offline) and its words (and word bigrams, with
   * `wordBigrams`) join the word block. Absent: off.
   */
  cjkWords?: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  bits: 18,
  charMin: 2,
  charMax: 5,
  cjkMax: 3,
  wordBigrams: true,
  wordWeight: 1,
};

/** A sparse vector: strictly increasing `indices`, and `values` beside them. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Distinct seeds keep a word "ab" and the character bigram "ab" in different slots.
const WORD_SEED = 0x9e3779b9;
const CHAR_SEED = FNV_OFFSET;
const NEGATED_SEED = 0x2545f491;
const CJK_WORD_SEED = 0x7f4a7c15;
const CJK_NEGATORS = new Set([...'不没沒无無非未别別莫勿'].map((c) => c.codePointAt(0) as number));

/** 32-bit FNV-1a over UTF-16 code units: fast, stable across runs and platforms. */
export function fnv1a(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

// Latin letters only: decomposing Hangul or kana would change what a character is.
const LATIN_MARKS = /([a-z])[\u0300-\u036f]+/g;
const ASCII = /^[\x20-\x7e]*$/;
const NEEDS_FOLDING = /[\u0080-\u{10ffff}]/u;

/**
 * NFKC, lower case, every digit to 0 (order numbers must not become vocabulary) and accents
 * dropped from Latin letters, since customers type "nao recebi" as often as "não recebi".
 */
export function normalizeText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(/\d/g, '0');
  const folded = text.normalize('NFKC').toLowerCase().replace(/\d/g, '0');
  if (!NEEDS_FOLDING.test(folded)) return folded;
  return folded.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC');
}

// Han and kana; Hangul is written with spaces, so it gets the same n-grams as Latin.
const isCjk = (c: number) =>
  (c >= 0x3040 && c <= 0x30ff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0xf900 && c <= 0xfaff);
const LETTER = /^[\p{L}\p{N}\p{M}]$/u;
// Whether a code point is part of a word, memoised: the Unicode test is a regular expression.
const wordCode = new Map<number, boolean>();
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  let known = wordCode.get(c);
  if (known === undefined) {
    known = LETTER.test(String.fromCodePoint(c));
    wordCode.set(c, known);
  }
  return known;
}
const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;

/** A word and where it starts in the normalised text. */
export interface WordToken {
  text: string;
  index: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
let segmenter: Intl.Segmenter | undefined;

/**
 * The word-like tokens of an already normalised text, in order (for display and tools; the
 * features do not need it). Intl.Segmenter splits Chinese, Japanese and Thai into words.
 */
export function splitWords(normalized: string): WordToken[] {
  const out: WordToken[] = [];
  if (/[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/.test(normalized)) {
    segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
    for (const s of segmenter.segment(normalized)) {
      if (s.isWordLike) out.push({ text: s.segment, index: s.index });
    }
  } else {
    for (const m of normalized.matchAll(WORD)) out.push({ text: m[0], index: m.index });
  }
  return out;
}

// Scratch space reused by every call (one thread, and nothing escapes a call): the message's
// code points and the hashes of its two blocks. It grows, never shrinks.
let codes = new Int32Array(256);
let wordHashes = new Uint32Array(256);
let charHashes = new Uint32Array(1024);
let wordCount = 0;
let charCount = 0;

function pushWord(h: number) {
  if (wordCount === wordHashes.length) wordHashes = grow(wordHashes);
  wordHashes[wordCount++] = h;
}
function pushChar(h: number) {
  if (charCount === charHashes.length) charHashes = grow(charHashes);
  charHashes[charCount++] = h;
}
function grow(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The hashed, sub-linear-TF, L2-normalised features of `text`, in one pass over its code
 * points with no intermediate strings. Chinese and Japanese get character 1…cjkMax-grams over
 * each run of Han and kana (no dictionary segmenter: n-grams need no word split); other
 * scripts get word uni- and bigrams and charMin…charMax-grams inside each word padded with
 * spaces.
 */
export function extractFeatures(text: string, config: FeatureConfig = DEFAULT_FEATURES): SparseVector {
  const charWeight = config.charWeight ?? 1;
  if (config.wordWeight === 0 && charWeight === 0)
    return { indices: new Uint32Array(0), values: new Float32Array(0) };
  const normalized = normalizeText(text);
  if (codes.length < normalized.length + 2) codes = new Int32Array(normalized.length * 2 + 2);
  wordCount = 0;
  charCount = 0;
  const mask = (1 << config.bits) - 1;
  let previousWord = -1;
  let wordStart = -1; // index in `codes` of the current word's first code point, after its pad
  let cjkStart = -1;
  let negator = -1; // index in `codes` of the run's latest negator
  const negationScope = config.cjkNegation ?? 0;
  let n = 0;
  let anyCjk = false;
  const endWord = () => {
    const h = hashCodes(codes, wordStart, n, WORD_SEED);
    pushWord(h & mask);
    if (config.wordBigrams && previousWord >= 0) pushWord(mix(previousWord, h) & mask);
    previousWord = h;
    codes[n] = 0x20;
    charGrams(codes, wordStart - 1, n + 1, config.charMin, config.charMax, mask);
    wordStart = -1;
  };
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.codePointAt(i) as number;
    if (c > 0xffff) i++;
    if (isCjk(c)) {
      anyCjk = true;
      if (wordStart >= 0) endWord();
      if (cjkStart < 0) {
        cjkStart = 0;
        n = 0;
        negator = -1;
      }
      codes[n++] = c;
      cjkGrams(codes, n, config.cjkMax, mask);
      if (negator >= 0) negatedGrams(codes, n, negator, negationScope, mask);
      if (negationScope > 0 && CJK_NEGATORS.has(c)) negator = n - 1;
      continue;
    }
    cjkStart = -1;
    const inWord =
      isWordCode(c) ||
      (wordStart >= 0 &&
        isApostrophe(c) &&
        i + 1 < normalized.length &&
        isWordCode(normalized.codePointAt(i + 1) as number));
    if (inWord) {
      if (wordStart < 0) {
        codes[0] = 0x20;
        wordStart = 1;
        n = 1;
      }
      codes[n++] = c;
    } else if (wordStart >= 0) endWord();
  }
  if (wordStart >= 0) endWord();
  if (anyCjk && config.cjkWords) cjkWordGrams(normalized, config.wordBigrams, mask);
  return combine(config.wordWeight, charWeight);
}

// The words of the Chinese and Japanese runs, as the segmenter's dictionary splits them;
// bigrams do not reach across punctuation or a word of another script.
function cjkWordGrams(normalized: string, bigrams: boolean, mask: number) {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let previous = -1;
  for (const s of segmenter.segment(normalized)) {
    if (!s.isWordLike || !isCjk(s.segment.codePointAt(0) as number)) {
      previous = -1;
      continue;
    }
    const h = fnv1a(s.segment, CJK_WORD_SEED);
    pushWord(h & mask);
    if (bigrams && previous >= 0) pushWord(mix(previous, h) & mask);
    previous = h;
  }
}

// FNV-1a over code points (equal to fnv1a over UTF-16 for the Basic Multilingual Plane).
function hashCodes(a: Int32Array, from: number, to: number, seed: number): number {
  let h = seed;
  for (let j = from; j < to; j++) {
    const c = a[j] as number;
    if (c > 0xffff) {
      h = Math.imul(h ^ (((c - 0x10000) >> 10) + 0xd800), FNV_PRIME);
      h = Math.imul(h ^ (((c - 0x10000) & 0x3ff) + 0xdc00), FNV_PRIME);
    } else h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, FNV_PRIME) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

// FNV is extended one character at a time, so all n-grams starting at i cost one pass.
function charGrams(a: Int32Array, from: number, to: number, min: number, max: number, mask: number) {
  for (let i = from; i < to; i++) {
    let h = CHAR_SEED;
    const end = Math.min(to, i + max);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ (a[j] as number), FNV_PRIME);
      if (j - i + 1 >= min) pushChar((h >>> 0) & mask);
    }
  }
}

// The 1…max-grams that end at the run's newest character.
function cjkGrams(a: Int32Array, n: number, max: number, mask: number) {
  for (let len = 1; len <= Math.min(max, n); len++) {
    let h = CHAR_SEED;
    for (let j = n - len; j < n; j++) h = Math.imul(h ^ (a[j] as number), FNV_PRIME);
    pushChar((h >>> 0) & mask);
  }
}

// The uni- and bigram ending at the newest character, marked as negated when they start
// within `scope` characters after the negator.
function negatedGrams(a: Int32Array, n: number, negator: number, scope: number, mask: number) {
  for (let len = 1; len <= 2; len++) {
    const start = n - len;
    if (start <= negator || start - negator > scope) continue;
    let h = NEGATED_SEED;
    for (let j = start; j < n; j++) h = Math.imul(h ^ (a[j] as number), FNV_PRIME);
    pushChar((h >>> 0) & mask);
  }
}

// Sorts and counts a block in place: keys in the front of `hashes`, 1 + ln(count) in `out`.
function countBlock(hashes: Uint32Array, size: number, out: Float32Array, weight: number): number {
  const sorted = hashes.subarray(0, size).sort();
  let distinct = 0;
  for (let i = 0; i < size; i++) {
    const v = sorted[i] as number;
    if (distinct > 0 && sorted[distinct - 1] === v) out[distinct - 1] = (out[distinct - 1] as number) + 1;
    else {
      sorted[distinct] = v;
      out[distinct++] = 1;
    }
  }
  let norm = 0;
  for (let i = 0; i < distinct; i++) {
    const v = 1 + Math.log(out[i] as number);
    out[i] = v;
    norm += v * v;
  }
  const scale = distinct > 0 ? weight / Math.sqrt(norm) : 0;
  for (let i = 0; i < distinct; i++) out[i] = (out[i] as number) * scale;
  return distinct;
}

let wordValues = new Float32Array(256);
let charValues = new Float32Array(1024);

// Each block is normalised on its own first, so a long word list cannot drown the n-grams;
// the two sorted blocks are then merged and the sum normalised again.
function combine(wordWeight: number, charWeight: number): SparseVector {
  if (wordValues.length < wordHashes.length) wordValues = new Float32Array(wordHashes.length);
  if (charValues.length < charHashes.length) charValues = new Float32Array(charHashes.length);
  const na = wordWeight === 0 ? 0 : countBlock(wordHashes, wordCount, wordValues, wordWeight);
  const nb = charWeight === 0 ? 0 : countBlock(charHashes, charCount, charValues, charWeight);
  let n = 0;
  for (let i = 0, j = 0; i < na || j < nb; n++) {
    const ka = i < na ? (wordHashes[i] as number) : 0x100000000;
    const kb = j < nb ? (charHashes[j] as number) : 0x100000000;
    if (ka <= kb) i++;
    if (kb <= ka) j++;
  }
  const indices = new Uint32Array(n);
  const values = new Float32Array(n);
  let norm = 0;
  for (let i = 0, j = 0, k = 0; k < n; k++) {
    const ka = i < na ? (wordHashes[i] as number) : 0x100000000;
    const kb = j < nb ? (charHashes[j] as number) : 0x100000000;
    let v = 0;
    if (ka <= kb) v += wordValues[i++] as number;
    if (kb <= ka) v += charValues[j++] as number;
    indices[k] = Math.min(ka, kb);
    values[k] = v;
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < n; k++) values[k] = (values[k] as number) * inv;
  return { indices, values };
}
