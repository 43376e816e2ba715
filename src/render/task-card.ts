import { commandButton } from '../core/command-button.js';
import type { Task } from '../domain/task.js';
import { isOpen } from '../domain/task.js';
import { actorsForUnit, type AuthorityOptions } from '../domain/task-authority.js';
import type { Reply, ReplyAction, ReplyField } from '../core/reply.js';
import { shortFromIso } from '../time/shanghai.js';
import { deadlineText, statusText } from './task-view.js';
import type { ViewContext } from './view-context.js';
import { taskColour, type ColourScheme } from './task-colour.js';
import { ARGUMENT_TEXTS } from '../texts/arguments.js';

/**
 * A task's live card: each unit with its signing state (`已签收 · 王芳 · 12-08 09:12`), the
 * deadline, and the actions still open to the people who may take them; `colours` gives its 三色, which
 * colours the card's header on Lark.
 */
export function taskCardReply(task: Task, v: ViewContext, authority?: AuthorityOptions, colours?: { scheme: ColourScheme; warnDays: number; stages?: { total: number; done: number } }): Reply {
  const colour = colours ? taskColour(task, colours.scheme, { today: v.today, calendar: v.calendar, warnDays: colours.warnDays, stages: colours.stages }) : undefined;
  const unitValue = (u: Task['units'][number]) => {
    const who = v.directory.personName(u.responsibleId);
    const state = u.ackedAt ? `已签收 · ${v.directory.personName(u.ackedBy ?? '')} · ${shortFromIso(u.ackedAt)}` : '待签收';
    return `${v.directory.unitName(u.unitId)}（${who}）${state}`;
  };
  const fields: ReplyField[] = [
    { label: '事项', value: task.title },
    { label: '状态', value: statusText(task, v) },
    ...task.units.map((u) => ({ label: u.role === 'lead' ? '牵头' : '配合', value: unitValue(u) })),
    { label: '时限', value: deadlineText(task, v) },
  ];
  if (task.result) fields.push({ label: '办理结果', value: task.result });
  const actions: ReplyAction[] = [];
  if (isOpen(task) || task.status === 'paused') {
    const unsigned = task.units.filter((u) => !u.ackedAt);
    if (unsigned.length > 0) {
      const people = [...new Set(unsigned.flatMap((u) => actorsForUnit(u, v.directory, authority)))];
      actions.push(commandButton('acknowledge', task.code, { style: 'primary', forPersonIds: people }));
    }
    const everyone = [...new Set(task.units.flatMap((u) => actorsForUnit(u, v.directory, authority)))];
    const lead = task.units.filter((u) => u.role === 'lead').flatMap((u) => actorsForUnit(u, v.directory, authority));
    actions.push(commandButton('progress', task.code, { label: '报送进展', forPersonIds: everyone, input: { placeholder: ARGUMENT_TEXTS.progressPlaceholder, required: true } }));
    actions.push(commandButton('complete', task.code, { forPersonIds: lead, input: { placeholder: '办理结果', required: true } }));
  }
  return {
    tone: 'info',
    title: `${task.code}${task.isKey ? '【重点】' : ''} ${task.title}`,
    fields,
    actions,
    ref: { kind: 'task', code: task.code },
    ...(colour ? { colour } : {}),
  };
}
