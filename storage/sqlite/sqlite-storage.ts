import type { Db } from '../open-database.js';
import type { Repositories, Storage } from '../repositories.js';
import { Statements } from './statements.js';
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

/**
 * Storage over one better-sqlite3 connection. The driver is synchronous, but commands are
 * async; transactions are therefore queued so that two handlers never interleave their
 * statements inside one BEGIN … COMMIT.
 */
export class SqliteStorage implements Storage {
  readonly repos: Repositories;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(readonly db: Db) {
    const s = new Statements(db);
    this.repos = {
      tasks: new SqliteTaskRepository(s),
      bindings: new SqliteBindingRepository(s),
      jobRuns: new SqliteJobRunRepository(s),
      chases: new SqliteChaseRepository(s),
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

  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error('storage is closed');
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.repos);
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
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
