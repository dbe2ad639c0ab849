import { checkReply } from './check-reply.js';
import type { ForbiddenPhrase } from './forbidden-phrases.js';

/** Where a phrase sits in the reply as typed: UTF-16 offset and length. */
export interface TextSpan {
  index: number;
  length: number;
}

const words = (list: string) => list.split('|');

// Openings and sign-offs agents actually write, per primary subtag. Traditional Chinese
// forms sit beside the Simplified ones. A name line ("山田様") counts as the greeting in
// Japanese business mail.
const GREETINGS: Readonly<Record<string, readonly string[]>> = {
  en: words('hi|hello|hey|dear|good morning|good afternoon|good evening|greetings'),
  zh: words('您好|你好|亲|亲爱的|尊敬的|早上好|下午好|晚上好|親|親愛的|尊敬'),
  ja: words('お世話になっております|お世話になります|こんにちは|こんばんは|おはようございます|様|さま'),
  ko: words('안녕하세요|안녕하십니까|고객님'),
  de: words('hallo|guten tag|guten morgen|guten abend|sehr geehrte|sehr geehrter|liebe|lieber|moin|servus'),
  fr: words('bonjour|bonsoir|madame|monsieur|cher|chère|salut'),
  es: words('hola|estimado|estimada|estimados|buenos días|buenas tardes|buenas noches|querido|querida'),
  pt: words('olá|oi|prezado|prezada|prezados|bom dia|boa tarde|boa noite|caro|cara'),
  it: words('ciao|buongiorno|buonasera|salve|gentile|gentili|egregio|caro|cara'),
  nl: words('hallo|beste|geachte|goedemorgen|goedemiddag|goedenavond|hoi|dag'),
  ru: words('здравствуйте|добрый день|доброе утро|добрый вечер|уважаемый|уважаемая|привет'),
};

const CLOSINGS: Readonly<Record<string, readonly string[]>> = {
  en: words(
    'best regards|kind regards|warm regards|regards|best wishes|thanks|thank you|many thanks|sincerely|cheers|all the best|have a great day|have a nice day',
  ),
  zh: words('祝您生活愉快|祝您购物愉快|谢谢|感谢|祝好|此致|敬礼|祝您|謝謝|感謝'),
  ja: words(
    'よろしくお願いいたします|よろしくお願い致します|よろしくお願いします|宜しくお願いいたします|宜しくお願い致します|ありがとうございます|ありがとうございました|今後ともよろしく',
  ),
  ko: words('감사합니다|감사드립니다|좋은 하루 되세요|행복한 하루 되세요'),
  de: words(
    'mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|liebe grüße|herzliche grüße|danke|vielen dank|mfg',
  ),
  fr: words(
    'cordialement|bien cordialement|bien à vous|merci|sincères salutations|salutations|bonne journée|belle journée|bonne soirée',
  ),
  es: words('saludos|un saludo|atentamente|gracias|cordialmente|que tenga un buen día|un abrazo'),
  pt: words('atenciosamente|abraços|abraço|um abraço|obrigado|obrigada|cordialmente|grato|grata|até logo'),
  it: words('cordiali saluti|distinti saluti|saluti|grazie|cordialmente|a presto|buona giornata'),
  nl: words(
    'met vriendelijke groet|vriendelijke groeten|hartelijke groet|groeten|groet|bedankt|dank u|dank je',
  ),
  ru: words('с уважением|спасибо|всего доброго|хорошего дня'),
};

// A greeting opens the reply; a sign-off closes it. In Chinese and Japanese a short reply is
// often one line, so the position within the line matters too.
const HEAD_LINES = 2;
const TAIL_LINES = 3;
const GREETING_WITHIN = 40;
const CLOSING_WITHIN = 80;

const primarySubtag = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** Whether greetings and sign-offs are known for a language (primary subtag). */
export function knowsCourtesy(language: string): boolean {
  const primary = primarySubtag(language);
  return Object.hasOwn(GREETINGS, primary) && Object.hasOwn(CLOSINGS, primary);
}

/** The first greeting in the opening lines of a reply, in any of the given languages. */
export function findGreeting(text: string, languages: readonly string[]): TextSpan | null {
  const lines = nonEmptyLines(text).slice(0, HEAD_LINES);
  for (const span of find(text, languages, GREETINGS)) {
    if (lines.some((l) => span.index >= l.start && span.index < Math.min(l.end, l.start + GREETING_WITHIN)))
      return span;
  }
  return null;
}

/** The last sign-off in the closing lines of a reply, in any of the given languages. */
export function findClosing(text: string, languages: readonly string[]): TextSpan | null {
  const lines = nonEmptyLines(text).slice(-TAIL_LINES);
  const spans = find(text, languages, CLOSINGS).reverse();
  for (const span of spans) {
    const end = span.index + span.length;
    if (lines.some((l) => end > l.start && end <= l.end && l.end - end <= CLOSING_WITHIN)) return span;
  }
  return null;
}

// The phrase matching of forbidden phrases (folding, whole words, CJK anywhere) is exactly
// what finding a greeting needs, so the lists are searched through it ('und': every phrase applies).
function find(
  text: string,
  languages: readonly string[],
  lists: Readonly<Record<string, readonly string[]>>,
): TextSpan[] {
  const phrases: ForbiddenPhrase[] = [...new Set(languages.map(primarySubtag))].flatMap((language) =>
    // Own keys only: a language tag like "constructor" must not reach Object's prototype.
    (Object.hasOwn(lists, language) ? (lists[language] as readonly string[]) : []).map((phrase) => ({
      phrase,
      language,
      severity: 'warn' as const,
    })),
  );
  if (phrases.length === 0) return [];
  return checkReply(text, 'und', phrases)
    .findings.map((f) => ({ index: f.index, length: f.length }))
    .sort((a, b) => a.index - b.index);
}

interface Line {
  start: number;
  end: number;
}

function nonEmptyLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    const content = match[0];
    const lead = content.length - content.trimStart().length;
    const trimmed = content.trim();
    if (trimmed === '') continue;
    const start = (match.index ?? 0) + lead;
    lines.push({ start, end: start + trimmed.length });
  }
  return lines;
}
