import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReply } from './check-reply.js';
import { foldPhrase } from './fold-text.js';
import { DEFAULT_FORBIDDEN_PHRASES, type ForbiddenPhrase } from './forbidden-phrases.js';

const defaults = DEFAULT_FORBIDDEN_PHRASES;
const located = (text: string, index: number, length: number) => text.slice(index, index + length);

describe('checkReply: what it finds', () => {
  it('blocks R-8.4’s example and points at it in the text', () => {
    const text = 'Hi Tom,\n\nI checked with the carrier. This is not our problem, please contact DHL.';
    const check = checkReply(text, 'en-US', defaults);
    expect(check.blocked).toBe(true);
    expect(check.findings).toHaveLength(1);
    const [finding] = check.findings;
    expect(finding).toMatchObject({ phrase: 'this is not our problem', severity: 'block' });
    expect(located(text, finding!.index, finding!.length)).toBe('This is not our problem');
    expect(finding!.suggestion).toMatch(/look into it/);
  });

  it('blocks the Chinese example, found inside a sentence with no spaces', () => {
    const text = '您好，关于物流延误，这不是我们的问题，请联系快递公司。';
    const check = checkReply(text, 'zh-CN', defaults);
    expect(check.blocked).toBe(true);
    expect(check.findings.map((f) => located(text, f.index, f.length))).toEqual(['这不是我们的问题']);
  });

  it('warns without blocking', () => {
    const check = checkReply('Please calm down, we will refund you.', 'en', defaults);
    expect(check).toMatchObject({ blocked: false, findings: [{ phrase: 'calm down', severity: 'warn' }] });
  });

  it('passes a courteous reply', () => {
    const text =
      "I'm sorry your parcel arrived damaged. I've issued a refund of €49.90; you'll see it in 3–5 days.";
    expect(checkReply(text, 'en', defaults)).toEqual({ blocked: false, findings: [] });
  });

  it('lists every finding in text order', () => {
    const text = "As I already said, it's not my problem. Calm down.";
    const check = checkReply(text, 'en', defaults);
    expect(check.findings.map((f) => [f.phrase, f.severity])).toEqual([
      ['as I already said', 'warn'],
      ['not my problem', 'block'],
      ['calm down', 'warn'],
    ]);
  });
});

