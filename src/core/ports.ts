import type { Repositories } from '../../storage/repositories.js';
import type { Directory } from '../directory/directory.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { AuthorityOptions } from '../domain/task-authority.js';
import type { Task } from '../domain/task.js';
import type { LocalDate } from '../time/shanghai.js';
import type { ColourScheme, ExportFile } from './attachment.js';
import type { Reply } from './reply.js';

/**
 * Ports the core declares and the features implement. The core calls them; it never imports
 * the modules behind them (the composition root, src/app.ts, plugs them in).
 */

/** Where an owed message goes. */
export interface ReplyTarget {
  platform: string;
  targetKind: 'chat' | 'person';
  targetId: string;
  replyTo?: string;
}

/** Puts owed messages in the outbox inside the caller's transaction; each returns the row id. */
export interface OutboxPort {
  enqueueReply(repos: Repositories, target: ReplyTarget, reply: Reply, origin: string, at: string): Promise<number>;
  enqueueFile(repos: Repositories, target: ReplyTarget, file: ExportFile, origin: string, at: string): Promise<number>;
  /** A reply and, on a platform that cannot draw its charts (WeChat), each chart as a PNG picture after it (written under `exportDir`). */
  enqueueReplyWithCharts(repos: Repositories, target: ReplyTarget, reply: Reply, origin: string, at: string, exportDir: string): Promise<number[]>;
}

export interface TaskCardView {
  directory: Directory;
  calendar: WorkCalendar;
  today: LocalDate;
}

export interface TaskCardColours {
  scheme: ColourScheme;
  warnDays: number;
  stages?: { total: number; done: number };
}

/** Builds the actionable card of one task (platforms refresh it in place after a button press). */
export type TaskCardBuilder = (task: Task, view: TaskCardView, authority?: AuthorityOptions, colours?: TaskCardColours) => Reply;
