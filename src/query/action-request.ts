import type { CommandCatalog } from '../core/command.js';
import type { Reply } from '../core/reply.js';

/** Something a plain message asks the bot to do, and the commands by which a person does it. */
export interface ActionRequest {
  label: string;
  commands: readonly string[];
  /** The answer's title when no command does it. */
  title?: string;
  /** Said of oneself in any form (我明天请假), not only as a request to the bot. */
  anywhere?: boolean;
  note?: string;
  /** Above the commands' forms; 正确写法 unless the commands only bear on the request. */
  heading?: string;
}

/** 请发改委本周五前报送明年项目清单: work given in plain words is not assigned (交办 is a command with its units and deadline). */
const GIVEN: ActionRequest & { words: RegExp } = {
  words: /^(请|要求|责成|由)[^，。；？?]{0,40}?(报送|上报|提交|完成|落实|研究|制定|起草|拟定|编制|办理|推进|组织|开展|整改|解决|处理|督促|牵头)/,
  label: '交办',
  commands: ['交办'],
  title: '本条未交办任何事项：交办须按命令写明承办单位、事项和时限',
  note: '例如把「请发改委本周五前报送明年项目清单」写成：交办 发改委 报送明年项目清单 本周五。',
};

const ACTIONS: ReadonlyArray<ActionRequest & { words: RegExp; about?: RegExp }> = [
  { words: /移交|转交|转办|改派|交接/, label: '转交或移交', commands: ['转交', '拟移交'] },
  {
    words: /催办|催促|催一下|催一催|催催/,
    label: '催办',
    commands: [],
    title: '催办由机器人按规则自动发出，不根据这句话另行催办',
    note: '逾期事项由机器人每个工作日 9:00 自动催办并计入催办次数，未签收事项当日催签；机器人不另发人工催办。需要另行提醒的，请在群里直接 @承办人。',
  },
  {
    words: /撤销|撤回|撤掉|取消|作废|删除|删掉|收回/,
    // Only of assigned work (取消请假 is not withdrawing a task).
    about: /[dD][-－]?\d|交办|事项|任务|督办/,
    label: '撤销交办',
    commands: ['撤销交办'],
    title: '本条未撤销任何事项：撤销交办须由交办人或督查室按命令写明编号和理由',
    note: '撤销后台账保留原事项及其办理记录，标注「已撤销」，不再催办，不计入统计。因情况变化暂不办理的，也可由承办单位发「难以执行」，交办人或督查室答复「暂缓执行」。',
  },
  {
    // 同意 D-0002: an approval names what is approved; the bot never guesses which.
    words: /^(同意|批准|准予|准了|不同意|驳回|不予)/,
    about: /[dDcC][-－]?\d/,
    label: '审批',
    commands: ['批准延期', '驳回延期', '答复', '同意移交', '不予移交', '表态'],
    heading: '请按所审批的事项选用命令：',
    title: '本条未作任何审批：请写明同意或不同意的是哪一项',
  },
  {
    // 修改 D-0001 时限 12月25日, 更正 D-0001 牵头单位为财政厅: what was assigned is not edited in place.
    words: /修改|更正|更改|变更|改成|改为/,
    about: /[dD][-－]?\d|交办|事项|时限|牵头|配合/,
    label: '修改交办',
    commands: ['延期', '转交', '撤销交办'],
    heading: '请按要改的内容选用命令：',
    title: '本条未作任何修改：已交办事项的单位、时限和内容不能直接修改',
    note: '时限：承办单位到期前申请延期，交办人或督查室批准；承办人：单位主要负责人转交；单位或内容有误：交办人或督查室撤销交办后，按正确内容重新交办。台账保留原交办及全部记录。',
  },
  { words: /延期|延长时限|推迟/, label: '延期', commands: ['延期'] },
  { words: /办结|销号/, label: '办结', commands: ['办结'] },
  { words: /签收/, label: '签收', commands: ['签收'] },
  { words: /请假|出差|休假/, label: '请假', commands: ['请假'], anywhere: true, title: '请假须按命令登记，机器人不会根据这句话代为登记' },
];

