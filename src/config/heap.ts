import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what its last full collection left live, in
 * percent (DUBAN_HEAP_GROWTH_PERCENT; 0 leaves it to V8). V8's own factor goes up to 4× while
 * collections are cheap: during the 09:00 chase at a million tasks the live heap was 14–41 MB
 * and the heap grew to 114 MB of mostly garbage before it was collected (resident peak 198 MB).
 * At 20% the peak is 172 MB, and 146–150 MB with the smaller young generation that `npm run
 * serve` also asks for (`serveNodeFlags`); the chase took as long either way (README › Performance).
 * V8 reads this at every full collection, so it can be set once the process runs.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.floor(percent)}`);
}

/** The Node flags `npm run serve` starts the compiled bot with (package.json), for the benchmarks that start it the same way. */
export function serveNodeFlags(packageJson = 'package.json'): string[] {
  const serve = (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts?: Record<string, string> }).scripts?.serve ?? '';
  const words = serve.split(/\s+/);
  return words.slice(words.indexOf('node') + 1).filter((w) => w.startsWith('--'));
}

/** The file `npm run serve` starts (the production bundle, dist/bundle/main.js), for the start-up benchmark. */
export function serveEntry(packageJson = 'package.json'): string {
  const serve = (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts?: Record<string, string> }).scripts?.serve ?? '';
  const words = serve.split(/\s+/);
  return words.slice(words.indexOf('node') + 1).find((w) => w.length > 0 && !w.startsWith('--')) ?? 'dist/bundle/main.js';
}
