import { describe, expect, it } from 'vitest';

const files = import.meta.glob('../../locales/*/console.json', { eager: true }) as Record<
  string,
  { default: Record<string, unknown> }
>;

const keys = (tree: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the console texts', () => {
  const english = keys(files['../../locales/en/console.json']?.default ?? {}).sort();

  it('exist in all seven languages with the same keys', () => {
    expect(Object.keys(files)).toHaveLength(7);
    for (const [path, module] of Object.entries(files))
      expect(keys(module.default).sort(), path).toEqual(english);
  });

  it('hold what the layout and the login use', () => {
    for (const key of ['nav.inbox', 'nav.menu', 'nav.apiKeys', 'login.title', 'login.submit'])
      expect(english).toContain(key);
  });

  it('are translated, not English copies', () => {
    for (const [path, module] of Object.entries(files)) {
      if (path.includes('/en/')) continue;
      const tree = module.default as { inbox: { loadMore: string }; composer: { send: string } };
      expect(tree.inbox.loadMore, path).not.toBe('Load more');
      expect(tree.composer.send, path).not.toBe('Send reply');
    }
  });
});
