import type { Reply } from '../core/reply.js';
import { computeTally } from '../reports/tally.js';
import { tallyExtras } from '../export/tally-extras.js';
import { tallyKindOf, tallyReply } from '../render/tally-view.js';
import { previousWeek } from '../calendar/periods.js';
import { answerList } from './answer-list.js';
import { answerRank, assertTallyReader } from './answer-rank.js';
import { answerTask, answerCoordination } from './answer-task.js';
import { answerCoordinations } from './answer-coordinations.js';
import { answerTasks } from './answer-tasks.js';
import { answerAbsences } from './answer-absences.js';
import { answerActivity } from './answer-activity.js';
import type { QueryContext } from './query-context.js';
import { queryExamples } from './query-examples.js';
import { WARNING_REGISTER_ROLES, warningRegisterReply } from '../reports/warning-register.js';
import { UserError } from '../core/errors.js';
import { splitDate } from '../time/shanghai.js';
import type { Reading, ReadResult } from './reading.js';

export type { QueryContext } from './query-context.js';

/**
 * Answers a reading within what the asker may see. Names missing from the directory are said
 * so instead of being dropped; words the reading left out, typos it corrected and the limits
 * of the asker's scope are stated in the note.
 */
export async function answerReading(result: ReadResult, q: QueryContext, opts: { historyLimit?: number } = {}): Promise<Reply> {
  if (result.unknownNames.length > 0) return unknownNames(result.unknownNames, q);
  if (!result.reading) return notUnderstood('', q);
  const { reply, scopeNote } = await answer(result.reading, q, opts);
  const notes = [
    ...result.corrected.map((c) => `「${c.written}」按「${q.directory.unitName(c.unitId)}」理解。`),
    result.ignored.length > 0 ? `未能理解「${result.ignored.join('」「')}」，已忽略，以上答复未考虑这部分。` : '',
    result.unanswered ? `一次只回答一个问题：以上答复的是「${result.unanswered.answered}」；「${result.unanswered.rest.join('」「')}」未作答复，请分开询问。` : '',
    result.why ? '机器人不判断原因：以上是台账记录的办理情况，原因以承办单位报送的进展和说明为准。' : '',
    scopeNote ?? '',
    reply.note ?? '',
  ].filter(Boolean);
  return { ...reply, note: notes.length > 0 ? notes.join('\n') : undefined };
}

async function answer(r: Reading, q: QueryContext, opts: { historyLimit?: number }): Promise<{ reply: Reply; scopeNote?: string }> {
  switch (r.kind) {
    case 'task':
      return { reply: await answerTask(r.code, q, opts.historyLimit) };
    case 'tasks':
      return { reply: await answerTasks(r.codes, q) };
    case 'absences':
      return { reply: await answerAbsences(r, q) };
    case 'activity':
      return { reply: await answerActivity(r, q) };
    case 'coordination':
      return { reply: await answerCoordination(r.code, q) };
    case 'coordinations':
      return { reply: await answerCoordinations(r, q) };
    case 'tally': {
      assertTallyReader(q);
      const p = r.period ?? previousWeek(q.today);
      return { reply: tallyReply(await computeTally(q.repos.stats, q.directory, p, q.today), tallyKindOf(p), q.directory, q.settings ? await tallyExtras({ ...q, settings: q.settings }, p.to) : {}) };
    }
    case 'rank':
      return { reply: await answerRank(r.which, r.period, r.unitId, q, r.covered) };
    case 'warnings': {
      if (!q.actor.roles.some((role) => (WARNING_REGISTER_ROLES as readonly string[]).includes(role))) {
        throw new UserError('no_permission', `效能告诫台账供${WARNING_REGISTER_ROLES.join('、')}查看。`);
      }
      return { reply: await warningRegisterReply(q.repos, q.directory, r.year ?? splitDate(q.today)[0], r.unitId) };
    }
    case 'help':
      return { reply: helpReply(q) };
    case 'list':
      return answerList(r, q);
  }
}

function helpReply(q: QueryContext): Reply {
  return { tone: 'info', title: '可以这样问', lines: queryExamples(q.directory), note: '也可以发「查询 单位或人员 条件」，如「查询 逾期」。' };
}

function unknownNames(names: string[], q: QueryContext): Reply {
  const units = q.directory.allUnits();
  const shown = units.slice(0, 12).map((u) => [...u.aliases].sort((a, b) => a.length - b.length)[0] ?? u.name);
  return {
    tone: 'info',
    title: names.map((n) => `通讯录中没有「${n}」`).join('；'),
    lines: [`通讯录中的单位：${shown.join('、')}${units.length > shown.length ? ` 等 ${units.length} 个` : ''}`],
    note: '请核对名称后再问，如「' + (queryExamples(q.directory)[0] ?? '') + '」。',
  };
}

/** The answer to a question the reader could not read: what can be asked, from the directory in use. */
export function notUnderstood(text: string, q: Pick<QueryContext, 'directory'>, commandNames?: string): Reply {
  const lines = [...(commandNames ? [`可用命令：${commandNames}`] : []), '可以这样问：', ...queryExamples(q.directory).slice(0, 5)];
  return {
    tone: 'info',
    title: text ? `没有看懂「${text.length > 20 ? `${text.slice(0, 20)}…` : text}」` : '请问要查什么？',
    lines,
    note: '协调、延期、难以执行等命令，发「帮助」查看；「帮助 命令名」查看写法。',
  };
}
