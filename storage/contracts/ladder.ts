import type { HandoverProposal, LadderEvent, LadderNote } from '../../src/domain/ladder.js';
import type { LocalDate } from '../../src/time/shanghai.js';

/** Storage contract: 两通报、一移交: ladder events (the 台账), notes and the 拟移交 list. */

export interface LadderRepository {
  /** The next number of a notice series (`督查室通报` in 2026 …), counted per issuer and year. */
  nextNoticeNo(issuer: string, year: number): Promise<number>;
  addEvent(e: Omit<LadderEvent, 'id'>): Promise<void>;
  /**
   * A page of tasks reaching `step` together (one 通报's slice), in a few statements: per task
   * its ladder event, its step raised where it was lower, the 拟移交 listing at step 3 unless
   * one stands, and its `ladder_step` audit record (details as given).
   */
  reachSteps(step: 1 | 2 | 3, items: readonly StepReach[], o: { date: LocalDate; at: string; notice?: string; job: string }): Promise<void>;
  eventsForTask(taskId: number): Promise<LadderEvent[]>;
  /** The events a numbered notice announced (`督查室通报〔2026〕第3期`), oldest first; none for an unknown number. */
  eventsForNotice(notice: string): Promise<LadderEvent[]>;
  /** Events in a date range, optionally for one unit and from some step on; oldest first. */
  events(f: { from: LocalDate; to: LocalDate; unitId?: string; minStep?: number; limit?: number }): Promise<LadderEvent[]>;

  addNote(n: Omit<LadderNote, 'id'>): Promise<LadderNote>;
  notesForTask(taskId: number): Promise<LadderNote[]>;
  notes(kind: LadderNote['kind'], statuses: ReadonlyArray<LadderNote['status']>): Promise<LadderNote[]>;
  setNoteStatus(id: number, status: LadderNote['status']): Promise<void>;

  /** The latest proposal on the task, whatever its state. */
  currentProposal(taskId: number): Promise<HandoverProposal | undefined>;
  openProposals(): Promise<HandoverProposal[]>;
  list(taskId: number, at: string): Promise<HandoverProposal>;
  updateProposal(id: number, patch: Partial<Omit<HandoverProposal, 'id' | 'taskId' | 'listedAt'>>): Promise<void>;
}

export interface StepReach {
  taskId: number;
  rootId: number;
  unitId: string;
  trigger: 'chase' | 'untrue' | 'demand';
  /** The audit record's details, as JSON. */
  details: string;
  /** The notice announcing it, when not the one given for the whole call. */
  notice?: string;
}
