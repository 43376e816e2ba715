import { oversees } from '../domain/roles.js';
import type { Task, TaskUnit } from '../domain/task.js';
import { STATUS_LABEL } from '../domain/task.js';
import { describeActors, unitsActorMayActFor, type AuthorityOptions } from '../domain/task-authority.js';
import { acknowledgeUnits as acknowledge } from '../domain/actions/acknowledge.js';
import type { CommandContext } from './command.js';
import { UserError } from './errors.js';

/** The task with this code, or a user error naming the code. */
export async function loadTask(ctx: CommandContext, code: string): Promise<Task> {
  const task = await ctx.repos.tasks.findByCode(code);
  if (!task) throw new UserError('unknown_task', `没有编号为 ${code} 的督办事项，请核对编号（可发「查询 我的」查看）。`);
  return task;
}

/** Authority hooks that later rules (acting, handover) contribute; empty by default. */
export function authorityOptions(ctx: CommandContext): AuthorityOptions {
  return ctx.authority ?? {};
}

/**
 * The units the actor may act for on this task, restricted to `only` when given; a refusal
 * that names who may act otherwise.
 */
export function requireActingUnits(ctx: CommandContext, task: Task, verb: string, only?: (u: TaskUnit) => boolean): TaskUnit[] {
  const opts = authorityOptions(ctx);
  const candidates = only ? task.units.filter(only) : task.units;
  const units = unitsActorMayActFor(ctx.actor, task, ctx.directory, opts).filter((u) => candidates.includes(u));
  if (units.length === 0) {
    throw new UserError('no_permission', `${task.code} 只能由承办单位的责任人或单位主要负责人${verb}：${describeActors(candidates, ctx.directory, opts)}。`, false);
  }
  return units;
}

/** Refuses work on a task that is no longer open. */
export function requireOpen(task: Task, verb: string): void {
  if (task.status === 'withdrawn') throw new UserError('invalid_state', `${task.code} 已撤销交办，无须再${verb}。`, false);
  if (task.status === 'completed' || task.status === 'verified') {
    throw new UserError('invalid_state', `${task.code} 已${STATUS_LABEL[task.status].replace('已', '')}，不能再${verb}。`, false);
  }
}

/** 签收 by the speaking person (the domain action `acknowledgeUnits` does the work). */
export function acknowledgeUnits(ctx: CommandContext, task: Task, units: TaskUnit[], implicit: boolean): Promise<TaskUnit[]> {
  return acknowledge(ctx, task, units, ctx.actor.id, implicit);
}

/**
 * The assigner or the supervision office (督查室, and the 秘书长 who heads supervision work)
 * answers requests on a task; a refusal names them.
 */
export function requireAssignerOrOffice(ctx: CommandContext, task: Task, verb: string): void {
  if (ctx.actor.id === task.assignerId) return;
  if (oversees(ctx.actor)) return;
  const officeIds = ctx.directory.withRole('督查室').map((p) => p.id);
  const office = `督查室（${officeIds.map((id) => ctx.directory.personName(id)).join('、')}）`;
  // An assigner who is on the office staff is named once, not as 交办人 and again as 督查室.
  const who = officeIds.includes(task.assignerId) ? office : `交办人 ${ctx.directory.personName(task.assignerId)} 或${office}`;
  throw new UserError('no_permission', `${task.code} 的${verb}由${who}办理。`, false);
}

/** People to notify of a request on a task: the assigner and the 督查室. */
export function assignerAndOffice(ctx: CommandContext, task: Task): string[] {
  return [...new Set([task.assignerId, ...ctx.directory.withRole('督查室').map((p) => p.id)])];
}
