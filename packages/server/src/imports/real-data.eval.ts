import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCategoryTranslations } from './category-translations.js';
import { type ImportRowError, readOrdersCsv } from './csv-orders.js';
import { formatSummary, type ImportSummary } from './import-summary.js';
import { getBuiltInMapping } from './mappings/index.js';

// Imports the two real data sets (when this machine has them) and prints what came in, so a
// change to the mapping code shows its effect on real files, not only on our own fixtures.
// Not a test: the files are not part of the repository.

/** The result of importing one real file. */
export interface RealDataResult {
  name: string;
  summary: ImportSummary;
  errors: ImportRowError[];
  batches: number;
  largestBatch: number;
}

/** Imports each real file found under `dataDir`; a missing file is skipped, not an error. */
export async function evaluateRealData(
  // The shared data sets sit beside the checkout (…/shared/data next to …/main).
  dataDir = process.env.AFTERDESK_SHARED_DATA ??
    fileURLToPath(new URL('../../../../../shared/data/', import.meta.url)),
): Promise<RealDataResult[]> {
  const results: RealDataResult[] = [];
  const olist = join(dataDir, 'olist-classified-reviews/olist_classified_reviews_dev.csv');
  const translations = join(dataDir, 'olist-catalog/product_category_name_translation.csv');
  const retail = join(dataDir, 'online-retail-sample/online_retail_sample.csv');
  if (existsSync(olist)) {
    const categoryTranslations = existsSync(translations)
      ? await loadCategoryTranslations(translations)
      : undefined;
    results.push(await importFile('olist', olist, categoryTranslations));
  }
  if (existsSync(retail)) results.push(await importFile('online-retail', retail));
  return results;
}

async function importFile(
  name: string,
  path: string,
  categoryTranslations?: Map<string, string>,
): Promise<RealDataResult> {
  const errors: ImportRowError[] = [];
  let summary: ImportSummary | undefined;
  let batches = 0;
  let largestBatch = 0;
  for await (const batch of readOrdersCsv(createReadStream(path), getBuiltInMapping(name), {
    categoryTranslations,
  })) {
    errors.push(...batch.errors);
    summary = batch.summary;
    if (batch.orders.length > 0) batches += 1;
    largestBatch = Math.max(largestBatch, batch.orders.length);
  }
  if (!summary) throw new Error(`${name}: the reader produced no summary`);
  return { name, summary, errors, batches, largestBatch };
}

/** The results as text: summary, batch sizes and the first errors of each file. */
export function formatRealDataResults(results: RealDataResult[]): string {
  if (results.length === 0) return 'no real data files found; nothing to evaluate';
  return results
    .map((r) =>
      [
        `== ${r.name}`,
        formatSummary(r.summary),
        `batches ${r.batches}, largest ${r.largestBatch} orders`,
        ...r.errors.slice(0, 15).map((e) => `  row ${e.row}: ${e.message}`),
        ...(r.errors.length > 15 ? [`  … and ${r.errors.length - 15} more errors`] : []),
      ].join('\n'),
    )
    .join('\n\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatRealDataResults(await evaluateRealData()));
}
