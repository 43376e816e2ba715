/** The most events within any one-second window (inclusive of its start, exclusive of its end), from their times in ms. */
export function maxPerSecond(times: readonly number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while ((t[j] as number) - (t[i] as number) >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
