// Emoji and emoticons read the same in every language.
const SYMBOLS: Record<string, number> = {
  '😡': -2.5,
  '🤬': -3,
  '😠': -2,
  '👎': -2,
  '😞': -1.5,
  '😢': -1.5,
  '😭': -1.5,
  '💩': -2,
  '😤': -1.5,
  '🙁': -1,
  '☹': -1,
  '😒': -1,
  '👍': 2,
  '😍': 2.5,
  '🥰': 2.5,
  '❤': 2,
  '😀': 1.5,
  '😃': 1.5,
  '😊': 1.5,
  '🙂': 1,
  '👌': 1.5,
  '💯': 1.5,
  '⭐': 0.5,
  '🙏': 0.5,
  ':)': 1,
  ':-)': 1,
  ':(': -1.5,
  ':-(': -1.5,
};
const SYMBOL = /\p{Extended_Pictographic}|:-?[()]/gu;

/** The weight of the emoji and emoticons in a text, and which of them counted. */
export function readSymbols(text: string): { weight: number; cues: string[] } {
  let weight = 0;
  const cues: string[] = [];
  for (const [symbol] of text.matchAll(SYMBOL)) {
    const w = SYMBOLS[symbol];
    if (w === undefined) continue;
    weight += w;
    cues.push(symbol);
  }
  return { weight, cues };
}
