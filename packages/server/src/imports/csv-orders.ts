import { pipeline } from 'node:stream';
import { ensureContractFormats, OrderInput, type OrderLineInput } from '@afterdesk/contract';
import { Value } from '@sinclair/typebox/value';
import { parse } from 'csv-parse';
import { type ImportSummary, SummaryTally } from './import-summary.js';
import { assertColumnsPresent, type OrderCsvMapping } from './order-csv-mapping.js';
import { createRowMapper, type MappedRow } from './order-row.js';

/** A row that was not imported, by the line of the file where its record starts (the header is line 1). */
export interface ImportRowError {
  row: number;
  message: string;
  orderKey?: string;
}

/** Up to `batchSize` valid orders, the errors found since the previous batch, and the figures so far. */
export interface ImportBatch {
  orders: OrderInput[];
  errors: ImportRowError[];
  summary: ImportSummary;
  /** True on the final batch, whose summary is complete (it may hold no orders). */
  last: boolean;
}

/** Settings of one run that do not describe the file's shape (that is the mapping's job). */
export interface ReadOrdersCsvOptions {
  /** Source text → English, applied to mapped fields marked `translate` (see `loadCategoryTranslations`). */
  categoryTranslations?: ReadonlyMap<string, string>;
  /** Store of every order, unless the mapping maps one. */
  storeCode?: string;
  /** Orders per batch; at most 1000, the contract's batch limit. */
  batchSize?: number;
  /** Called every `progressEvery` data rows, e.g. to move a progress bar. */
  onProgress?: (rowsRead: number) => void;
  progressEvery?: number;
}

interface PendingOrder {
  key: string;
  rows: number[];
  row: MappedRow;
  lines: OrderLineInput[];
  lineIds: Set<string>;
  goodsMinor: number;
}

/**
 * Streams a CSV export and yields its orders in validated batches. Records are parsed one at a
 * time; with `grouping: 'by-key'` (the default) the orders themselves are held until the end of the
 * file, because rows of one order may be anywhere — fine up to a few hundred thousand rows; use
 * `grouping: 'consecutive'` for larger files whose rows are sorted by order. A bad row is reported
 * with its line number and skipped; the others go on. An unreadable stream throws; a mapping column
 * missing from the header throws `OrderCsvMappingError` before any row is read.
 */
