import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayTableOf, ROLLUP_TABLES, tableDdl } from './rollup-lattice.js';

const migration = readFileSync(new URL('../../db/migrations/0014_rollups.sql', import.meta.url), 'utf8');

describe('the rollup lattice', () => {
  it('is the tables migration 0014 creates, column for column', () => {
    for (const table of ROLLUP_TABLES) expect(migration).toContain(tableDdl(table));
    expect(migration.match(/CREATE TABLE rollup_/g)).toHaveLength(ROLLUP_TABLES.length);
  });

  it('sums every month table from the smallest day table that carries its dimensions', () => {
    for (const month of ROLLUP_TABLES.filter((t) => t.grain === 'month'))
      expect(dayTableOf(month).dims).toEqual(expect.arrayContaining([...month.dims]));
    const product = ROLLUP_TABLES.find((t) => t.name === 'rollup_returns_month_product');
    expect(product && dayTableOf(product).name).toBe('rollup_returns_day_sku');
  });

  it('has one finest day table per family that carries all of its dimensions', () => {
    for (const family of ['sales', 'returns', 'service', 'reviews'] as const) {
      const days = ROLLUP_TABLES.filter((t) => t.family === family && t.grain === 'day');
      const widest = Math.max(...days.map((t) => t.dims.length));
      for (const t of days)
        expect(days.find((d) => d.dims.length === widest)?.dims).toEqual(expect.arrayContaining([...t.dims]));
    }
  });
});