/** Asking the bot to act: 请…, 帮我…, 把 D-… …, …一下. */
const IMPERATIVE = /^(请|帮我|帮忙|麻烦|替我|给我|你去|去)|把\s*[dＤD][-－]?\d|一下/i;
/** A question word proper (not 情况 or 问题, which a task's words often hold). */
const TRULY_ASKING = /[吗么呢？?]|多少|几件|几项|哪|谁|怎么|是否|有没有|了没/;
/** Asking about something: a question word, or a look-up verb (帮我查一下 D-0001 签收情况). */
const ASKING = /[吗么呢？?]|多少|几件|几项|哪|谁|怎么|是否|有没有|了没|没有|情况|进展|查|看|问(?!题)|了解|告诉/;

/**
 * A plain message that asks the bot to do something only a person may do by a command
 * (帮我把 D-0001 移交给财政厅): the bot never does it from such words, and says so rather than
 * answer a question nobody asked.
 */
export function actionRequest(text: string): ActionRequest | undefined {
  const t = text.trim();
  // 请财政厅报送资金问题的落实情况: work given in plain words, unless it truly asks something.
  if (t.search(GIVEN.words) === 0 && !TRULY_ASKING.test(t)) return GIVEN;
  if (ASKING.test(t)) return undefined;
  // A message that reached the questions starting with such a word is no command's (催办 D-0001).
  const actions = ACTIONS.filter((a) => !a.about || a.about.test(t));
  const leading = actions.find((a) => t.search(a.words) === 0 || (a.anywhere && a.words.test(t)));
  if (leading) return leading;
  return IMPERATIVE.test(t) ? actions.find((a) => a.words.test(t)) : undefined;
}

/** The answer to an action request: what is done by which command, with its written form. */
export function actionRequestReply(a: ActionRequest, registry: CommandCatalog): Reply {
  const lines = a.commands.flatMap((name) => {
    const c = registry.get(name);
    return c ? [`${c.name}：${c.usage.join('；')}${c.examples[0] ? `（例：${c.examples[0]}）` : ''}`] : [];
  });
  return {
    tone: 'info',
    title: a.title ?? `「${a.label}」须由有权限的人员按命令办理，机器人不会根据这句话代为操作`,
    ...(lines.length > 0 ? { lines: [a.heading ?? '正确写法：', ...lines] } : {}),
    note: a.note ?? '发「帮助 命令名」查看写法和谁可以办理。',
  };
}

/** A question about a task, beside its code: 进展如何, 办结了没有, 签收了吗. */
const TASK_QUESTION = /[吗么呢？?]|多少|几|哪|谁|怎么|如何|是否|有没有|了没|没有|情况/;

/** A command written after the code (D-0001签收, D-0001 进展 60% 初稿已完成): what to send instead. */
export interface CodeFirst {
  command: string;
  written: string;
}

/** The code first, then a command word and its arguments, and no question: a command the other way round. */
export function codeFirstCommand(text: string, registry: CommandCatalog): CodeFirst | undefined {
  const m = /^\s*([dDcC][-－]?\d+(?:-\d+)?)[\s,，:：]*(.+)$/.exec(text);
  if (!m || TASK_QUESTION.test(m[2] ?? '')) return undefined;
  const match = registry.match(m[2] ?? '');
  if (!match || match.command.fallback) return undefined;
  const code = (m[1] ?? '').toUpperCase().replace('－', '-');
  return { command: match.command.name, written: [match.command.name, code, match.rest].filter(Boolean).join(' ') };
}

/** The answer to a command written after the code: nothing done, and the message to send. */
export function codeFirstReply(c: CodeFirst): Reply {
  return {
    tone: 'info',
    title: `本条未办理「${c.command}」：命令须写在编号前面`,
    lines: [`请发：${c.written}`],
  };
}
