import type { Coordination } from '../domain/coordination.js';
import type { Task } from '../domain/task.js';
import type { CommandContext } from './command.js';
import { UserError } from './errors.js';
import { REFUSALS } from '../texts/refusals.js';

/** The coordination item and its task, or a user error naming the code. */
export async function loadCoordination(ctx: CommandContext, code: string): Promise<{ item: Coordination; task: Task }> {
  const item = await ctx.repos.coordinations.findByCode(code);
  if (!item) throw new UserError('unknown_task', REFUSALS.unknownCoordination(code));
  const task = await ctx.repos.tasks.findById(item.taskId);
  if (!task) throw new Error(`coordination ${code} points at a missing task`);
  return { item, task };
}
