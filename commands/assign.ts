import { commandButton } from '../src/core/command-button.js';
import { z } from 'zod';
import { defineCommand, type CommandInput, type ParseContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { ASSIGNER_ROLES } from '../src/domain/roles.js';
import { SOURCES, findSource, sourceLabels, type SourceKind } from '../src/domain/sources.js';
import { parseDeadline } from '../src/time/parse-deadline.js';
import { titleDeadlineNotes, trailingDeadline } from '../src/parsing/trailing-deadline.js';
import { formatDateCn } from '../src/time/shanghai.js';
import { assignTask } from '../src/domain/actions/assign.js';
import { superiorDocumentLines } from '../src/domain/deployment.js';
import { joinParts, splitParts, type Part } from '../src/parsing/split-parts.js';
import { looksLikeUnitName, resolveReference, type Reference } from '../src/parsing/resolve-reference.js';
import { deadlineText } from '../src/render/task-view.js';
import { addressPerson } from '../src/domain/leader-address.js';
import { extractKeyed } from '../src/parsing/keyed-fields.js';
import { attachRoleWords } from '../src/parsing/role-words.js';

const SOURCE_KINDS = Object.keys(SOURCES) as [SourceKind, ...SourceKind[]];

const schema = z.object({
  title: z.string().min(2, '事项内容太短，请写明要办的事').max(200, '事项内容不超过 200 字，详细要求可另行发送'),
  units: z.array(z.object({ unitId: z.string(), role: z.enum(['lead', 'co']), responsibleId: z.string() })).min(1, '请写明承办单位或承办人'),
  deadline: z.object({ date: z.string(), expression: z.string(), defaulted: z.boolean(), timeOfDay: z.string().optional() }),
  source: z.enum(SOURCE_KINDS),
  isKey: z.boolean(),
  urgent: z.boolean(),
  plan: z.boolean(),
});
type AssignArgs = z.infer<typeof schema>;

const KEY_WORDS = new Set(['重点', '【重点】', '[重点]', '重点事项', '重点督办']);
/** J五(一): 紧急 work is handled on receipt (即收即办); 年度计划 puts it in the year's plan (H3). */
const URGENT_WORDS = new Set(['紧急', '【紧急】', '[紧急]', '特急', '急件']);
const PLAN_WORDS = new Set(['年度计划', '【年度计划】', '列入年度计划']);

function refOrFail(token: string, input: CommandInput, ctx: ParseContext): Reference {
  const ref = resolveReference(token, input.mentions, ctx.directory);
  if (ref && ref.kind !== 'unknown') return ref;
  throw new UserError(
    'unknown_unit',
    `通讯录中没有「${token.replace(/^[@＠]/, '')}」这个单位或人员。可用单位：${ctx.directory
      .allUnits()
      .map((u) => u.aliases[0] ?? u.name)
      .join('、')}。`,
  );
}

/** Reads `交办` text into lead/co units, deadline, source, 重点 and the title. */
function parseAssign(input: CommandInput, ctx: ParseContext): AssignArgs {
  const keyed = extractKeyed(input.text);
  const parts = attachRoleWords(splitParts(keyed.rest), input, ctx);
  const refs: Array<{ ref: Reference; role?: 'lead' | 'co' }> = [];
  let deadlineRaw = keyed.deadline;
  let isKey = false;
  let urgent = false;
  let plan = false;
  const kinds = parts.map((p) => classify(p, input, ctx));

  // References are taken from the leading run of parts, or, when the text starts with the
  // title, from the trailing run; a unit named in the middle of the title stays text.
  const titleParts: Part[] = [];
  let leading = true;
  let leadingRefs = 0;
  const trailingStart = findTrailingRefs(kinds);
  kinds.forEach((k, i) => {
    const part = parts[i] as Part;
    if (k.kind === 'key') {
      isKey = true;
      return;
    }
    if (k.kind === 'urgent' || k.kind === 'plan') {
      if (k.kind === 'urgent') urgent = true;
      else plan = true;
      return;
    }
    if (k.kind === 'deadline') {
      if (deadlineRaw !== undefined) throw new UserError('bad_deadline', `时限写了两次（${deadlineRaw}、${part.text}），请只写一个。`);
      deadlineRaw = part.text;
      return;
    }
    // The trailing run is taken whole (开展排查 生态环境厅牵头 住建厅配合), and only when no unit led the text.
    if (k.kind === 'ref' && (leading || (leadingRefs === 0 && i >= trailingStart))) {
      if (leading) leadingRefs++;
      refs.push({ ref: k.ref, role: k.role });
      return;
    }
    if (k.kind === 'unknown-ref' && leading) {
      throw new UserError('unknown_unit', `通讯录中没有「${k.name}」。请用单位全称或简称（如 发改委、海州市），或 @承办人。`);
    }
    leading = false;
    titleParts.push(part);
  });

  // The last words meant as a deadline: 12.30 is read, 春节前 is asked for.
  if (deadlineRaw === undefined) deadlineRaw = trailingDeadline(titleParts);

  const units: AssignArgs['units'] = [];
  const add = (ref: Reference, role: 'lead' | 'co') => {
    let unitId: string;
    let responsibleId: string;
    if (ref.kind === 'person') {
      const person = ctx.directory.person(ref.personId);
      if (!person?.unitId) throw new UserError('unknown_person', `${ctx.directory.personName(ref.personId)} 不属于承办单位，不能作为承办人。`);
      unitId = person.unitId;
      responsibleId = person.id;
    } else {
      unitId = ref.unitId;
      const responsible = ctx.directory.defaultResponsible(unitId);
      if (!responsible) throw new UserError('unknown_person', `${ctx.directory.unitName(unitId)} 没有登记经办人，请 @ 具体承办人。`);
      responsibleId = responsible.id;
    }
    const existing = units.find((u) => u.unitId === unitId);
    if (existing) {
      if (ref.kind === 'person') existing.responsibleId = responsibleId;
      if (role === 'lead') existing.role = 'lead';
      return;
    }
    units.push({ unitId, role, responsibleId });
  };
  for (const name of keyed.lead) add(refOrFail(name, input, ctx), 'lead');
  for (const { ref, role } of refs) add(ref, role ?? 'co');
  for (const name of keyed.co) add(refOrFail(name, input, ctx), 'co');
  if (units.length === 0) throw new UserError('bad_arguments', '请写明承办单位或承办人（单位简称或 @承办人）。');
  const leads = units.filter((u) => u.role === 'lead');
  if (leads.length > 1) {
    throw new UserError('bad_arguments', `只能确定一个牵头单位，现在写了 ${leads.map((u) => ctx.directory.unitName(u.unitId)).join('、')}。`);
  }
  if (leads.length === 0) (units[0] as AssignArgs['units'][number]).role = 'lead';
  units.sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));

  let source: SourceKind = 'general';
  if (keyed.source !== undefined) {
    const found = findSource(keyed.source);
    if (!found) throw new UserError('bad_arguments', `来源「${keyed.source}」无法识别，可写：${sourceLabels()}。`);
    source = found;
  }
  const rule = SOURCES[source];
  let deadline: AssignArgs['deadline'];
  if (deadlineRaw !== undefined) {
    const parsed = parseDeadline(deadlineRaw, ctx.today, ctx.calendar);
    if (parsed.kind === 'none') throw new UserError('bad_deadline', `时限「${deadlineRaw}」无法识别。`);
    if (parsed.kind === 'invalid') throw new UserError(parsed.reason.includes('已过') ? 'past_deadline' : 'bad_deadline', `${parsed.reason}。`, true);
    deadline = { date: parsed.deadline.date, expression: parsed.deadline.expression, defaulted: false, ...(parsed.deadline.timeOfDay ? { timeOfDay: parsed.deadline.timeOfDay } : {}) };
  } else {
    if (urgent) throw new UserError('bad_deadline', '紧急事项即收即办、限时办结，须写明时限，如：今天、明天、12月15日、3个工作日。');
    const d = rule.defaultDeadline(ctx.today, ctx.calendar);
    if (typeof d !== 'string') throw new UserError('bad_deadline', `${d.required}，如：12月15日、5个工作日、本周五。`);
    deadline = { date: d, expression: `按${rule.label}默认时限`, defaulted: true };
  }
  const max = rule.maxDeadline?.(ctx.today);
  if (max !== undefined && deadline.date > max) {
    throw new UserError('bad_deadline', `${rule.basis}，时限不能晚于 ${formatDateCn(max, ctx.today)}。`, false);
  }
  // H12: the deadline must leave at least one working day (a holiday eve counts as the same day).
  if (source !== 'instruction' && !urgent && ctx.calendar.workingDaysBetween(ctx.today, deadline.date) < 1) {
    const earliest = ctx.calendar.addWorkingDays(ctx.today, 1);
    const why = deadline.date === ctx.today ? '时限不能定在交办当天' : `时限 ${formatDateCn(deadline.date, ctx.today)}距今没有一个工作日`;
    throw new UserError('bad_deadline', `${why}：要给承办单位留足落实时间，防止“上午开会、下午报落实情况”（H12）。请至少留 1 个工作日，最早可定 ${formatDateCn(earliest, ctx.today)}。`, false);
  }
  const title = (keyed.title ?? joinParts(titleParts)).replace(/^[:：，,。]+|[，,；;。]+$/g, '').trim();
  return { title, units, deadline, source, isKey, urgent, plan };
}

