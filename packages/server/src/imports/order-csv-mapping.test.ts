import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_MAPPINGS, getBuiltInMapping } from './mappings/index.js';
import {
  assertColumnsPresent,
  loadMapping,
  type OrderCsvMapping,
  OrderCsvMappingError,
  parseMapping,
} from './order-csv-mapping.js';

const minimal: OrderCsvMapping = {
  order: { key: { column: 'order' }, placedAt: { column: 'date' }, currency: { value: 'EUR' } },
  line: {
    sku: { column: 'sku' },
    title: { column: 'title' },
    quantity: { column: 'qty' },
    unitPrice: { column: 'price' },
  },
};

async function writeTemp(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'afterdesk-mapping-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('loadMapping', () => {
  it('loads a mapping written as JSON', async () => {
    const path = await writeTemp('shop.json', JSON.stringify(minimal));
    expect(await loadMapping(path)).toEqual(minimal);
  });

  it('names the file and the field that is missing', async () => {
    const { placedAt: _omitted, ...order } = minimal.order;
    const path = await writeTemp('broken.json', JSON.stringify({ ...minimal, order }));
    await expect(loadMapping(path)).rejects.toThrow(/broken\.json .*\/order\/placedAt/);
  });

  it('says when the file is not JSON', async () => {
    const path = await writeTemp('bad.json', '{ "order": ');
    await expect(loadMapping(path)).rejects.toThrow(/bad\.json is not JSON/);
  });
});

describe('parseMapping', () => {
  it('refuses unknown fields, so a typo does not silently do nothing', () => {
    expect(() => parseMapping({ ...minimal, oder: {} })).toThrow(OrderCsvMappingError);
  });

  it('asks for exactly one of unit price and line total', () => {
    const both = { ...minimal, line: { ...minimal.line, lineTotal: { column: 'total' } } };
    expect(() => parseMapping(both)).toThrow(/exactly one of unitPrice and lineTotal/);
    const { unitPrice: _omitted, ...neither } = minimal.line;
    expect(() => parseMapping({ ...minimal, line: neither })).toThrow(/exactly one/);
  });

  it('accepts the built-in mappings, which are plain JSON', () => {
    for (const mapping of Object.values(BUILT_IN_MAPPINGS)) {
      expect(parseMapping(JSON.parse(JSON.stringify(mapping)))).toEqual(mapping);
    }
  });
});

describe('assertColumnsPresent', () => {
  it('names the missing column, the mapping field that wants it and the columns there are', () => {
    expect(() => assertColumnsPresent(minimal, ['order', 'date', 'sku', 'title', 'price'])).toThrow(
      'column "qty" (mapping field line.quantity) is not in the CSV header; the header has: "order", "date", "sku", "title", "price"',
    );
  });

  it('ignores constants and map keys', () => {
    const mapping = { ...minimal, customer: { country: { column: 'country', map: { France: 'FR' } } } };
    expect(() =>
      assertColumnsPresent(mapping, ['order', 'date', 'sku', 'title', 'qty', 'price', 'country']),
    ).not.toThrow();
  });
});

describe('getBuiltInMapping', () => {
  it('lists the names there are when asked for another', () => {
    expect(getBuiltInMapping('olist').name).toBe('olist');
    expect(() => getBuiltInMapping('shopify')).toThrow(
      'no built-in mapping "shopify"; there are: olist, online-retail',
    );
  });
});
