import { localDate } from '../time/shanghai.js';
import type { BotDeps } from './bot-deps.js';
import type { Reply } from './reply.js';

/**
 * The current state of a task as an actionable reply (who has signed, what can be done
 * next), for platforms that refresh a card in place after a button press.
 */
export async function readTaskCard(deps: Pick<BotDeps, 'clock' | 'storage' | 'authority' | 'settings' | 'taskCard' | 'directory' | 'calendar'>, code: string): Promise<Reply | undefined> {
  const now = deps.clock.now();
  return deps.storage.transaction(async (repos) => {
    const task = await repos.tasks.findByCode(code);
    if (!task) return undefined;
    const today = localDate(now);
    const authority = deps.authority ? await deps.authority(repos, today) : undefined;
    const stages = task.parentId === undefined ? await repos.tasks.stages(task.id) : [];
    const colours = {
      scheme: deps.settings.colourScheme,
      warnDays: deps.settings.warnDays,
      stages: stages.length > 0 ? { total: stages.length, done: stages.filter((s) => s.status === 'completed' || s.status === 'verified').length } : undefined,
    };
    return deps.taskCard(task, { directory: deps.directory, calendar: deps.calendar, today }, authority, colours);
  });
}
