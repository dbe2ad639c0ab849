import { foldPhrase, foldText } from './fold-text.js';
import type { ForbiddenPhrase, PhraseSeverity } from './forbidden-phrases.js';

/** One forbidden phrase found in a reply, located in the text as the agent typed it. */
export interface ReplyFinding {
  /** The phrase as listed, not as typed. */
  phrase: string;
  severity: PhraseSeverity;
  /** UTF-16 offset into the original text, for highlighting. */
  index: number;
  length: number;
  suggestion?: string;
}

/** The verdict on a reply: blocked when any finding is a `block`. */
export interface ReplyCheck {
  blocked: boolean;
  findings: ReplyFinding[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
// Scripts written without spaces between words: a phrase there may sit inside any run of text.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
const UNKNOWN_LANGUAGES = new Set(['', 'und', 'mul']);

const primarySubtag = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Checks an agent's reply against forbidden phrases in real time. A phrase applies
 * when its language is '*' or shares the reply's primary subtag; a reply in an unknown
 * language is checked against every phrase.
 *
 * Matching ignores case, full-width forms (NFKC), the kind of apostrophe and how white
 * space is broken. In scripts with spaces a phrase must be whole words ("calm down" is not
 * found in "calm downstairs", and "not our problem" is not found in "not our problems":
 * list such variants). In Chinese, Japanese and Thai, which have no spaces, it is found
 * anywhere. Where one finding lies inside another at least as severe, only the outer is kept.
 */
export function checkReply(text: string, language: string, phrases: readonly ForbiddenPhrase[]): ReplyCheck {
  const folded = foldText(text);
  const reply = primarySubtag(language);
  const found: ReplyFinding[] = [];
  for (const entry of phrases) {
    if (entry.language !== '*' && !UNKNOWN_LANGUAGES.has(reply) && primarySubtag(entry.language) !== reply)
      continue;
    const needle = foldPhrase(entry.phrase);
    if (needle === '') continue;
    for (let at = folded.text.indexOf(needle); at !== -1; at = folded.text.indexOf(needle, at + 1)) {
      if (!standsAlone(folded.text, at, needle)) continue;
      const index = folded.starts[at] as number;
      const end = folded.ends[at + needle.length - 1] as number;
      found.push({
        phrase: entry.phrase,
        severity: entry.severity,
        index,
        length: end - index,
        ...(entry.suggestion === undefined ? {} : { suggestion: entry.suggestion }),
      });
    }
  }
  const findings = outermost(found);
  return { blocked: findings.some((f) => f.severity === 'block'), findings };
}

function standsAlone(text: string, at: number, needle: string): boolean {
  const first = String.fromCodePoint(needle.codePointAt(0) as number);
  const last = lastCodePoint(needle);
  const before = lastCodePoint(text.slice(Math.max(0, at - 2), at));
  const after = text.codePointAt(at + needle.length);
  const needsEdge = (ch: string) => WORD_CHAR.test(ch) && !UNSPACED.test(ch);
  if (needsEdge(first) && before !== '' && WORD_CHAR.test(before)) return false;
  if (needsEdge(last) && after !== undefined && WORD_CHAR.test(String.fromCodePoint(after))) return false;
  return true;
}

function lastCodePoint(text: string): string {
  return [...text].at(-1) ?? '';
}

const STRENGTH: Record<PhraseSeverity, number> = { warn: 0, block: 1 };

// "this is not our problem" also contains "not our problem": one highlight, not two.
function outermost(findings: ReplyFinding[]): ReplyFinding[] {
  const ordered = [...findings].sort(
    (a, b) => a.index - b.index || b.length - a.length || STRENGTH[b.severity] - STRENGTH[a.severity],
  );
  const kept: ReplyFinding[] = [];
  for (const f of ordered) {
    const covered = kept.some(
      (k) =>
        k.index <= f.index &&
        f.index + f.length <= k.index + k.length &&
        STRENGTH[k.severity] >= STRENGTH[f.severity],
    );
    if (!covered) kept.push(f);
  }
  return kept;
}
