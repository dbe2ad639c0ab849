// PostgreSQL cannot store U+0000 in text or JSON, nor a lone UTF-16 surrogate (JSON may
// spell one as "\udfff", but it is no character and has no UTF-8 form), and a body nested
// thousands deep blows the stack of whatever walks it next. All are refused at the door
// with a 400, so no later layer has to guard against them.
const MAX_DEPTH = 64;
// In a `u` regular expression a paired surrogate is one astral code point, so only lone halves match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function textProblem(text: string, what: 'Text' | 'Keys'): string | null {
  if (text.includes('\u0000')) return `${what} must not contain the NUL character.`;
  if (LONE_SURROGATE.test(text))
    return `${what} must be valid Unicode (a lone surrogate is not a character).`;
  return null;
}

/** The first problem of a parsed value: a NUL character, a lone surrogate or nesting beyond MAX_DEPTH. */
export function structureProblem(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return textProblem(value, 'Text');
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return `The JSON is nested more than ${MAX_DEPTH} levels deep.`;
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = textProblem(key, 'Keys');
    if (keyProblem) return keyProblem;
    const problem = structureProblem(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}