type Classified =
  | { kind: 'ref'; ref: Reference; role?: 'lead' | 'co' }
  | { kind: 'unknown-ref'; name: string }
  | { kind: 'deadline' }
  | { kind: 'key' }
  | { kind: 'urgent' }
  | { kind: 'plan' }
  | { kind: 'text' };

function classify(part: Part, input: CommandInput, ctx: ParseContext): Classified {
  const text = part.text;
  if (KEY_WORDS.has(text)) return { kind: 'key' };
  if (URGENT_WORDS.has(text)) return { kind: 'urgent' };
  if (PLAN_WORDS.has(text)) return { kind: 'plan' };
  // 发改委牵头 and 牵头发改委 alike (配合, 协办 too).
  const roleSuffix = /^(.+?)(牵头|配合|协办)(?:单位)?$/.exec(text);
  const rolePrefix = roleSuffix ? null : /^(牵头|配合|协办)(?:单位)?(.+)$/.exec(text);
  // 由生态环境厅牵头: the 由 goes with the role.
  const core = roleSuffix ? (roleSuffix[1] ?? text).replace(/^由/, '') : rolePrefix ? (rolePrefix[2] ?? text) : text;
  const roleWord = roleSuffix?.[2] ?? rolePrefix?.[1];
  const ref = resolveReference(core, input.mentions, ctx.directory);
  if (ref && ref.kind !== 'unknown') {
    const role = roleWord ? (roleWord === '牵头' ? 'lead' : 'co') : undefined;
    return { kind: 'ref', ref, role };
  }
  if (rolePrefix) return { kind: 'text' };
  if (ref?.kind === 'unknown') return { kind: 'unknown-ref', name: ref.name };
  if (parseDeadline(text, ctx.today, ctx.calendar).kind !== 'none') return { kind: 'deadline' };
  if (looksLikeUnitName(core)) return { kind: 'unknown-ref', name: core };
  return { kind: 'text' };
}

