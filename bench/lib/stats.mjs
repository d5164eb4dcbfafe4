// Summary statistics for the benchmark samples (milliseconds).

export function median(samples) {
  if (!samples.length) return undefined;
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p95 of 50 samples is the 48th smallest). */
export function percentile(samples, p) {
  if (!samples.length) return undefined;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function summary(samples) {
  const round = (v) => (v === undefined ? undefined : Math.round(v * 1000) / 1000);
  return {
    n: samples.length,
    median: round(median(samples)),
    p95: round(percentile(samples, 95)),
    min: round(samples.length ? Math.min(...samples) : undefined),
    max: round(samples.length ? Math.max(...samples) : undefined),
    samples: samples.map(round),
  };
}
