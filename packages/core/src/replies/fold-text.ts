/**
 * Text folded for matching, with a map back to the original: `starts[i]` and `ends[i]` are
 * where folded code unit `i` came from, so a match found in `text` can be shown in place.
 */
export interface FoldedText {
  text: string;
  starts: number[];
  ends: number[];
}

// A base character with its combining marks, so 'e' + U+0301 folds to 'é' as one unit.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
// Curly, modifier-letter, prime, backtick and acute apostrophes all mean the same to a reader.
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u0060\u00B4\uFF07]/g;

/**
 * Lower case, Unicode NFKC (full-width 'ＮＯＴ' → 'not'), one kind of apostrophe, and every
 * run of white space (line breaks, no-break and ideographic spaces) as a single space.
 */
export function foldText(input: string): FoldedText {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  let position = 0;
  for (const cluster of input.match(CLUSTER) ?? []) {
    const start = position;
    position += cluster.length;
    const folded = foldCluster(cluster);
    if (folded === ' ' && text.endsWith(' ')) {
      ends[ends.length - 1] = position;
      continue;
    }
    for (let i = 0; i < folded.length; i++) {
      starts.push(start);
      ends.push(position);
    }
    text += folded;
  }
  return { text, starts, ends };
}

/** The folded form of a phrase to look for, trimmed. */
export function foldPhrase(phrase: string): string {
  return foldText(phrase).text.trim();
}

function foldCluster(cluster: string): string {
  const folded = cluster.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
  return /^\s+$/.test(folded) ? ' ' : folded;
}
