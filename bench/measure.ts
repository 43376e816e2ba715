/** Timing helpers for the benchmark. */
export interface Latency {
  count: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

export function summarize(samplesMs: number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = samplesMs.reduce((a, b) => a + b, 0);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: samplesMs.length, seconds: total / 1000, perSecond: samplesMs.length / (total / 1000), p50ms: at(0.5), p99ms: at(0.99) };
}

export async function timeOnce<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
