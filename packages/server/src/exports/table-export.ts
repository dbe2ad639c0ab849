import ExcelJS from 'exceljs';

/**
 * One column of an exported table. `type` says how a spreadsheet shows the value:
 * `number` as is, `percent` a fraction (0.25) shown as 25.0 %, `money` major units with two
 * decimals, `date` a calendar date or an instant; `text` (the default) as written.
 */
export interface ExportColumn {
  key: string;
  title: string;
  type?: 'text' | 'number' | 'percent' | 'money' | 'date';
}

/** A table to export: its name (the sheet's name in a workbook), its columns and rows keyed by column key. */
export interface ExportTable {
  name: string;
  columns: ExportColumn[];
  rows: Array<Record<string, unknown>>;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel opens accented text correctly. Off by default. */
  bom?: boolean;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BOM = '\uFEFF';
// A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection"):
// = + - @, and tab or carriage return, which some programs strip before looking.
const FORMULA_START = /^[=+\-@\t\r]/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The table as CSV (RFC 4180): a header row of column titles, CRLF line ends, a field quoted
 * when it holds a comma, a quote or a line break, quotes doubled. Numbers are written
 * unformatted (a rate stays 0.25, money stays 12.5), dates as ISO 8601, empty for a missing
 * value or a number that is not finite. Text that a spreadsheet would run as a formula gets a
 * leading apostrophe.
 */
export function tableToCsv(table: ExportTable, options: CsvOptions = {}): string {
  const lines = [table.columns.map((c) => csvField(guardFormula(c.title)))];
  for (const row of table.rows) {
    lines.push(table.columns.map((column) => csvField(csvText(row[column.key], column))));
  }
  return (options.bom ? BOM : '') + lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

function csvText(value: unknown, column: ExportColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return column.type === 'date' && iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return guardFormula(typeof value === 'string' ? value : JSON.stringify(value));
}

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const NUMBER_FORMATS: Record<NonNullable<ExportColumn['type']>, string | undefined> = {
  text: undefined,
  number: undefined,
  percent: '0.0%',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
};

/**
 * The tables as one workbook (XLSX), one sheet per table in the order given: a bold, frozen
 * header row with an auto-filter, each column formatted by its type, widths fitted to the
 * content. Sheet names are made legal (no `[]:*?/\`, at most 31 characters) and unique.
 * Text is stored as text, never as a formula.
 */
export async function tablesToXlsx(tables: ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Afterdesk';
  const names = sheetNames(tables.map((t) => t.name));
  tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(names[index], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.title,
      key: column.key,
      width: columnWidth(table, column),
      style: NUMBER_FORMATS[column.type ?? 'text'] ? { numFmt: NUMBER_FORMATS[column.type ?? 'text'] } : {},
    }));
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, cellValue(row[c.key], c)])));
    }
    sheet.getRow(1).font = { bold: true };
    if (table.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
  });
  if (tables.length === 0) workbook.addWorksheet('Empty');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: unknown, column: ExportColumn): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string') {
    // A calendar date in a date column becomes a real date (UTC midnight, no zone shift).
    if (column.type === 'date' && DATE_ONLY.test(value)) return new Date(`${value}T00:00:00Z`);
    return value;
  }
  return JSON.stringify(value);
}

function columnWidth(table: ExportTable, column: ExportColumn): number {
  let widest = column.title.length;
  for (const row of table.rows.slice(0, 500)) {
    const value = row[column.key];
    const length = value instanceof Date ? 10 : String(value ?? '').length;
    if (length > widest) widest = length;
  }
  return Math.min(Math.max(widest + 2, 8), 60);
}

const MAX_SHEET_NAME = 31;

/** Legal, unique (case-insensitively, as Excel compares them) sheet names for the given table names. */
export function sheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base =
      name
        // biome-ignore lint/suspicious/noControlCharactersInRegex: Excel refuses control characters in sheet names.
        .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .slice(0, MAX_SHEET_NAME)
        .trim() || 'Sheet';
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()) || candidate.toLowerCase() === 'history'; n++) {
      const suffix = ` (${n})`;
      candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
