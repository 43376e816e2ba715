import type { ChangeFeed } from './contracts/storage.js';

/** Longest an entry is trusted even when no change was heard (a notification lost on the way). */
export const SHARED_CACHE_TTL_MS = 5_000;

/**
 * Reads kept across transactions (bindings, 代行) by an instance that does not assume it is
 * the only writer: every instance NOTIFYs `cache` in the transaction that changes one of
 * them, and each instance drops everything it holds when it hears that (after the writer's
 * COMMIT). While the listening connection is down nothing is kept or trusted; a value read
 * while a change was heard is not kept; and nothing is trusted longer than a few seconds.
 */
export class SharedCache {
  private readonly entries = new Map<string, { value: unknown; at: number }>();
  private generation = 0;
  hits = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly ttlMs = SHARED_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    feed.on('cache', () => this.invalidate());
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.feed.live) return load();
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) {
      this.hits += 1;
      return hit.value as T;
    }
    const generation = this.generation;
    const epoch = this.feed.epoch;
    const value = await load();
    if (generation === this.generation && epoch === this.feed.epoch && this.feed.live) this.entries.set(key, { value, at: this.now() });
    return value;
  }
}

/** A transaction's side of the shared cache: it stops using it once it writes, and tells the others at COMMIT. */
export interface SharedCacheUse {
  cache: SharedCache;
  /** NOTIFY `cache` inside the transaction (delivered at its COMMIT, not at all on ROLLBACK). */
  announce(): Promise<void>;
}
