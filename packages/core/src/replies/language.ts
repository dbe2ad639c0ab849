interface ParsedTag {
  tag: string;
  language: string;
  script: string | null;
}

// Chinese is the one language where the region names the script people read: Taiwan, Hong
// Kong and Macau write Traditional, everywhere else Simplified.
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

function parse(tag: string): ParsedTag {
  const subtags = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  const language = subtags[0] ?? '';
  const script = subtags.slice(1).find((s) => /^[a-z]{4}$/.test(s)) ?? null;
  if (script !== null || language !== 'zh') return { tag, language, script };
  const traditional = subtags.slice(1).some((s) => TRADITIONAL_REGIONS.has(s));
  return { tag, language, script: traditional ? 'hant' : 'hans' };
}

const normalized = (tag: string) => tag.trim().toLowerCase().replace(/_/g, '-');

/**
 * The language to answer in, as spelled in `available`. In order:
 * 1. each wanted tag (most preferred first): an exact match, else the same language in the
 *    same script (de-CH → de-DE, zh-HK → zh-TW);
 * 2. the same language in another script (zh-TW → zh-CN), since being understood matters
 *    more than the script, but only when no wanted language matched in step 1: a Taiwanese
 *    customer who also listed English gets English, not Simplified Chinese;
 * 3. the fallback (exactly, else any variant of it: 'en' takes en-US); else the first available.
 * Tags compare case-insensitively, with `_` read as `-`. An empty `available` gives the fallback.
 */
export function chooseLanguage(
  wanted: readonly (string | null | undefined)[],
  available: readonly string[],
  fallback = 'en',
): string {
  const offered = available.map(parse);
  const asked = wanted.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map(parse);
  for (const want of asked) {
    const exact = offered.find((o) => normalized(o.tag) === normalized(want.tag));
    const sameScript = offered.find((o) => o.language === want.language && o.script === want.script);
    const found = exact ?? sameScript;
    if (found) return found.tag;
  }
  for (const want of asked) {
    const sameLanguage = offered.find((o) => o.language === want.language);
    if (sameLanguage) return sameLanguage.tag;
  }
  const last = parse(fallback);
  const fallbackOffered =
    offered.find((o) => normalized(o.tag) === normalized(fallback)) ??
    offered.find((o) => o.language === last.language);
  return fallbackOffered?.tag ?? offered[0]?.tag ?? fallback;
}
