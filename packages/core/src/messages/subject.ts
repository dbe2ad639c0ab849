// Full-width forms too: "［＃１２３４］" is what a Chinese or Japanese input method types.
const TOKEN = /[[［][#＃]([0-9０-９]{1,15})[\]］]/;
const TOKENS = /\s*[[［][#＃][0-9０-９]{1,15}[\]］]/g;

/** The case number from a "[#1234]" token anywhere in a subject, or null. The first wins. */
export function caseTokenOf(subject: string | null | undefined): number | null {
  const digits = TOKEN.exec(subject ?? '')?.[1];
  if (digits === undefined) return null;
  const number = Number(digits.normalize('NFKC'));
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

/**
 * The subject with " [#1234]" at its end, exactly once, so the customer's reply threads onto
 * the case whatever their client does to the References header. A subject already carrying
 * the token once is returned as it is. Tokens of another case (the thread was merged or
 * moved) are dropped, or the old one would win in `caseTokenOf`.
 */
export function subjectWithToken(subject: string, caseNumber: number): string {
  const tokens = subject.match(TOKENS) ?? [];
  if (tokens.length === 1 && caseTokenOf(tokens[0]) === caseNumber) return subject;
  const bare = subject.replace(TOKENS, '').trim();
  const own = `[#${caseNumber}]`;
  return bare === '' ? own : `${bare} ${own}`;
}

// Reply and forward prefixes as mail clients write them in the languages we serve: AW/WG
// (de), TR (fr), RV (es), RES/ENC (pt), R/I (it), SV/VS (nordic), Antw (nl), 回复/答复/转发
// (zh), 返信/転送 (ja); with counters like "Re[2]:" or "Re^2:" and full-width colons.
const PREFIXES =
  /^(?:\s*(?:re|aw|fwd?|wg|tr|rv|res|enc|r|i|sv|vs|antw|回复|回覆|答复|答覆|转发|轉寄|转寄|返信|転送)\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*[:：])+\s*/i;

/**
 * The subject of our answer: any stack of "Re: RE: AW: Fwd: 回复: 答复:" prefixes becomes one
 * "Re: ", and the case token is added when a number is given.
 */
export function replySubject(subject: string, caseNumber?: number): string {
  const rest = subject.trim().replace(PREFIXES, '');
  const reply = rest === '' ? 'Re:' : `Re: ${rest}`;
  return caseNumber === undefined ? reply : subjectWithToken(reply, caseNumber);
}
