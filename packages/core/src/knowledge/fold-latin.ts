const LATIN_WITH_MARKS = /\p{Script=Latin}\p{M}+/gu;

/**
 * Strips accents from Latin letters only ("devolução" → "devolucao"): in kana and Hangul
 * the marks change the letter (か/が), so other scripts keep theirs.
 */
export function foldLatin(word: string): string {
  return word
    .normalize('NFD')
    .replace(LATIN_WITH_MARKS, (cluster) => cluster.replace(/\p{M}/gu, ''))
    .normalize('NFC');
}
