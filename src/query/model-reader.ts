import { z } from 'zod';
import type { Directory } from '../directory/directory.js';
import type { QuestionModelSettings } from '../core/command.js';
import type { LocalDate } from '../time/shanghai.js';
import { lexiconFor } from './lexicon.js';
import { nameForm } from './normalize-question.js';
import { fillSlots } from './read-question.js';
import type { Slots } from './slots.js';
import { buildReading } from './build-reading.js';
import { normalizeQuestion } from './normalize-question.js';
import { tokenize } from './tokenize.js';
import type { ReadResult } from './reading.js';

export type { QuestionModelSettings } from '../core/command.js';

const STATUS = z.enum(['未办结', '在办', '办结', '未签收', '已签收', '逾期', '未逾期', '到期', '即将到期', '交办', '暂缓']);

/**
 * What the model must answer: the same slots the rule reader fills, in words of the
 * vocabulary, so that one code turns either into a reading. Names must be the directory's.
 */
export const ModelAnswer = z
  .object({
    intent: z.enum(['task', 'list', 'rank', 'tally', 'unknown']),
    code: z
      .string()
      .regex(/^[DdCc]-?\d{1,9}(?:-\d{1,3})?$/)
      .optional(),
    unit: z.string().max(40).optional(),
    person: z.string().max(20).optional(),
    me: z.boolean().optional(),
    myUnit: z.boolean().optional(),
    relation: z.enum(['交办的', '负责的', '牵头的', '配合的']).optional(),
    statuses: z.array(STATUS).max(4).default([]),
    time: z.string().max(20).optional(),
    form: z.enum(['count', 'list', 'yes_no', 'all_done', 'all_acked', 'longest']).optional(),
    rank: z.enum(['worst', 'best', 'most_overdue', 'position']).optional(),
  })
  .strict();
export type ModelAnswer = z.infer<typeof ModelAnswer>;

const STATUS_WORDS: Record<z.infer<typeof STATUS>, string> = {
  未办结: '未办结',
  在办: '在办',
  办结: '办结',
  未签收: '未签收',
  已签收: '签收',
  逾期: '逾期',
  未逾期: '未逾期',
  到期: '到期',
  即将到期: '即将到期',
  交办: '交办',
  暂缓: '暂缓',
};

/** The prompt: the vocabulary, the directory's unit and person names, and the question. Never any ledger content. */
export function modelPrompt(question: string, directory: Directory): Array<{ role: 'system' | 'user'; content: string }> {
  const lex = lexiconFor(directory);
  return [
    {
      role: 'system',
      content: [
        '你把政府督查督办工作中领导的提问转换为 JSON，只输出一个 JSON 对象，不要解释。',
        '字段：intent（task 查某个编号事项 | list 查事项清单或件数 | rank 单位排名 | tally 各单位统计 | unknown 不是查询）；',
        'code（事项编号，D- 后接数字）；unit（单位，必须是下列单位名称之一）；person（人员，必须是下列人员之一）；me（问本人）；myUnit（问本单位）；',
        'relation（交办的 | 负责的 | 牵头的 | 配合的）；statuses（数组，取值：未办结 在办 办结 未签收 已签收 逾期 未逾期 到期 即将到期 交办 暂缓，注意否定：“没办完”是未办结）；',
        'time（时间词原样照抄，如 本周、下周、本月、上月、12月、今年、最近7天、12月15日前）；form（count 几件 | list 哪些 | yes_no 有没有 | all_done 是否都办完 | all_acked 是否都签收 | longest 逾期最久）；',
        'rank（worst 最差 | best 最好 | most_overdue 逾期最多 | position 排第几）。不确定的字段不要写；单位或人员不在名单中时 intent 写 unknown。',
        `单位：${lex.unitNames.join('、')}`,
        `人员：${lex.personNames.join('、')}`,
      ].join('\n'),
    },
    { role: 'user', content: question },
  ];
}

const Completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

/**
 * Asks the model for a reading. Returns undefined on a timeout, an HTTP error, an answer that is
 * not the JSON asked for, or names that are not in the directory: the caller keeps the rule reading.
 */
export async function readWithModel(question: string, directory: Directory, today: LocalDate, settings: QuestionModelSettings): Promise<ReadResult | undefined> {
  try {
    const res = await fetch(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.key ? { authorization: `Bearer ${settings.key}` } : {}) },
      body: JSON.stringify({ model: settings.model, messages: modelPrompt(question, directory), temperature: 0, response_format: { type: 'json_object' } }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!res.ok) return undefined;
    const completion = Completion.safeParse(await res.json());
    if (!completion.success) return undefined;
    const content = completion.data.choices[0]?.message.content ?? '';
    const json = /\{[\s\S]*\}/.exec(content)?.[0];
    if (!json) return undefined;
    const answer = ModelAnswer.safeParse(JSON.parse(json));
    if (!answer.success) return undefined;
    return fromModel(answer.data, directory, today);
  } catch {
    return undefined;
  }
}

/** Turns the model's answer into a reading through the rule reader's own slot code, checking every name. */
export function fromModel(a: ModelAnswer, directory: Directory, today: LocalDate): ReadResult | undefined {
  if (a.intent === 'unknown') return undefined;
  const parts: string[] = [];
  if (a.code) parts.push(a.code);
  if (a.unit) {
    const unit = directory.findUnit(a.unit) ?? directory.allUnits().find((u) => nameForm(u.name) === nameForm(a.unit ?? ''));
    if (!unit) return undefined;
    parts.push(unit.name);
  }
  if (a.person) {
    const person = directory.findPerson(a.person);
    if (!person) return undefined;
    parts.push(person.name);
  }
  if (a.myUnit) parts.push('我单位');
  else if (a.me) parts.push('我');
  if (a.relation) parts.push(a.relation);
  if (a.time) parts.push(a.time);
  parts.push(...a.statuses.map((s) => STATUS_WORDS[s]));
  if (a.form) parts.push({ count: '几件', list: '哪些', yes_no: '有没有', all_done: '都办结了吗', all_acked: '都签收了吗', longest: '最久' }[a.form]);
  if (a.intent === 'rank' && a.rank) parts.push({ worst: '哪个单位最差', best: '哪个单位最好', most_overdue: '谁逾期最多', position: '排第几' }[a.rank]);
  if (a.intent === 'tally') parts.push('各单位');
  const slots: Slots = fillSlots(tokenize(normalizeQuestion(parts.join(' ')), lexiconFor(directory), today));
  const result = buildReading(slots, directory, today);
  // The model's words come from the vocabulary: anything left over means it answered outside it.
  if (!result.reading || result.ignored.length > 0 || result.unknownNames.length > 0) return undefined;
  if (a.intent === 'rank' && result.reading.kind !== 'rank') return undefined;
  return result;
}
