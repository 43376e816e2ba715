import type { Statement } from 'better-sqlite3';
import type { Db } from '../open-database.js';
import type { Leadership, OpenedStorage, Repositories } from '../repositories.js';
import { withTransactionCaches } from '../transaction-cache.js';
import { Statements, type StatementObserver } from './statements.js';
import { SqliteTaskRepository } from './task-repository.js';
import { SqliteAuditRepository } from './audit-repository.js';
import { SqliteInboundRepository } from './inbound-repository.js';
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

/**
 * Storage over one better-sqlite3 connection. The driver is synchronous, but commands are
 * async; transactions are therefore queued so that two handlers never interleave their
 * statements inside one BEGIN … COMMIT.
 */
export class SqliteStorage implements OpenedStorage {
  readonly backend = 'sqlite' as const;
  readonly repos: Repositories;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  // Prepared once: compiling BEGIN/COMMIT text on every transaction costs as much as a statement.
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;

  constructor(
    readonly db: Db,
    observer?: StatementObserver,
  ) {
    const s = new Statements(db, observer);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
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
      chats: new SqliteChatRepository(s),
      outbox: new SqliteOutboxRepository(s),
    };
  }

  async ready(): Promise<void> {}

  /** One process owns a SQLite file, so it always leads. */
  leadership(): Leadership {
    return { holds: async () => true, close: async () => undefined };
  }

  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error('storage is closed');
      this.begin.run();
      try {
        const result = await fn(withTransactionCaches(this.repos));
        this.commit.run();
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.rollback.run();
        throw e;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
  }
}
