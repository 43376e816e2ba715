import { seesOverview } from '../src/domain/roles.js';
import { z } from 'zod';
import { defineCommand, type CommandContext, type CommandInput, type ParseContext, type PrepareContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { normalizeTaskCode } from '../src/domain/task.js';
import { normalizeCoordinationCode } from '../src/domain/coordination.js';
import { readQuestion } from '../src/query/read-question.js';
import { fullyRead, type ReadResult } from '../src/query/reading.js';
import { actionRequest, actionRequestReply, codeFirstCommand, codeFirstReply } from '../src/query/action-request.js';
import { answerReading, notUnderstood } from '../src/query/answer-query.js';
import { queryExamples } from '../src/query/query-examples.js';
import { readWithModel } from '../src/query/model-reader.js';

/** What `查询 …` and a plain-words question both become: the text and the rule reader's reading of it. */
interface QueryArgs {
  text: string;
  plain: boolean;
  result: ReadResult;
  /** The reading came from the model (DUBAN_LLM_URL). */
  byModel?: boolean;
}

const schema = z.custom<QueryArgs>((v) => typeof v === 'object' && v !== null && 'result' in v && 'text' in v);

function parseQuestion(input: CommandInput, ctx: ParseContext): QueryArgs {
  const text = input.text.trim();
  const plain = input.plain ?? false;
  if (text.length === 0) {
    // `查询` alone: a handler's own work; a leader's overview. Plain empty text: asked what to do.
    const mine = !seesOverview(ctx.actor);
    return {
      text,
      plain,
      result: { reading: plain ? undefined : { kind: 'list', subject: mine ? { kind: 'me' } : { kind: 'all' }, cond: {}, form: 'overview' }, unknownNames: [], ignored: [], corrected: [] },
    };
  }
  // An @mention names a person even when the display name differs from the directory's.
  let asked = text;
  for (const m of input.mentions) {
    if (m.personId && m.name) asked = asked.replace(`@${m.name}`, `@${ctx.directory.personName(m.personId)}`).replace(`＠${m.name}`, `@${ctx.directory.personName(m.personId)}`);
  }
  const rules = codeAlone(asked) ?? readQuestion(asked, ctx.directory, ctx.today);
  const model = isReadResult(input.prepared) ? input.prepared : undefined;
  const result = model ?? rules;
  for (const m of input.mentions) {
    if (!m.personId) continue;
    const i = result.unknownNames.indexOf(m.name);
    if (i >= 0) result.unknownNames.splice(i, 1);
    const r = result.reading;
    if (r?.kind === 'list' && r.subject.kind === 'all') r.subject = { kind: 'person', personId: m.personId };
    else if (!r && text.replace(/[@＠]\S+/g, '').trim().length === 0) result.reading = { kind: 'list', subject: { kind: 'person', personId: m.personId }, cond: {}, form: 'overview' };
  }
  return { text, plain, result, byModel: model !== undefined };
}

/** `查询 D-0003`, the commonest question, read without the question reader (which reads it the same: checked in test/query/corpus.test.ts). */
export function codeAlone(text: string): ReadResult | undefined {
  const m = /^\s*(?:([Dd]-\d+(?:-\d+)*)|([Cc]-\d+))\s*$/.exec(text);
  if (!m) return undefined;
  const code = m[1] ? normalizeTaskCode(m[1]) : normalizeCoordinationCode(m[2] ?? '');
  if (!code) return undefined;
  const reading = m[1] ? { kind: 'task' as const, code } : { kind: 'coordination' as const, code };
  return { unknownNames: [], ignored: [], corrected: [], reading };
}

function isReadResult(v: unknown): v is ReadResult {
  return typeof v === 'object' && v !== null && 'unknownNames' in v && 'ignored' in v && 'reading' in v;
}

/** Before the transaction: a question the rules cannot fully read goes to the model, when one is configured. */
async function askModel(text: string, ctx: PrepareContext): Promise<ReadResult | undefined> {
  const model = ctx.settings.questionModel;
  if (!model || text.trim().length === 0) return undefined;
  if (actionRequest(text)) return undefined;
  const rules = readQuestion(text, ctx.directory, ctx.today);
  // Several questions in one: the model reads one intent, and would merge them as the rules did.
  if (fullyRead(rules) || rules.unanswered) return undefined;
  // Nothing of an unregistered account's message leaves the machine.
  if (!(await ctx.knownSender())) return undefined;
  ctx.aside();
  return readWithModel(text, ctx.directory, ctx.today, model);
}

async function runQuestion(ctx: CommandContext, args: QueryArgs) {
  const { result, byModel } = args;
  const act = args.plain ? actionRequest(args.text) : undefined;
  if (act) return { reply: actionRequestReply(act, ctx.commands) };
  const backwards = args.plain ? codeFirstCommand(args.text, ctx.commands) : undefined;
  if (backwards) return { reply: codeFirstReply(backwards) };
  if (!result.reading && result.unknownNames.length === 0) {
    if (!args.plain) throw new UserError('bad_arguments', `看不懂「${args.text}」要查什么。可以问：${queryExamples(ctx.directory).join('；')}`);
    const names = ctx.commands.commands
      .filter((c) => c.category === undefined || c.category === '办理' || c.category === '查询')
      .map((c) => c.name)
      .join('、');
    return { reply: notUnderstood(args.text, ctx, names) };
  }
  const reply = await answerReading(result, ctx, { historyLimit: args.plain ? 5 : undefined });
  if (byModel) reply.note = [reply.note, '本问题由模型辅助理解（只发送了问题和通讯录中的单位、人员名称）。'].filter(Boolean).join('\n');
  return { reply };
}

export const query = defineCommand({
  name: '查询',
  aliases: ['query', 'status', '查', '查看'],
  category: '查询',
  summary: '查询事项详情或清单：编号、逾期、未签收、本周到期、某单位、某人、我的；也可直接用日常说法提问',
  usage: ['查询 编号', '查询 逾期｜未签收｜本周到期｜在办｜我的', '查询 单位或人员 [逾期｜未签收｜没办完…]'],
  examples: ['查询 D-0001', '查询 逾期', '查询 发改委 未签收', '查询 @王芳', '查询 我的', '查询 本月 办结'],
  allowed: 'anyone',
  fallback: true,
  prepare: askModel,
  parse: parseQuestion,
  schema,
  run: runQuestion,
});
