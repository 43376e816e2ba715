import { UserError } from '../core/errors.js';
import type { Directory } from '../directory/directory.js';
import { INFEASIBLE_RAISE_DAYS } from './requests.js';
import type { Task } from './task.js';

/**
 * H8 is for matters of two or more units. A unit's own difficulty has its own ways: 延期
 * before the deadline (B四(四)), 难以执行 within 5 working days of receipt (H3), or the assigner.
 */
export function singleUnitRefusal(ctx: { directory: Directory }, task: Task, unitId: string): UserError {
  const assigner = ctx.directory.personName(task.assignerId);
  return new UserError(
    'bad_arguments',
    [
      `协调用于涉及两个以上单位的事项（H8），${task.code} 只涉及${ctx.directory.unitName(unitId)}；如与其他单位有分歧，请在事由中写明单位名称。`,
      `本单位办理有困难的：到期前申请延期（延期 ${task.code} 至 日期 理由）；交办后 ${INFEASIBLE_RAISE_DAYS} 个工作日内可反馈难以执行（难以执行 ${task.code} 原因）；或直接向交办人 ${assigner} 请示。`,
    ].join('\n'),
    false,
  );
}
