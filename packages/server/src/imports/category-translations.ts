import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/**
 * Reads a two-column CSV (source name, translated name; a header row; an optional UTF-8 BOM, as in
 * Olist's `product_category_name_translation.csv`) into a lookup for `readOrdersCsv`.
 */
export async function readCategoryTranslations(input: NodeJS.ReadableStream): Promise<Map<string, string>> {
  const table = new Map<string, string>();
  const parser = input.pipe(parse({ bom: true, from_line: 2, relax_column_count: true, trim: true }));
  for await (const record of parser as AsyncIterable<string[]>) {
    const [source, translated] = record;
    if (source && translated) table.set(source, translated);
  }
  return table;
}

/** `readCategoryTranslations` of a file. */
export async function loadCategoryTranslations(path: string): Promise<Map<string, string>> {
  return readCategoryTranslations(createReadStream(path));
}
