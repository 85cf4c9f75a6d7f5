/**
 * Mean, variance, minimum and maximum of a stream in O(1) memory, by
 * Welford's update, which stays accurate over millions of values where the
 * naive sum of squares loses precision.
 */

export interface StreamingStatsState {
  count: number;
  mean: number;
  /** Sum of squared deviations from the running mean. */
  m2: number;
  min: number;
  max: number;
}

export interface StreamingSummary {
  count: number;
  mean: number;
  /** Population standard deviation. */
  sd: number;
  min: number;
  max: number;
}

export function emptyStats(): StreamingStatsState {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

/** Adds one value to `stats` in place. */
export function addValue(stats: StreamingStatsState, value: number): void {
  stats.count++;
  const delta = value - stats.mean;
  stats.mean += delta / stats.count;
  stats.m2 += delta * (value - stats.mean);
  if (value < stats.min) stats.min = value;
  if (value > stats.max) stats.max = value;
}

/** Returns the summary, or null for an empty stream. */
export function summarizeStats(stats: StreamingStatsState): StreamingSummary | null {
  if (stats.count === 0) return null;
  return {
    count: stats.count,
    mean: stats.mean,
    sd: Math.sqrt(stats.m2 / stats.count),
    min: stats.min,
    max: stats.max,
  };
}
