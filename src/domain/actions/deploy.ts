import type { ActionContext } from '../action-context.js';
import type { Task, TaskUnit } from '../task.js';
import type { LocalDate } from '../../time/shanghai.js';
import { isoShanghai } from '../../time/shanghai.js';

/** 部署 (上级文件, 重大决策部署): the unit reports how it has arranged the work; late when after `due`. */
export async function reportDeployment(c: ActionContext, task: Task, unit: TaskUnit, d: { by: string; text: string; due: LocalDate }): Promise<{ late: boolean }> {
  await c.repos.tasks.addReport({ taskId: task.id, unitId: unit.unitId, personId: d.by, kind: 'progress', text: `部署：${d.text}`, at: isoShanghai(c.now) });
  const late = c.today > d.due;
  await c.audit('deploy', { unit: unit.unitId, text: d.text, due: d.due, late }, { taskId: task.id });
  return { late };
}
