import type { MessageRef } from '../../src/domain/task.js';
import type { AuditAction } from '../../src/domain/audit-actions.js';

/** Storage contract: The audit log: who changed what, when, from which message or job. */

/** Where a state change came from: a platform message, or a scheduled job run. */
export type AuditSource = { message: MessageRef } | { job: string };

export interface AuditEntry {
  at: string;
  actorId: string;
  action: string;
  taskId?: number;
  subject?: string;
  details: Record<string, unknown>;
  source: AuditSource;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditRepository {
  /** Only actions the code knows (and labels) can be written; stored ones read back as text. */
  append(entry: AuditEntry & { action: AuditAction }): Promise<void>;
  forTask(taskId: number): Promise<AuditRecord[]>;
  forSubject(subject: string): Promise<AuditRecord[]>;
  count(): Promise<number>;
}
