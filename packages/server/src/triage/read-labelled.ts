import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

/** Which columns hold the text and the label, and how labels are renamed. */
export interface LabelledFileOptions {
  textColumn: string;
  labelColumn: string;
  /** Source label → target label; a label it does not name is skipped (unless `keepUnmapped`). */
  labelMap?: Record<string, string> | undefined;
  keepUnmapped?: boolean;
}

/** The examples of a labelled file and what was left out. */
export interface LabelledFile {
  examples: { text: string; label: string }[];
  /** Rows whose label is empty or maps to nothing. */
  skipped: number;
  /** Rows with an empty text. */
  empty: number;
}

function open(path: string): Readable {
  const stream = createReadStream(path);
  return path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}

/** The rows of a CSV (header row first) or JSONL file, plain or gzipped, as objects. */
export async function* readRows(path: string): AsyncGenerator<Record<string, unknown>> {
  if (!existsSync(path)) throw new Error(`Cannot read ${path}: no such file.`);
  if (/\.jsonl?(\.gz)?$/i.test(path)) {
    let line = 0;
    for await (const text of createInterface({ input: open(path), crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      if (!text.trim()) continue;
      try {
        yield JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new Error(`${path}, line ${line}: not valid JSON.`);
      }
    }
    return;
  }
  yield* open(path).pipe(
    parse({ columns: true, bom: true, relax_column_count: true, skip_empty_lines: true }),
  );
}

/** Reads a labelled CSV or JSONL file; an unknown column is an error naming the columns there are. */
export async function readLabelledFile(path: string, options: LabelledFileOptions): Promise<LabelledFile> {
  const out: LabelledFile = { examples: [], skipped: 0, empty: 0 };
  let checked = false;
  for await (const row of readRows(path)) {
    if (!checked) {
      for (const column of [options.textColumn, options.labelColumn]) {
        if (!(column in row)) {
          throw new Error(`${path} has no column "${column}"; it has: ${Object.keys(row).join(', ')}.`);
        }
      }
      checked = true;
    }
    const text = String(row[options.textColumn] ?? '').trim();
    const raw = String(row[options.labelColumn] ?? '').trim();
    const label = options.labelMap ? (options.labelMap[raw] ?? (options.keepUnmapped ? raw : '')) : raw;
    if (!label) out.skipped++;
    else if (!text) out.empty++;
    else out.examples.push({ text, label });
  }
  return out;
}

/** A JSON object of string → string; `_`-prefixed keys are comments. */
export async function readLabelMap(path: string): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read the label map ${path}: ${why}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`The label map ${path} must be a JSON object of "source label": "target label".`);
  }
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key.startsWith('_')) continue;
    if (typeof value !== 'string') throw new Error(`The label map ${path}: "${key}" must map to a string.`);
    map[key] = value;
  }
  return map;
}

/**
 * True for the deterministic 20 % held out of every evaluation: a hash of the normalised
 * text, so a message that occurs twice is never on both sides.
 */
export function isHeldOut(text: string, share = 0.2): boolean {
  const normalised = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const digest = createHash('sha256').update(`afterdesk-triage-split-v1|${normalised}`).digest();
  return digest.readUInt32BE(0) % 100 < share * 100;
}

/** Splits examples into train (80 %) and held-out (20 %) by {@link isHeldOut}. */
export function splitHeldOut<T extends { text: string }>(
  examples: readonly T[],
): { train: T[]; heldOut: T[] } {
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const e of examples) (isHeldOut(e.text) ? heldOut : train).push(e);
  return { train, heldOut };
}
