// Numbers: percentiles, rounding and merged counters, shared by every benchmark's report.

/** The p-th percentile of an ascending array (nearest rank); NaN when empty. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One decimal, or null for NaN/Infinity (so JSON stays valid). */
export const round = (x) => (Number.isFinite(x) ? +x.toFixed(1) : null);

export const mib = (b) => +(b / 2 ** 20).toFixed(1);

/** Sums counter objects ({ code: count }) key by key. */
export function mergeCounts(list) {
  const out = {};
  for (const m of list) for (const [k, v] of Object.entries(m ?? {})) out[k] = (out[k] ?? 0) + v;
  return out;
}
