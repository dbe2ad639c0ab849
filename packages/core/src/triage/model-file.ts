import type { TextClassifier } from './classify-text.js';

// Layout: "ADTC" · u32 header length · JSON header · u32 row count · the row numbers as
// delta varints · one float32 scale per row · K int8 weights per row. Only rows with a
// non-zero weight are stored, each quantised against its own largest weight, so a rare
// n-gram keeps its precision next to a frequent one.
const MAGIC = 0x43544441; // "ADTC", little-endian

interface Header {
  format: TextClassifier['format'];
  version: TextClassifier['version'];
  task: string;
  features: TextClassifier['features'];
  prior: TextClassifier['prior'];
  labels: string[];
  dim: number;
  bias: number[];
  temperature: number;
  summary: Record<string, unknown>;
  quantisation: 'int8-per-row';
}

/**
 * The classifier as compact bytes (gzip them for storage: the server does). Weights whose
 * magnitude is below `prune` times their row's largest become 0.
 */
export function serializeModel(classifier: TextClassifier, prune = 0): Uint8Array {
  const { model } = classifier;
  const K = model.labels.length;
  const rows: number[] = [];
  for (let f = 0; f < model.dim; f++) {
    if (rowMax(model.weights, f * K, K) > 0) rows.push(f);
  }
  const header: Header = {
    format: classifier.format,
    version: classifier.version,
    task: classifier.task,
    features: classifier.features,
    prior: classifier.prior,
    labels: model.labels,
    dim: model.dim,
    bias: [...model.bias],
    temperature: model.temperature,
    summary: classifier.summary,
    quantisation: 'int8-per-row',
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const varints: number[] = [];
  let previous = 0;
  for (const f of rows) {
    let delta = f - previous;
    previous = f;
    while (delta >= 0x80) {
      varints.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    varints.push(delta);
  }
  const size = 8 + json.length + 4 + varints.length + rows.length * (4 + K);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  bytes.set(json, 8);
  let at = 8 + json.length;
  view.setUint32(at, rows.length, true);
  at += 4;
  bytes.set(varints, at);
  at += varints.length;
  const scalesAt = at;
  const weightsAt = at + rows.length * 4;
  rows.forEach((f, r) => {
    const max = rowMax(model.weights, f * K, K);
    const scale = max / 127;
    view.setFloat32(scalesAt + r * 4, scale, true);
    for (let k = 0; k < K; k++) {
      const w = model.weights[f * K + k] as number;
      const q = Math.abs(w) < prune * max ? 0 : Math.round(w / scale);
      view.setInt8(weightsAt + r * K + k, q);
    }
  });
  return bytes;
}

function rowMax(weights: Float32Array, base: number, K: number): number {
  let max = 0;
  for (let k = 0; k < K; k++) max = Math.max(max, Math.abs(weights[base + k] as number));
  return max;
}

/** Reads what {@link serializeModel} wrote; throws a readable error on anything else. */
export function parseModel(bytes: Uint8Array): TextClassifier {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== MAGIC) {
    throw new Error('not an Afterdesk text classifier (bad magic number)');
  }
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  if (header.format !== 'afterdesk-text-classifier' || header.version !== 1) {
    throw new Error(`unsupported model format ${header.format} v${header.version}`);
  }
  const K = header.labels.length;
  let at = 8 + headerLength;
  const rowCount = view.getUint32(at, true);
  at += 4;
  const rows = new Uint32Array(rowCount);
  let previous = 0;
  for (let r = 0; r < rowCount; r++) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++] as number;
      delta += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    previous += delta;
    rows[r] = previous;
  }
  if (at + rowCount * (4 + K) !== bytes.length) throw new Error('model file is truncated or corrupt');
  const weights = new Float32Array(header.dim * K);
  const weightsAt = at + rowCount * 4;
  for (let r = 0; r < rowCount; r++) {
    const scale = view.getFloat32(at + r * 4, true);
    const base = (rows[r] as number) * K;
    for (let k = 0; k < K; k++) weights[base + k] = view.getInt8(weightsAt + r * K + k) * scale;
  }
  return {
    format: header.format,
    version: header.version,
    task: header.task,
    features: header.features,
    prior: header.prior,
    model: {
      labels: header.labels,
      dim: header.dim,
      weights,
      bias: Float32Array.from(header.bias),
      temperature: header.temperature,
    },
    summary: header.summary,
  };
}
