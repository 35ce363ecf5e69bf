/** Summary statistics shared by the bench sections. */

export interface LatencyStats {
  readonly count: number;
  readonly medianMs: number;
  readonly p99Ms: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Latency statistics over the measured samples (NaN entries were not run). */
export function stats(samples: Iterable<number>): LatencyStats {
  const sorted = [...samples].filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianMs: median(sorted),
    p99Ms: sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? Number.NaN,
  };
}
