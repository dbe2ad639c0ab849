import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

// `afterdesk triage eval|train` on small files written here: what a merchant runs on an
// export of its history. The figures on the real data sets are `npm run eval`'s job.

const NEGATIVE = [
  'arrived broken and nobody answers',
  'terrible quality, it fell apart',
  'never arrived, I want my money back',
  'awful service, very disappointed',
  'the worst purchase I ever made',
  'fake product, a scam',
  'late again and damaged',
  'does not work at all',
  'rude support, never again',
  'cheap material, returned it',
  'broken zipper after one day',
  'wrong size and wrong colour',
];
const POSITIVE = [
  'arrived early, great quality',
  'perfect, thank you so much',
  'excellent service, very happy',
  'love it, works perfectly',
  'fast delivery and friendly support',
  'exactly as described, recommended',
  'great value, will buy again',
  'beautiful and well made',
  'super quick refund, thanks',
  'fits perfectly, very comfortable',
  'the best shop, five stars',
  'wonderful, my kids love it',
];

describe('afterdesk triage', () => {
  let dir: string;
  let file: string;
  let printed: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'afterdesk-triage-'));
    file = join(dir, 'history.jsonl');
    const rows = [
      ...NEGATIVE.flatMap((text, i) => [
        { text, stars: 1 },
        { text: `${text} (order ${i})`, stars: 2 },
      ]),
      ...POSITIVE.flatMap((text, i) => [
        { text, stars: 5 },
        { text: `${text} (order ${i})`, stars: 4 },
      ]),
      { text: 'it is ok I guess', stars: 3 },
    ];
    await writeFile(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    await writeFile(
      join(dir, 'stars.json'),
      JSON.stringify({ '1': 'negative', '2': 'negative', '4': 'positive', '5': 'positive' }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function run(...args: string[]) {
    printed = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      await main(['node', 'afterdesk', 'triage', ...args]);
    } finally {
      log.mockRestore();
    }
    return JSON.parse(printed.at(-1) as string);
  }
  const columns = ['--text-column', 'text', '--label-column', 'stars', '--label-map'];

  it('evaluates the shipped sentiment lexicon on a file and ends with one line of JSON', async () => {
    const figures = await run('eval', file, '--task', 'sentiment', ...columns, join(dir, 'stars.json'));
    expect(figures).toMatchObject({ task: 'sentiment', examples: 48, skipped: 1 });
    expect(figures.rocAuc).toBeGreaterThan(0.8);
    expect(Object.keys(figures.perClassF1).sort()).toEqual(['negative', 'positive']);
    expect(printed.join('\n')).toMatch(/confusion|negative/i);
  });

  it('trains a model from the file, reports it on a held-out part, and the model file evaluates', async () => {
    const out = join(dir, 'sentiment.model.gz');
    const trained = await run(
      'train',
      file,
      '--task',
      'sentiment',
      ...columns,
      join(dir, 'stars.json'),
      '--out',
      out,
    );
    expect(trained).toMatchObject({ task: 'sentiment', out });
    const again = await run(
      'eval',
      file,
      '--task',
      'sentiment',
      ...columns,
      join(dir, 'stars.json'),
      '--model',
      out,
    );
    expect(again.rocAuc).toBeGreaterThan(0.9);
  });

  it('says clearly what is wrong with its input', async () => {
    await expect(
      run('eval', join(dir, 'missing.csv'), '--task', 'intent', ...columns.slice(0, 4)),
    ).rejects.toThrow(/missing\.csv/);
    await expect(
      run('eval', file, '--task', 'intent', '--text-column', 'body', '--label-column', 'stars'),
    ).rejects.toThrow(/body/);
    await expect(run('train', file, '--task', 'intent', '--out', join(dir, 'x.gz'))).rejects.toThrow(
      /--text-column/,
    );
    await expect(run('train', file, '--task', 'sentiment', ...columns.slice(0, 4))).rejects.toThrow(
      /--out|--tenant/,
    );
  });
});