export async function* readOrdersCsv(
  input: NodeJS.ReadableStream,
  mapping: OrderCsvMapping,
  {
    categoryTranslations,
    storeCode,
    batchSize = 500,
    onProgress,
    progressEvery = 1000,
  }: ReadOrdersCsvOptions = {},
): AsyncGenerator<ImportBatch> {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    throw new RangeError(`batchSize ${batchSize} is not between 1 and 1000`);
  }
  ensureContractFormats();
  const tally = new SummaryTally();
  const errors: ImportRowError[] = [];
  const ready: OrderInput[] = [];
  const pending = new Map<string, PendingOrder>();
  const finished = new Set<string>();
  const consecutive = mapping.grouping === 'consecutive';

  const reject = (row: number, message: string, orderKey?: string) => {
    errors.push(orderKey === undefined ? { row, message } : { row, message, orderKey });
    tally.error();
  };
  const finish = (order: PendingOrder) => {
    pending.delete(order.key);
    if (consecutive) finished.add(order.key);
    const candidate: OrderInput = { ...order.row.header, lines: order.lines };
    if (Value.Check(OrderInput, candidate)) {
      ready.push(candidate);
      tally.orderImported(candidate, order.rows.length, order.goodsMinor, order.row.cancellation);
      return;
    }
    const problems = [...Value.Errors(OrderInput, candidate)]
      .slice(0, 3)
      .map((e) => `${e.path}: ${e.message}`);
    const rows = order.rows.length > 10 ? `${order.rows.slice(0, 10).join(', ')}, …` : order.rows.join(', ');
    reject(
      order.rows[0] ?? 0,
      `order ${order.key} (rows ${rows}) is not valid: ${problems.join('; ')}`,
      order.key,
    );
    tally.rowRejected(order.row.currency, order.goodsMinor, order.rows.length);
  };
  const takeBatch = (last: boolean): ImportBatch => ({
    orders: ready.splice(0, batchSize),
    // Parser-side errors arrive ahead of the rows this loop is on, so sort by line.
    errors: errors.splice(0).sort((a, b) => a.row - b.row),
    summary: tally.snapshot(),
    last,
  });

  // Line numbers are counted on the parser's side (its callbacks run ahead of this loop) and
  // handed over in record order.
  let parsedEndLine = 0;
  const startLines: number[] = [];
  const parser = parse({
    bom: true,
    delimiter: mapping.delimiter ?? ',',
    relax_column_count: true,
    // A stray quote inside a field ("59.90"x) stays in the value, so that one field is reported
    // instead of the parser losing its place for the rest of the file.
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (record, context) => {
      startLines.push(parsedEndLine + 1);
      parsedEndLine = context.lines;
      return record;
    },
    // Any other syntax error loses that record, not the file: report it and read on. Only a quote
    // never closed swallows everything after it, and the message says so.
    on_skip: (error) => {
      const line = parsedEndLine + 1;
      parsedEndLine = typeof error?.lines === 'number' ? error.lines : line;
      tally.rowRead();
      tally.rowRejected(undefined, undefined);
      const rest =
        error?.code === 'CSV_QUOTE_NOT_CLOSED' ? '; everything after this quote was read as one field' : '';
      reject(line, `not readable as CSV: ${error?.message ?? 'unknown error'}${rest}`);
      return undefined;
    },
  });
  pipeline(input, parser, () => {
    // Errors reach the loop below through the parser; nothing else to do here.
  });

  let header: string[] | undefined;
  let mapRow: ReturnType<typeof createRowMapper> | undefined;
  for await (const record of parser as AsyncIterable<string[]>) {
    const line = startLines.shift() ?? 0;
    if (record.length === 1 && record[0] === '') continue; // a blank line carries no row
    if (!header || !mapRow) {
      header = record;
      assertColumnsPresent(mapping, header);
      mapRow = createRowMapper(mapping, header, { categoryTranslations, storeCode });
      continue;
    }
    const rowsRead = tally.rowRead();
    if (onProgress && rowsRead % progressEvery === 0) onProgress(rowsRead);
    if (record.length !== header.length) {
      tally.rowRejected(undefined, undefined);
      reject(line, `has ${record.length} fields, the header has ${header.length}`);
      continue;
    }
    const outcome = mapRow(record, line);
    if (!outcome.ok) {
      tally.rowRejected(outcome.currency, outcome.goodsMinor);
      reject(line, outcome.problems.join('; '), outcome.key);
      continue;
    }
    const { row } = outcome;
    let order = pending.get(row.key);
    if (!order && consecutive) {
      if (finished.has(row.key)) {
        tally.rowRejected(row.currency, row.goodsMinor);
        reject(
          line,
          `order ${row.key} appears again after other orders; this mapping expects its rows to be adjacent`,
          row.key,
        );
        continue;
      }
      for (const previous of [...pending.values()]) finish(previous);
    }
    if (!order) {
      order = { key: row.key, rows: [], row, lines: [], lineIds: new Set(), goodsMinor: 0 };
      pending.set(row.key, order);
    }
    // Checked here because the server refuses a whole batch for one such order.
    const clash =
      order.row.currency !== row.currency
        ? `currency ${row.currency} differs from ${order.row.currency} of the order's first row`
        : row.lines.some((l) => order?.lineIds.has(l.externalId))
          ? `line id ${row.lines[0]?.externalId} is already used in order ${row.key}`
          : undefined;
    if (clash) {
      tally.rowRejected(row.currency, row.goodsMinor);
      reject(line, clash, row.key);
      continue;
    }
    for (const l of row.lines) order.lineIds.add(l.externalId);
    // Order-level fields (date, customer, shipping) come from the order's first good row.
    order.rows.push(line);
    order.lines.push(...row.lines);
    order.goodsMinor += row.goodsMinor;
    while (ready.length >= batchSize) yield takeBatch(false);
  }
  if (!header) throw new Error('the CSV has no header row');
  for (const order of [...pending.values()]) {
    finish(order);
    while (ready.length > batchSize) yield takeBatch(false);
  }
  yield takeBatch(true);
}
