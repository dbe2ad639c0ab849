import { inflateSync } from 'node:zlib';
import sharp from 'sharp';

// Code 128 bar/space widths of symbol values 0–106 (ISO/IEC 15417, table 1); 106 is Stop.
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 ' +
  '122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 ' +
  '321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 ' +
  '211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 ' +
  '213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 ' +
  '121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 ' +
  '241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 ' +
  '412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 ' +
  '211214 211232 2331112'
).split(' ');

/**
 * Reads a Code 128 symbol from its module widths (bar, space, bar, …): checks the start,
 * stop and check symbol and returns the text (code sets A, B and C). An independent
 * reader, so a label test proves the bars say the waybill, not merely that a picture exists.
 */
export function decodeCode128(widths: number[]): string {
  const symbols: number[] = [];
  for (let i = 0; i < widths.length; ) {
    const size = widths.length - i === 7 ? 7 : 6;
    const value = PATTERNS.indexOf(widths.slice(i, i + size).join(''));
    if (value < 0) throw new Error(`No Code 128 symbol at module group ${symbols.length}`);
    symbols.push(value);
    i += size;
  }
  const [start, ...rest] = symbols;
  if (start === undefined || start < 103 || start > 105) throw new Error('No start symbol');
  if (rest.pop() !== 106) throw new Error('No stop symbol');
  const check = rest.pop() as number;
  const sum = rest.reduce((acc, v, i) => acc + v * (i + 1), start);
  if (sum % 103 !== check) throw new Error(`Check symbol ${check} does not match ${sum % 103}`);
  let set: 'A' | 'B' | 'C' = start === 103 ? 'A' : start === 104 ? 'B' : 'C';
  let text = '';
  for (const v of rest) {
    if (set === 'C' && v < 100) text += String(v).padStart(2, '0');
    else if (v === 99) set = 'C';
    else if (v === 100) set = 'B';
    else if (v === 101) set = 'A';
    else if (v < 96) text += String.fromCharCode(set === 'A' && v >= 64 ? v - 64 : v + 32);
    else throw new Error(`Function symbol ${v} is not read here`);
  }
  return text;
}

/** The module widths along the middle row of a black-on-white barcode PNG. */
export async function barcodeModules(png: Uint8Array, modulePx: number): Promise<number[]> {
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const row = Math.floor(info.height / 2);
  const dark = (x: number) => (data[(row * info.width + x) * info.channels] ?? 255) < 128;
  const runs: number[] = [];
  let x = 0;
  while (x < info.width && !dark(x)) x++;
  let last = info.width - 1;
  while (last > x && !dark(last)) last--;
  while (x <= last) {
    const colour = dark(x);
    let length = 0;
    while (x <= last && dark(x) === colour) {
      length++;
      x++;
    }
    runs.push(length / modulePx);
  }
  if (runs.some((r) => !Number.isInteger(r))) throw new Error('Bars are not whole modules wide');
  return runs;
}

/**
 * The text a PDF shows, one string per text operator (TJ/Tj), read from its streams
 * (deflated or not): enough to check what a generated label says without a PDF library.
 */
export function pdfTexts(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const texts: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const bodyStart = start + (raw[start + 6] === 0x0d ? 8 : 7);
    const end = raw.indexOf('endstream', bodyStart, 'latin1');
    const head = raw.subarray(Math.max(0, start - 200), start).toString('latin1');
    let body = raw.subarray(bodyStart, end);
    if (head.includes('/FlateDecode')) {
      try {
        body = inflateSync(body);
      } catch {
        body = Buffer.alloc(0);
      }
    }
    for (const op of body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hex =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('') : op[2];
      texts.push(Buffer.from(hex ?? '', 'hex').toString('latin1'));
    }
    at = end + 9;
  }
  return texts;
}
