/**
 * A seeded source of numbers in [0, 1) (mulberry32): the same seed gives the same sequence. The
 * console in simulated time (a transcript replay, or `--start`) draws 复核 samples from it, so a
 * transcript replays to the same output every time; real time draws from Math.random.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of simulated time. */
export const REPLAY_SEED = 20261203;
