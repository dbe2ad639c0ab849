import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('docs/architecture.md', () => {
  const layout =
    read('docs/architecture.md').split('<!-- layout:start -->')[1]?.split('<!-- layout:end -->')[0] ?? '';
  const paths = [...layout.matchAll(/^([\w./-]+)\s{2,}/gm)].map((m) => m[1] as string);

  it('lists a layout', () => {
    expect(paths.length).toBeGreaterThan(10);
  });

  it.each(paths)('names %s, which exists', (path) => {
    expect(existsSync(join(root, path))).toBe(true);
  });
});

describe('the pure core', () => {
  it('depends on no adapter library', () => {
    const pkg = JSON.parse(read('packages/core/package.json')) as { dependencies?: Record<string, string> };
    // Pure libraries only: time zones, money, schemas, the public-holiday tables of date-holidays,
    // and for triage the language n-gram tables of eld and the Snowball stemmers of @orama/stemmers.
    const allowed = ['luxon', 'dinero.js', '@sinclair/typebox', 'date-holidays', 'eld', '@orama/stemmers'];
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => !allowed.includes(d))).toEqual([]);
  });

  const sources = filesUnder('packages/core/src').filter((f) => f.endsWith('.ts') && !f.includes('.test'));
  it.each(sources)('%s does no I/O and reads no clock, environment or randomness', (file) => {
    const text = read(file).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(text).not.toMatch(
      /from ['"]node:|require\(|process\.env|Date\.now\(|new Date\(\)|Math\.random\(|DateTime\.now\(|fetch\(/,
    );
  });
});
