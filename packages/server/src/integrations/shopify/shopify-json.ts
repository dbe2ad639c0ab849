// Shopify ids are 64-bit integers ("id": 820982911946154508). JSON.parse turns them into
// doubles and silently changes their last digits, so two different orders could collide.
// Every integer literal too long to be exact becomes a string before parsing; the walk
// skips string contents, so text that merely looks like a number is never touched.

const SAFE_DIGITS = 15;

/** Parses a Shopify webhook body, keeping integers beyond 2^53 exact as strings. */
export function parseShopifyJson(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

/** The JSON text with every integer of more than 15 digits written as a string. */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end] as string)) end += 1;
      const literal = text.slice(i, end);
      const digits = literal.replace(/^-/, '');
      out += /^\d+$/.test(digits) && digits.length > SAFE_DIGITS ? `"${literal}"` : literal;
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

// The index just past the closing quote of the string that starts at `start`.
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i += 1;
  }
  return text.length;
}
