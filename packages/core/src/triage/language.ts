import { eld } from 'eld/small';

/** The language a customer wrote in, as far as the text alone tells. */
export interface DetectedLanguage {
  /** ISO 639-1 code ('zh' for Chinese in either script); 'und' when the text names no language. */
  language: string;
  /** 0..1: how sure the detector is; 0 for 'und'. Short texts and near ties score lower. */
  confidence: number;
}

/** The languages Afterdesk's shops trade in; a near tie on a short message goes their way. */
export const TRADE_LANGUAGES = [
  'en',
  'zh',
  'ja',
  'ko',
  'es',
  'pt',
  'de',
  'fr',
  'it',
  'nl',
  'pl',
  'ru',
  'tr',
  'ar',
] as const;

const UNDETERMINED: DetectedLanguage = { language: 'und', confidence: 0 };

// The 'small' table loads in about a third of a second and is as accurate as 'large' on
// sentences once the trade-language preference below is applied; 'large' takes over a second.
const anyLanguage = eld.newInstance();
const tradeOnly = eld.newInstance();
tradeOnly.setLanguageSubset([...TRADE_LANGUAGES]);
const TRADE = new Set<string>(TRADE_LANGUAGES);

// Noise that carries no language and misleads n-grams: links, addresses, order and tracking
// numbers (any token with a digit, "#A-1234", "15"), @handles.
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const HANDLE = /@\w+/g;
const CODE = /[#№]?[\w\-/.]*\d[\w\-/.]*/g;

const LETTER = /\p{L}/u;
const TWO_LETTERS = /\p{L}[\s\S]*?\p{L}/u;
const UKRAINIAN = /[іїєґ]/iu;
const BELARUSIAN = /ў/iu;

const round = (value: number) => Math.round(value * 100) / 100;

/** Removes links, e-mail addresses, @handles and order or tracking numbers. */
export function stripNoise(text: string): string {
  return text.replace(URL, ' ').replace(EMAIL, ' ').replace(HANDLE, ' ').replace(CODE, ' ');
}

/**
 * The language of a customer message, tuned for one short sentence. Scripts that name their
 * language decide first (Hangul → ko, any kana → ja, Han without kana → zh, Arabic → ar); the
 * eld n-gram detector decides the rest, and on a short or unsure text prefers a trade language
 * (a 3-word Portuguese message often looks Galician or Catalan to n-grams).
 */
export function detectLanguage(text: string): DetectedLanguage {
  const clean = stripNoise(text.normalize('NFKC'));
  if (!LETTER.test(clean)) return UNDETERMINED;
  return byScript(clean) ?? byNgrams(clean);
}

interface ScriptCounts {
  hangul: number;
  kana: number;
  han: number;
  arabic: number;
  cyrillic: number;
  /** Runs of two or more Latin letters: words, not characters. */
  latinWords: number;
  letters: number;
}

// One pass over the code units: six regular expressions over the same text cost a third of the time.
function countScripts(text: string): ScriptCounts {
  const counts = { hangul: 0, kana: 0, han: 0, arabic: 0, cyrillic: 0, latinWords: 0, letters: 0 };
  let latinRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const latin =
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
    if (latin) latinRun++;
    else {
      if (latinRun >= 2) counts.latinWords++;
      latinRun = 0;
    }
    if (c < 0x400) continue;
    if (c >= 0xac00 && c <= 0xd7af) counts.hangul++;
    else if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) counts.hangul++;
    else if ((c >= 0x3041 && c <= 0x30ff && c !== 0x30fb && c !== 0x30fc) || (c >= 0xff66 && c <= 0xff9d))
      counts.kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff))
      counts.han++;
    else if (c >= 0xd840 && c <= 0xd87f)
      counts.han += 0.5; // surrogate halves of the rarer Han extensions
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfefc))
      counts.arabic++;
    else if (c <= 0x4ff) counts.cyrillic++;
  }
  if (latinRun >= 2) counts.latinWords++;
  return counts;
}

function byScript(text: string): DetectedLanguage | null {
  const { hangul, kana, han, arabic, cyrillic, latinWords: latin } = countScripts(text);
  // Latin is counted in words, the others in characters (one CJK character is about one word), so
  // "iPhone Pro 屏幕碎了" reads as Chinese while "my order from 北京 is late" reads as English.
  const cjk = hangul + kana + han;
  if (cjk > 0 && cjk >= latin) {
    const sure = scriptConfidence(cjk, latin);
    if (hangul >= kana + han / 2) return { language: 'ko', confidence: sure };
    if (kana > 0) return { language: 'ja', confidence: sure };
    return { language: 'zh', confidence: sure };
  }
  if (arabic > 0 && arabic >= latin * 3)
    return { language: 'ar', confidence: scriptConfidence(arabic / 3, latin) };
  if (cyrillic > 0 && cyrillic >= latin * 3) {
    const language = UKRAINIAN.test(text) ? 'uk' : BELARUSIAN.test(text) ? 'be' : 'ru';
    // Bulgarian, Serbian and Russian share most letters; a long text is worth asking eld about.
    if (language === 'ru' && cyrillic > 60) {
      const found = anyLanguage.detect(text);
      if (found.language !== 'ru' && found.isReliable()) return fromResult(found.language, found.getScores());
    }
    return { language, confidence: scriptConfidence(cyrillic / 4, latin) };
  }
  return null;
}

// One character of a script that only one language writes is already good evidence; more
// characters and fewer foreign words make it better.
function scriptConfidence(units: number, foreign: number): number {
  const share = units / (units + foreign);
  return round(Math.min(0.99, (0.7 + 0.29 * (1 - Math.exp(-units / 3))) * (0.6 + 0.4 * share)));
}

function byNgrams(text: string): DetectedLanguage {
  // A stray letter left from a code ("#A-") is no language.
  if (!TWO_LETTERS.test(text)) return UNDETERMINED;
  const found = anyLanguage.detect(text);
  if (found.language === '') return UNDETERMINED;
  // One or two words ("Hi", "Merci", "ok") are shared by many languages: whatever the
  // n-grams say, that is a guess, and the caller should not answer in it on that alone.
  const words = text.trim().split(/\s+/).length;
  const cap = words === 1 ? 0.45 : words === 2 ? 0.6 : 1;
  if (TRADE.has(found.language)) return fromResult(found.language, found.getScores(), cap);
  // A foreign language wins only when eld is sure of it on a text of some length.
  if (found.isReliable() && words >= 6) return fromResult(found.language, found.getScores());
  const trade = tradeOnly.detect(text);
  if (trade.language === '') return fromResult(found.language, found.getScores(), Math.min(cap, 0.5));
  return fromResult(trade.language, trade.getScores(), Math.min(cap, 0.8));
}

// eld's scores are relative n-gram affinities, not probabilities: confidence here grows with the
// winner's lead over the runner-up and with the winner's own score.
function fromResult(language: string, scores: Record<string, number>, cap = 1): DetectedLanguage {
  const ranked = Object.values(scores).sort((a, b) => b - a);
  const first = ranked[0] ?? 0;
  const second = ranked[1] ?? 0;
  if (first <= 0) return { language, confidence: 0.3 };
  const lead = (first - second) / first;
  const strength = Math.min(1, first / 0.4);
  return {
    language,
    confidence: round(Math.min(cap, 0.99, 0.35 + 0.4 * Math.min(1, lead * 3) + 0.25 * strength)),
  };
}
