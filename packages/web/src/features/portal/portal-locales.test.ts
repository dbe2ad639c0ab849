import { describe, expect, it } from 'vitest';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/portal.json', {
  eager: true,
});

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the portal texts', () => {
  it('exist in all seven languages with the same keys, none empty', () => {
    const byLanguage = Object.fromEntries(
      Object.entries(files).map(([path, module]) => [/locales\/([^/]+)\//.exec(path)?.[1], module.default]),
    );
    expect(Object.keys(byLanguage).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt-BR', 'zh-CN']);
    const english = keys(byLanguage.en as Record<string, unknown>).sort();
    expect(english.length).toBeGreaterThan(100);
    for (const [language, tree] of Object.entries(byLanguage)) {
      expect(keys(tree as Record<string, unknown>).sort(), language).toEqual(english);
      for (const key of english) {
        const value = key.split('.').reduce<unknown>((t, k) => (t as Record<string, unknown>)[k], tree);
        expect(typeof value === 'string' && value.trim().length > 0, `${language} ${key}`).toBe(true);
      }
    }
  });

  it('are translated, not English copies', () => {
    const english = JSON.stringify(files['../../locales/en/portal.json']?.default);
    for (const [path, module] of Object.entries(files)) {
      if (path.includes('/en/')) continue;
      const tree = module.default as { find: { submit: string }; chat: { send: string } };
      expect(JSON.stringify(tree), path).not.toBe(english);
      expect(tree.find.submit, path).not.toBe('Find my order');
      expect(tree.chat.send, path).not.toBe('Send');
    }
  });
});