/** Index from which the parts (ignoring deadline and 重点) are all references. */
function findTrailingRefs(kinds: Classified[]): number {
  let start = kinds.length;
  for (let i = kinds.length - 1; i >= 0; i--) {
    const k = kinds[i];
    if (k?.kind === 'deadline' || k?.kind === 'key' || k?.kind === 'urgent' || k?.kind === 'plan') continue;
    if (k?.kind !== 'ref') break;
    start = i;
  }
  return start;
}

export const assign = defineCommand({
  name: '交办',
  aliases: ['assign', '布置'],
  category: '办理',
  summary: '交办督办事项：写明承办单位（第一个为牵头）、事项和时限',
  usage: [
    '交办 牵头单位 [配合单位…] 事项内容 时限 [来源:类别] [重点] [紧急] [年度计划]',
    '交办 事项内容 牵头:单位 配合:单位、单位 截止:日期',
    `来源可写：${sourceLabels()}（未写时限按来源默认；会议、批示、领导调研须写时限）`,
  ],
  examples: [
    '交办 发改委 财政厅 制定营商环境优化提升实施方案 12月15日 重点',
    '交办 @王芳 整理全省重大项目清单 3个工作日',
    '交办 推进城市更新试点 牵头:住建厅 配合:海州市、江城市 截止:月底 来源:会议',
    '交办 海州市 办理关于老旧小区加装电梯的建议 来源:人大建议',
    '交办 住建厅 办理关于城市更新的议案 来源:人大议案',
    '交办 海州市 落实调研明确的园区道路改造 来源:领导调研 12月31日',
    '交办 发改委 贯彻落实国务院关于促进民营经济发展的意见 来源:上级文件',
    '交办 海州市 核查暴雨受灾情况并报送 今天 紧急',
    '交办 交通厅 完成国省道改造 2027-06-30 年度计划',
  ],
  allowed: ASSIGNER_ROLES,
  parse: parseAssign,
  schema,
  async run(ctx, args) {
    // The same 交办 sent twice (a retyped message) would be two items in the ledger for ever.
    const lead = args.units[0]?.unitId ?? '';
    const same = await ctx.repos.tasks.sameAssignment({ assignerId: ctx.actor.id, title: args.title, leadUnitId: lead, deadline: args.deadline.date, assignedDate: ctx.today });
    if (same) {
      throw new UserError(
        'invalid_state',
        `今天已交办过相同事项 ${same}（${args.title}，牵头 ${ctx.directory.unitName(lead)}，时限相同），本条未重复交办。如确需另行交办，请在事项内容中写明区别。`,
        false,
      );
    }
    const { task, ackDue } = await assignTask(
      ctx,
      {
        title: args.title,
        source: args.source,
        isKey: args.isKey,
        assignerId: ctx.actor.id,
        deadline: args.deadline.date,
        deadlineExpression: args.deadline.expression,
        units: args.units,
        origin: ctx.message,
        note: { ...(args.urgent ? { urgent: true } : {}), ...(args.plan ? { annualPlan: Number(ctx.today.slice(0, 4)) } : {}) },
        marks: args.urgent || args.plan ? { urgent: args.urgent, planYear: args.plan ? Number(ctx.today.slice(0, 4)) : undefined } : undefined,
      },
      { workEnd: ctx.settings.workEnd },
    );
    const v = { directory: ctx.directory, calendar: ctx.calendar, today: ctx.today };
    const describe = (u: AssignArgs['units'][number]) => `${ctx.directory.unitName(u.unitId)}（${addressPerson(ctx.directory, u.responsibleId)}）`;
    const co = args.units.filter((u) => u.role === 'co');
    const notes: string[] = [];
    const dayNote = ctx.calendar.isWorkingDay(task.deadline) ? undefined : (ctx.calendar.dayNote(task.deadline) ?? '休息日');
    if (dayNote) notes.push(`时限当天为${dayNote}，请注意提前办理。`);
    if (ctx.calendar.isUncertain(task.deadline)) {
      const year = Number(task.deadline.slice(0, 4));
      const basis = ctx.calendar.isProvisional(year) ? '工作日暂按法定节假日计算（调休未知）' : '工作日按周一至周五估算';
      notes.push(`${year}年节假日安排尚未载入，${basis}，公布后请核对。`);
    }
    if (args.deadline.timeOfDay) notes.push(`时限按日计：「${args.deadline.timeOfDay}」不单独计时，${formatDateCn(task.deadline, ctx.today)}当天办结即为按期。`);
    if (args.deadline.defaulted) notes.push(`未写时限，按来源默认：${SOURCES[args.source].basis}。`);
    notes.push(...titleDeadlineNotes(args.title, args.deadline));
    const responsible = [...new Set(args.units.map((u) => u.responsibleId))];
    return {
      reply: {
        tone: 'success',
        title: `已交办 ${task.code}${args.isKey ? '【重点】' : ''}${args.urgent ? '【紧急】' : ''}`,
        fields: [
          { label: '事项', value: args.title },
          { label: '牵头', value: describe(args.units[0] as AssignArgs['units'][number]) },
          ...(co.length > 0 ? [{ label: '配合', value: co.map(describe).join('；') }] : []),
          { label: '时限', value: deadlineText(task, v) },
          { label: '来源', value: SOURCES[args.source].label },
        ],
        lines: [
          ...(args.urgent ? [`紧急事项即收即办：请承办人立即签收；未签收的，工作时间内每 ${ctx.settings.urgentChaseHours ?? 2} 个工作小时催办一次。`] : []),
          ackDue === ctx.today ? '请承办人今日内签收；办理中可随时报送进展。' : `已在工作时间外交办：${formatDateCn(ackDue, ctx.today)}下班前签收的，视同当天签收；办理中可随时报送进展。`,
          ...superiorDocumentLines(ctx, task, args.source),
        ],
        note: notes.length > 0 ? notes.join('\n') : undefined,
        actions: [commandButton('acknowledge', task.code, { style: 'primary', forPersonIds: responsible })],
        ref: { kind: 'task', code: task.code },
      },
    };
  },
});
