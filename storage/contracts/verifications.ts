import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: 复核 (verification draws and findings). */

export interface Verification {
  id: number;
  taskId: number;
  unitId: string;
  reason: 'key' | 'sample' | 'manual';
  drawnAt: string;
  result?: 'true' | 'false';
  note?: string;
  verifiedBy?: string;
  verifiedAt?: string;
}

export interface VerificationRepository {
  draw(v: { taskId: number; unitId: string; reason: Verification['reason']; drawnAt: string }): Promise<void>;
  pending(taskId: number): Promise<Verification | undefined>;
  record(id: number, r: { result: 'true' | 'false'; note?: string; verifiedBy: string; verifiedAt: string; verifiedDate: LocalDate }): Promise<void>;
  /** How many completions there have been, and how many of them were drawn for verification. */
  sampleStats(): Promise<{ completions: number; drawn: number }>;
  forTask(taskId: number): Promise<Verification[]>;
}