describe('checkReply: how it matches', () => {
  it('ignores case, full-width letters, curly apostrophes and line breaks, and maps back to the original', () => {
    const cases: [string, string][] = [
      ['It’s your fault the parcel was returned.', 'It’s your fault'],
      ['ＮＯＴ ＯＵＲ ＰＲＯＢＬＥＭ, sorry.', 'ＮＯＴ ＯＵＲ ＰＲＯＢＬＥＭ'],
      ['That is not\n   our   problem.', 'not\n   our   problem'],
      ['That is not\u00A0our\u3000problem.', 'not\u00A0our\u3000problem'],
    ];
    for (const [text, expected] of cases) {
      const [finding] = checkReply(text, 'en', defaults).findings;
      expect(finding && located(text, finding.index, finding.length)).toBe(expected);
    }
  });

  it('folds decomposed accents and French typographic apostrophes', () => {
    const text = 'Madame, ce n’est pas notre problème.';
    expect(checkReply(text, 'fr-FR', defaults).blocked).toBe(true);
    const decomposed = 'Por favor, ca\u0301lmese.';
    const [finding] = checkReply(decomposed, 'es', defaults).findings;
    expect(finding && located(decomposed, finding.index, finding.length)).toBe('ca\u0301lmese');
  });

  it('matches whole words only where words are spaced', () => {
    expect(checkReply('Please calm downstairs neighbours.', 'en', defaults).findings).toEqual([]);
    expect(checkReply('That is not our problems.', 'en', defaults).findings).toEqual([]);
    expect(checkReply('Honestly: not our problem!', 'en', defaults).blocked).toBe(true);
    expect(checkReply('(not our problem)', 'en', defaults).blocked).toBe(true);
  });

  it('finds Japanese phrases inside running text', () => {
    const text =
      'お問い合わせありがとうございます。配送の遅延は弊社の問題ではありませんので、運送会社へご連絡ください。';
    expect(checkReply(text, 'ja-JP', defaults).findings.map((f) => f.phrase)).toEqual([
      '弊社の問題ではありません',
    ]);
  });

  it('applies phrases of the reply’s language and of every language, not of others', () => {
    const own: ForbiddenPhrase[] = [
      { phrase: 'lol', language: '*', severity: 'warn' },
      { phrase: 'nicht mein Problem', language: 'de', severity: 'block' },
    ];
    expect(checkReply('lol, nicht mein Problem', 'de-AT', own).findings).toHaveLength(2);
    expect(checkReply('lol, nicht mein Problem', 'en', own).findings.map((f) => f.phrase)).toEqual(['lol']);
  });

  it('checks every language when the reply’s language is unknown', () => {
    expect(checkReply('Das ist nicht unser Problem.', '', defaults).blocked).toBe(true);
    expect(checkReply('Das ist nicht unser Problem.', 'und', defaults).blocked).toBe(true);
  });

  it('keeps one finding where a phrase lies inside another at least as severe', () => {
    const own: ForbiddenPhrase[] = [
      { phrase: 'our problem', language: 'en', severity: 'block' },
      { phrase: 'not our problem', language: 'en', severity: 'warn' },
    ];
    expect(checkReply('not our problem', 'en', own).findings.map((f) => f.phrase)).toEqual([
      'not our problem',
      'our problem',
    ]);
    expect(checkReply('this is not our problem', 'en', defaults).findings).toHaveLength(1);
  });

  it('ignores blank phrases and finds repeated ones each time', () => {
    const own: ForbiddenPhrase[] = [
      { phrase: '  ', language: '*', severity: 'block' },
      { phrase: 'calm down', language: 'en', severity: 'warn' },
    ];
    expect(checkReply('Calm down. CALM DOWN.', 'en', own).findings.map((f) => f.index)).toEqual([0, 11]);
  });
});

describe('DEFAULT_FORBIDDEN_PHRASES', () => {
  it('covers en, zh-CN, de, fr, es, pt and ja, each with a block, a warning and suggestions', () => {
    for (const language of ['en', 'zh-CN', 'de', 'fr', 'es', 'pt', 'ja']) {
      const own = defaults.filter((p) => p.language === language);
      expect(own.some((p) => p.severity === 'block')).toBe(true);
      expect(own.some((p) => p.severity === 'warn')).toBe(true);
      for (const p of own) expect(p.suggestion?.length).toBeGreaterThan(0);
    }
  });

  it('is caught by its own check, in its own language, and its suggestions are not', () => {
    for (const p of defaults) {
      expect(checkReply(`… ${p.phrase} …`, p.language, defaults).findings.length).toBeGreaterThan(0);
      expect(checkReply(p.suggestion ?? '', p.language, defaults).findings).toEqual([]);
    }
  });
});

describe('checkReply, for any text around a phrase', () => {
  const filler = fc.constantFrom('', 'Hello, ', 'Hi Tom.\n\n', '您好，', 'Ｏｋ ', 'Thanks! 😊 ');
  const spacing = fc.constantFrom(' ', '  ', '\n', '\u00A0', '\r\n');
  const casing = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toUpperCase(),
    (s) => s.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 97 + 0xff41)),
  );

  it('finds the phrase however it is cased or spaced, and locates text that folds back to it', () => {
    fc.assert(
      fc.property(filler, casing, spacing, filler, (before, transform, space, after) => {
        const typed = transform('not our problem').replace(/ /g, space);
        const text = `${before}${typed}. ${after}`;
        const check = checkReply(text, 'en', defaults);
        expect(check.blocked).toBe(true);
        const [finding] = check.findings;
        expect(foldPhrase(located(text, finding!.index, finding!.length))).toBe('not our problem');
        expect(finding!.index).toBe(before.length);
      }),
    );
  });
});
