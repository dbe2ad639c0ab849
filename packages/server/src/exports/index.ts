// Table exports: any table of figures as CSV (RFC 4180) or as an XLSX workbook, one sheet per table.
export {
  CSV_CONTENT_TYPE,
  type CsvOptions,
  type ExportColumn,
  type ExportTable,
  sheetNames,
  tablesToXlsx,
  tableToCsv,
  XLSX_CONTENT_TYPE,
} from './table-export.js';
