/** Nearest-rank percentiles of `values` (ms); returns { [p]: value }. */
export function percentiles(values, ps) {
  const sorted = Float64Array.from(values).sort();
  const out = {};
  for (const p of ps) {
    if (sorted.length === 0) {
      out[p] = null;
      continue;
    }
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    out[p] = Math.round(sorted[rank] * 100) / 100;
  }
  return out;
}
