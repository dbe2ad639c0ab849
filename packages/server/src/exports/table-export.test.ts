import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExportTable, sheetNames, tablesToXlsx, tableToCsv } from './table-export.js';

const returns: ExportTable = {
  name: 'Return rate by category',
  columns: [
    { key: 'category', title: 'Category' },
    { key: 'units', title: 'Units returned', type: 'number' },
    { key: 'rate', title: 'Return rate', type: 'percent' },
    { key: 'refunded', title: 'Refunded', type: 'money' },
    { key: 'day', title: 'Day', type: 'date' },
  ],
  rows: [
    { category: 'Shoes', units: 12, rate: 0.125, refunded: 1234.5, day: '2026-03-02' },
    { category: 'Bags, "leather"', units: 0, rate: null, refunded: 0, day: new Date('2026-03-09T00:00:00Z') },
  ],
};

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('tableToCsv', () => {
  it('writes a header of titles and one CRLF-terminated line per row, numbers unformatted, dates ISO', () => {
    expect(tableToCsv(returns)).toBe(
      'Category,Units returned,Return rate,Refunded,Day\r\n' +
        'Shoes,12,0.125,1234.5,2026-03-02\r\n' +
        '"Bags, ""leather""",0,,0,2026-03-09\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks, and only those (RFC 4180)', () => {
    const table: ExportTable = {
      name: 't',
      columns: [{ key: 'v', title: 'v' }],
      rows: [
        { v: 'plain' },
        { v: 'a,b' },
        { v: 'say "hi"' },
        { v: 'two\nlines' },
        { v: 'cr\r' },
        { v: 'été' },
      ],
    };
    expect(tableToCsv(table)).toBe(
      'v\r\nplain\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\r"\r\nété\r\n',
    );
  });

  it('prefixes text a spreadsheet would run as a formula with an apostrophe, but not numbers', () => {
    const table: ExportTable = {
      name: 't',
      columns: [
        { key: 'v', title: 'v' },
        { key: 'n', title: 'n', type: 'number' },
      ],
      rows: [
        { v: '=HYPERLINK("http://x","y")', n: -5 },
        { v: '+1', n: 1e-7 },
        { v: '-2', n: 3 },
        { v: '@SUM(A1)', n: 0 },
        { v: '\tcmd', n: 1 },
        { v: 'a=b', n: 2 },
      ],
    };
    expect(tableToCsv(table).split('\r\n')).toEqual([
      'v,n',
      `"'=HYPERLINK(""http://x"",""y"")",-5`,
      "'+1,1e-7",
      "'-2,3",
      "'@SUM(A1),0",
      "'\tcmd,1",
      'a=b,2',
      '',
    ]);
  });

  it('writes missing values and non-finite numbers as empty fields, instants as full ISO timestamps', () => {
    const table: ExportTable = {
      name: 't',
      columns: [
        { key: 'a', title: 'a', type: 'number' },
        { key: 'b', title: 'b' },
        { key: 'c', title: 'c', type: 'date' },
        { key: 'd', title: 'd' },
      ],
      rows: [{ a: Number.NaN, b: undefined, c: new Date('2026-03-02T08:30:00Z'), d: true }, { a: Infinity }],
    };
    expect(tableToCsv(table)).toBe('a,b,c,d\r\n,,2026-03-02T08:30:00.000Z,true\r\n,,,\r\n');
  });

  it('starts with a UTF-8 byte order mark only when asked', () => {
    expect(tableToCsv(returns, { bom: true }).startsWith('\uFEFFCategory')).toBe(true);
    expect(tableToCsv(returns).startsWith('Category')).toBe(true);
  });
});

describe('tablesToXlsx', () => {
  it('round-trips: one sheet per table with the header and every value back as written', async () => {
    const other: ExportTable = {
      name: 'Top reasons',
      columns: [{ key: 'r', title: 'Reason' }],
      rows: [{ r: '=1+1' }],
    };
    const workbook = await readBack(await tablesToXlsx([returns, other]));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Return rate by category', 'Top reasons']);
    const sheet = workbook.getWorksheet('Return rate by category');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Category',
      'Units returned',
      'Return rate',
      'Refunded',
      'Day',
    ]);
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      'Shoes',
      12,
      0.125,
      1234.5,
      new Date('2026-03-02T00:00:00Z'),
    ]);
    expect(sheet?.getRow(3).values).toEqual([
      undefined,
      'Bags, "leather"',
      0,
      undefined,
      0,
      new Date('2026-03-09T00:00:00Z'),
    ]);
    expect(sheet?.rowCount).toBe(3);
    // Text that looks like a formula stays text in a workbook: no formula is ever written.
    expect(workbook.getWorksheet('Top reasons')?.getCell('A2').value).toBe('=1+1');
  });

  it('makes the header bold and frozen, and formats percent, money and date columns', async () => {
    const sheet = (await readBack(await tablesToXlsx([returns]))).worksheets[0];
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet?.getCell('D2').numFmt).toBe('#,##0.00');
    expect(sheet?.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet?.getCell('B2').numFmt).toBeUndefined();
  });

  it('writes a table with no rows as its header alone, and an empty workbook as one empty sheet', async () => {
    const empty = await readBack(await tablesToXlsx([{ ...returns, rows: [] }]));
    expect(empty.worksheets[0]?.rowCount).toBe(1);
    expect((await readBack(await tablesToXlsx([]))).worksheets).toHaveLength(1);
  });
});

describe('sheetNames', () => {
  it('removes characters Excel forbids, trims to 31 characters and keeps names unique case-insensitively', () => {
    const names = sheetNames([
      'Heat map: category × reason [units]',
      'Return rate by category and by country of the store',
      'Return rate by category and by country of the customer',
      'SKUs',
      'skus',
      "'quoted'",
      '',
      'History',
      'a/b\\c?d*e',
    ]);
    expect(names).toEqual([
      'Heat map category × reason unit',
      'Return rate by category and by',
      'Return rate by category and (2)',
      'SKUs',
      'skus (2)',
      'quoted',
      'Sheet',
      'History (2)',
      'a b c d e',
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('accepts the names it makes when written to a workbook', async () => {
    const tables = ['x'.repeat(40), 'x'.repeat(40), 'a:b'].map((name) => ({ ...returns, name }));
    const workbook = await readBack(await tablesToXlsx(tables));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['x'.repeat(31), `${'x'.repeat(27)} (2)`, 'a b']);
  });
});
