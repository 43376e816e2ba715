import type { Repositories } from '../../storage/repositories.js';
import type { Reply } from '../core/reply.js';
import type { OutboxPort, ReplyTarget } from '../core/ports.js';
import type { OutboxPayload } from './outgoing.js';
import type { ExportFile } from '../export/export-file.js';

export type { ReplyTarget } from '../core/ports.js';

/** Puts a reply in the outbox inside the caller's transaction; returns its id. */
export function enqueueReply(repos: Repositories, target: ReplyTarget, reply: Reply, origin: string, at: string): Promise<number> {
  const payload: OutboxPayload = { reply };
  return repos.outbox.enqueue({ ...target, payload: JSON.stringify(payload), origin, at });
}

/** Puts a file in the outbox (after the messages queued before it); `caption` names it on text platforms. */
export function enqueueFile(repos: Repositories, target: ReplyTarget, file: ExportFile, origin: string, at: string): Promise<number> {
  const payload: OutboxPayload = { reply: { tone: 'info', title: file.name }, file };
  return repos.outbox.enqueue({ ...target, payload: JSON.stringify(payload), origin, at });
}

/** The outbox as the core's port. */
export const outboxWriter: OutboxPort = { enqueueReply, enqueueFile };
