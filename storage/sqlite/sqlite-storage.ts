import type { Statement } from 'better-sqlite3';
import type { Db } from '../open-database.js';
import type { Leadership, OpenedStorage, Repositories } from '../repositories.js';
import { withTransactionCaches } from '../transaction-cache.js';
import { Checkpointer } from './checkpointer.js';
import { Statements, type StatementObserver } from './statements.js';
import { StorageUnavailableError } from '../storage-error.js';

import { SqliteTaskRepository } from './task-repository.js';
import { SqliteAuditRepository } from './audit-repository.js';
import { SqliteInboundRepository } from './inbound-repository.js';
import { SqliteInboxRepository } from './inbox-repository.js';
import { SqliteChatRepository } from './chat-repository.js';
import { SqliteOutboxRepository } from './outbox-repository.js';
import { SqliteBindingRepository } from './binding-repository.js';
import { SqliteCoordinationRepository } from './coordination-repository.js';
import { SqliteRequestRepository } from './request-repository.js';
import { SqlitePeopleStateRepository } from './people-state-repository.js';
import { SqliteVerificationRepository } from './verification-repository.js';
import { SqliteJobRunRepository } from './job-run-repository.js';
import { SqliteChaseRepository } from './chase-repository.js';
import { SqliteStatsRepository } from './stats-repository.js';
import { SqliteLadderRepository } from './ladder-repository.js';
import { SqliteWarningRepository } from './warning-repository.js';
import { SqliteExcusalRepository } from './excusal-repository.js';
import { SqliteTaskMarkRepository } from './task-mark-repository.js';
import { SqliteRectificationRepository } from './rectification-repository.js';
import { SqliteAssessmentStatsRepository } from './assessment-stats-repository.js';

/** SQLite result codes that mean the file, not the statement, is the problem. */
const UNAVAILABLE = /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;

function unavailable(e: unknown): StorageUnavailableError | undefined {
  if (e instanceof StorageUnavailableError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code) ? new StorageUnavailableError(code, e) : undefined;
}

/**
 * Storage over one better-sqlite3 connection. The driver is synchronous, but commands are
 * async; transactions are therefore queued so that two handlers never interleave their
 * statements inside one BEGIN … COMMIT.
 */
export class SqliteStorage implements OpenedStorage {
  readonly backend = 'sqlite' as const;
  /** One process serves a SQLite ledger (the ledger lease sees to it), so it holds every inbox claim under one name. */
  readonly instanceId = 'sqlite';
  readonly repos: Repositories;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Called after every commit (the ledger guard checks the file and keeps the last-commit marker). */
  onCommit: (() => void) | undefined;
  // Prepared once: compiling BEGIN/COMMIT text on every transaction costs as much as a statement.
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;
  /** Copies the WAL into the file off the main thread (none for `:memory:`). */
  readonly checkpointer: Checkpointer | undefined;

  constructor(
    readonly db: Db,
    observer?: StatementObserver,
  ) {
    const s = new Statements(db, observer);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.checkpointer = Checkpointer.start(db);
    this.repos = {
      tasks: new SqliteTaskRepository(s),
      bindings: new SqliteBindingRepository(s),
      jobRuns: new SqliteJobRunRepository(s),
      chases: new SqliteChaseRepository(s),
      ladder: new SqliteLadderRepository(s),
      stats: new SqliteStatsRepository(s),
      coordinations: new SqliteCoordinationRepository(s),
      requests: new SqliteRequestRepository(s),
      people: new SqlitePeopleStateRepository(s),
      verifications: new SqliteVerificationRepository(s),
      audit: new SqliteAuditRepository(s),
      inbound: new SqliteInboundRepository(s),
      inbox: new SqliteInboxRepository(s),
      chats: new SqliteChatRepository(s),
      outbox: new SqliteOutboxRepository(s),
      warnings: new SqliteWarningRepository(s),
      excusals: new SqliteExcusalRepository(s),
      marks: new SqliteTaskMarkRepository(s),
      rectifications: new SqliteRectificationRepository(s),
      assessment: new SqliteAssessmentStatsRepository(s),
    };
  }

  async ready(): Promise<void> {}

  /** One process owns a SQLite file, so it always leads. */
  leadership(): Leadership {
    return { holds: async () => true, close: async () => undefined };
  }

  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new StorageUnavailableError('CLOSED', new Error('storage is closed'));
      this.checkpointer?.topUp();
      try {
        this.begin.run();
      } catch (e) {
        throw unavailable(e) ?? e;
      }
      try {
        const result = await fn(withTransactionCaches(this.repos));
        this.commit.run();
        this.onCommit?.();
        return result;
      } catch (e) {
        try {
          if (this.db.inTransaction) this.rollback.run();
        } catch {
          // A failed rollback leaves SQLite to roll back on its own; the first error is the one to report.
        }
        throw unavailable(e) ?? e;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Between a long job's pages: the WAL copied back into the file, so that the next commit restarts it. */
  settle(): Promise<void> {
    return this.checkpointer?.settle() ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.queue;
    if (!this.closed) {
      this.closed = true;
      await this.checkpointer?.stop();
      this.db.close();
    }
  }
}
