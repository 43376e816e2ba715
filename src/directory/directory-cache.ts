import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DirectoryFile } from './schema.js';

/** Bumped whenever the validated shape of a directory file changes, so old caches are ignored. */
const CACHE_VERSION = 1;

/**
 * A cache of validated directory files, so that an unchanged file is not parsed from YAML and
 * validated again at every start (half a second for a province). Entries are keyed by a hash of
 * the file's text: any change to the file is a miss. A cache that cannot be read or written is
 * simply not used.
 */
export class DirectoryCache {
  constructor(private readonly dir = process.env.DUBAN_DIRECTORY_CACHE ?? join(tmpdir(), 'duban-directory-cache')) {}

  static key(text: string): string {
    return createHash('sha256').update(`${CACHE_VERSION}\u0000${text}`).digest('hex');
  }

  get(text: string): DirectoryFile | undefined {
    try {
      return JSON.parse(readFileSync(this.file(text), 'utf8')) as DirectoryFile;
    } catch {
      return undefined;
    }
  }

  put(text: string, data: DirectoryFile): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = this.file(text);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, file);
    } catch {
      // A read-only or full disk only costs the next start its parse.
    }
  }

  private file(text: string): string {
    return join(this.dir, `${DirectoryCache.key(text)}.json`);
  }
}
