/** Storage contract: job run records, one per (job, period), and the installation meta values. */

export interface JobRun {
  job: string;
  period: string;
  status: 'done' | 'skipped';
  ranAt: string;
  scheduled: string;
  messages: number;
  detail?: string;
}

export interface JobRunRepository {
  /** Records a run of (job, period); false when that period already ran (or was skipped). */
  claim(run: JobRun): Promise<boolean>;
  setResult(job: string, period: string, messages: number, detail?: string): Promise<void>;
  find(job: string, period: string): Promise<JobRun | undefined>;
  /** A value of the installation's `meta` table; `setMetaOnce` keeps the first value written. */
  meta(key: string): Promise<string | undefined>;
  setMetaOnce(key: string, value: string): Promise<string>;
  /** Where a paged run of (job, period) stands: the cursor written with its last committed page. */
  cursor(job: string, period: string): Promise<RunCursor | undefined>;
  saveCursor(job: string, period: string, cursor: RunCursor, at: string): Promise<void>;
  /** Raises a high-water mark kept in `meta` (ISO instants compare as text); returns the mark now held. */
  raiseMeta(key: string, value: string): Promise<string>;
}

/** A paged run's position, written in the same transaction as the page's effects. */
export interface RunCursor {
  cursor: string;
  /** Messages posted by the pages committed so far. */
  messages: number;
  pages: number;
}
