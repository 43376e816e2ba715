import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: the chase ledger (催办 sent). */

export interface ChaseEntry {
  taskId: number;
  unitId: string;
  personId: string;
  kind: 'overdue' | 'unacked' | 'warning' | 'progress';
  chaseNo?: number;
  chasedDate: LocalDate;
  jobPeriod: string;
}

export interface ChaseRepository {
  record(entry: ChaseEntry): Promise<void>;
  forTask(taskId: number): Promise<ChaseEntry[]>;
}
