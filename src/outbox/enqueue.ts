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

/** Platforms that cannot draw a reply's charts in the message (Lark can, in the card): they get them as pictures after it. */
export const PICTURE_CHART_PLATFORMS: readonly string[] = ['wechat'];

// One reply posted to several groups (a 周通报) is drawn once.
const drawn = new WeakMap<Reply, Promise<ExportFile[]>>();

/**
 * Puts a reply in the outbox and, on a platform that cannot draw its charts, each chart as a PNG
 * picture right after it (same target, same transaction). A chart that cannot be drawn does not
 * hold the reply back: the reply says so instead.
 */
export async function enqueueReplyWithCharts(repos: Repositories, target: ReplyTarget, reply: Reply, origin: string, at: string, exportDir: string): Promise<number[]> {
  if (!reply.charts?.length || !PICTURE_CHART_PLATFORMS.includes(target.platform)) return [await enqueueReply(repos, target, reply, origin, at)];
  let files: ExportFile[];
  try {
    const pending = drawn.get(reply) ?? import('../export/reply-chart-files.js').then((m) => m.chartFiles(reply.charts ?? [], exportDir));
    drawn.set(reply, pending);
    files = await pending;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [await enqueueReply(repos, target, { ...reply, lines: [...(reply.lines ?? []), `（图表未能生成：${why}）`] }, origin, at)];
  }
  const ids = [await enqueueReply(repos, target, reply, origin, at)];
  for (const f of files) ids.push(await enqueueFile(repos, { ...target, replyTo: undefined }, f, origin, at));
  return ids;
}

/** The outbox as the core's port. */
export const outboxWriter: OutboxPort = { enqueueReply, enqueueFile, enqueueReplyWithCharts };
