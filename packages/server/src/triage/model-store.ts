import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseModel, serializeModel, type TextClassifier } from '@afterdesk/core';

/** Where the shipped models live (packages/server/models), from src/ and from dist/ alike. */
export const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));
export const INTENT_MODEL_PATH = `${MODELS_DIR}intent.model.gz`;

/** Writes a classifier gzipped; returns the bytes written. */
export async function saveModel(path: string, classifier: TextClassifier, prune = 0): Promise<number> {
  const bytes = gzipSync(serializeModel(classifier, prune), { level: 9 });
  await writeFile(path, bytes);
  return bytes.length;
}

/** Reads a classifier written by {@link saveModel}, and how long that took. */
export async function loadModel(path: string): Promise<{ classifier: TextClassifier; loadMs: number }> {
  const started = performance.now();
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new Error(`Cannot read the model ${path}.`);
  }
  try {
    const classifier = parseModel(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
    return { classifier, loadMs: performance.now() - started };
  } catch (error) {
    throw new Error(`${path} is not an Afterdesk model: ${error instanceof Error ? error.message : error}`);
  }
}

let shipped: Promise<TextClassifier> | undefined;

/** The shipped intent model, loaded once per process. */
export function loadIntentModel(): Promise<TextClassifier> {
  shipped ??= loadModel(INTENT_MODEL_PATH).then((m) => m.classifier);
  return shipped;
}
