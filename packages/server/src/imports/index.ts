// The public face of CSV order import: the CLI and other features import from here only.

export { loadCategoryTranslations, readCategoryTranslations } from './category-translations.js';
export {
  type ImportBatch,
  type ImportRowError,
  type ReadOrdersCsvOptions,
  readOrdersCsv,
} from './csv-orders.js';
export { currencyDigits, formatMinor, parseDecimalToMinor } from './decimal.js';
export {
  type AmountTally,
  type CurrencySummary,
  formatSummary,
  type ImportSummary,
} from './import-summary.js';
export { BUILT_IN_MAPPINGS, getBuiltInMapping } from './mappings/index.js';
export { loadMapping, OrderCsvMapping, OrderCsvMappingError, parseMapping } from './order-csv-mapping.js';
