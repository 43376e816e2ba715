/**
 * The ledger could not be written or read at all (disk full, read-only, locked, I/O error,
 * closed). Not a fault of the command: the work must wait and be tried again, never be
 * answered as failed.
 */
export class StorageUnavailableError extends Error {
  constructor(
    /** The backend's own code, e.g. SQLITE_FULL. */
    readonly code: string,
    override readonly cause: unknown,
  ) {
    super(`storage unavailable (${code}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StorageUnavailableError';
  }
}

export function isStorageUnavailable(e: unknown): e is StorageUnavailableError {
  return e instanceof StorageUnavailableError;
}
