import { PerformanceObserver } from 'node:perf_hooks';
import type { SqliteStorage } from '../storage/sqlite/sqlite-storage.js';

/**
 * `STALLS=1` in bench/chase-dev.ts: every event-loop gap over `over` ms (a 2 ms timer that fired
 * late), with what ran inside it: the transactions (their count and time), the garbage
 * collections (their time), and the rest (JavaScript between transactions, the settle, I/O
 * callbacks). For development: it tells a slow page from a collection from work between pages.
 */
export function traceStalls(storage: SqliteStorage, over = 45): { report(write: (s: string) => void): void; stop(): void } {
  const txs: Array<[number, number]> = [];
  const gcs: Array<[number, number]> = [];
  const gaps: Array<[number, number]> = [];
  const tx = storage.transaction.bind(storage);
  storage.transaction = (async (fn: Parameters<typeof tx>[0]) => {
    const t = performance.now();
    try {
      return await tx(fn);
    } finally {
      txs.push([t, performance.now()]);
    }
  }) as typeof tx;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration]);
  });
  gc.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > over) gaps.push([last, now]);
    last = now;
  }, 2);
  timer.unref();
  const inside = (xs: Array<[number, number]>, [a, b]: [number, number]) => xs.filter(([s, e]) => e > a && s < b).map(([s, e]) => Math.min(e, b) - Math.max(s, a));
  return {
    /** Writes what was traced since the last report, and goes on tracing (`stop` ends it). */
    report(write) {
      write(`${gaps.length} gaps over ${over} ms:\n`);
      for (const g of gaps.sort((x, y) => y[1] - y[0] - (x[1] - x[0])).slice(0, 15)) {
        const t = inside(txs, g);
        const c = inside(gcs, g);
        const sum = (xs: number[]) => Math.round(xs.reduce((p, q) => p + q, 0));
        write(
          `  ${Math.round(g[1] - g[0])} ms: ${t.length} transactions ${sum(t)} ms (longest ${Math.round(Math.max(0, ...t))}), gc ${sum(c)} ms, rest ${Math.round(g[1] - g[0] - sum(t) - sum(c))} ms\n`,
        );
      }
      txs.length = 0;
      gcs.length = 0;
      gaps.length = 0;
      last = performance.now();
    },
    stop() {
      clearInterval(timer);
      gc.disconnect();
    },
  };
}
