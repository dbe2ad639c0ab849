import { fileURLToPath } from 'node:url';
import { classify } from '@afterdesk/core';
import { describe, expect, it } from 'vitest';
import { loadIntentModel } from './model-store.js';
import { readRows } from './read-labelled.js';

// Sentences the team wrote (never taken from a data set), several per intent in en, de, fr,
// es, pt, zh and ja; `accept` lists every intent a reader would call right.
const SANITY = fileURLToPath(new URL('../../triage-data/intent-sanity.jsonl', import.meta.url));

interface SanityRow {
  text: string;
  intent: string;
  accept?: string[];
  language: string;
}

async function readSanity(): Promise<SanityRow[]> {
  const rows: SanityRow[] = [];
  for await (const row of readRows(SANITY)) rows.push(row as unknown as SanityRow);
  return rows;
}

describe('the shipped intent model on plain sentences', () => {
  it('gets at least 90 % of the sanity set right', async () => {
    const model = await loadIntentModel();
    const rows = await readSanity();
    expect(rows.length).toBeGreaterThanOrEqual(80);
    const misses = rows.filter((r) => !(r.accept ?? [r.intent]).includes(classify(model, r.text).label));
    expect(misses.length / rows.length, misses.map((m) => m.text).join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('reads a broken order as a defect or a delivery problem, not a tracking question', async () => {
    const model = await loadIntentModel();
    const { label } = classify(model, 'My order arrived broken, the screen is cracked. What can I do?');
    expect(['product_defect', 'delivery_problem']).toContain(label);
  });

  it('covers every language the team writes examples in', async () => {
    const languages = new Set((await readSanity()).map((r) => r.language));
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt', 'zh']);
  });
});
