import type { Reply } from '../core/reply.js';
import type { Task } from '../domain/task.js';
import { canSeeTask, scopeOf } from '../domain/visibility.js';
import { listLines } from './list-lines.js';
import type { QueryContext } from './query-context.js';

/**
 * Several tasks asked about in one message (D-0001 和 D-0002 进展如何): one line each, in the order
 * asked, with the latest progress; a code that is unknown or outside the asker's scope reads the same.
 */
export async function answerTasks(codes: readonly string[], q: QueryContext): Promise<Reply> {
  const scope = scopeOf(q.actor);
  const found: Task[] = [];
  const missing: string[] = [];
  for (const code of codes) {
    const task = await q.repos.tasks.findByCode(code);
    if (task && canSeeTask(scope, task)) found.push(task);
    else missing.push(code);
  }
  const lines = await listLines(found, q);
  const progress = await Promise.all(found.map((t) => q.repos.tasks.reports(t.id)));
  const out = found.flatMap((t, i) => {
    const last = (progress[i] ?? []).filter((r) => r.kind === 'progress').at(-1);
    const latest = last ? [`  最新进展（${last.at.slice(5, 10)} ${q.directory.personName(last.personId)}）：${last.percent !== undefined ? `${last.percent}% ` : ''}${last.text}`.trimEnd()] : [];
    return [lines[i] ?? '', ...latest];
  });
  if (missing.length > 0) out.push(`没有编号为 ${missing.join('、')} 的督办事项${scope ? '，或不在您可查看的范围内' : ''}，请核对编号。`);
  return {
    tone: 'info',
    title: `查询 ${codes.length} 件事项${missing.length > 0 ? `（${missing.length} 件未找到）` : ''}`,
    lines: out,
    note: '各件的办理记录请分别发「查询 编号」。',
  };
}
