// Latency summaries: nearest-rank percentiles over every sample (no histogram buckets, no sampling).

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  min: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    min: sorted.length ? sorted[0]! : Number.NaN,
  };
}

export const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/** "p50 12.3 / p99 45.6 / max 78.9 ms (n=1000)" */
export function formatMs(s: Summary): string {
  return `p50 ${round(s.p50)} / p90 ${round(s.p90)} / p99 ${round(s.p99)} / max ${round(s.max)} ms (mean ${round(s.mean)}, n=${s.count})`;
}

export const mib = (kib: number | undefined) => (kib === undefined ? 'n/a' : `${round(kib / 1024, 0)} MiB`);
