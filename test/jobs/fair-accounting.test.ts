import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { mentionedPeople } from '../../src/core/reply.js';
import { isLeader } from '../../src/domain/ladder.js';
import type { OutgoingMessage } from '../../src/outbox/outgoing.js';

let h: Harness;
afterEach(() => h.close());

const task = (code: string) => h.app.storage.transaction((r) => r.tasks.findByCode(code));
const titled = (ms: OutgoingMessage[], prefix: string) => ms.filter((m) => m.reply.title.startsWith(prefix));
const toPerson = (ms: OutgoingMessage[], name: string) => ms.filter((m) => m.targetKind === 'person' && m.targetId === name);
const chasesOn = (ms: OutgoingMessage[], date: string) => titled(ms, '每日督办提醒').filter((m) => m.createdAt.startsWith(date));
const chaseTo = (ms: OutgoingMessage[], personId: string) =>
  titled(ms, '每日督办提醒')
    .filter((m) => m.reply.mentions?.[0] === personId)
    .at(-1);

describe('a pending request stops the clock', () => {
  it('a 延期 filed before the deadline pauses chasing and overdue counting; the approver is chased through the office; a refusal resumes from the original deadline', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] });
    await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月4日');
    await h.say('王芳', '签收 D-0001');
    h.at('2026-12-04', '10:00');
    await h.say('王芳', '延期 D-0001 至 12月18日 需与财政厅逐一核对额度，已完成初筛');
    const mon = await h.until('2026-12-07');
    expect(
      chasesOn(mon, '2026-12-07')
        .map((m) => h.render(m))
        .join('\n'),
    ).not.toContain('D-0001');
    expect(titled(mon, '督查室通报')).toEqual([]);
    expect((await task('D-0001'))?.chaseCount).toBe(0);
    // The approver, a leader, is asked one-to-one with the exact commands; the office sees one line.
    const leader = h.render(toPerson(mon, '陈立群').at(-1)!);
    expect(leader).toContain('【待您审批】\nD-0001 编制专项债项目清单｜延期申请（至 12月18日）：需与财政厅逐一核对额度，已完成初筛｜请审批：回复「批准延期 D-0001」或「驳回延期 D-0001 理由」');
    expect(leader).not.toContain('回复「签收 编号」');
    expect(h.render(toPerson(mon, '孙丽').at(-1)!)).toContain('D-0001 编制专项债项目清单｜延期申请（至 12月18日）待 陈立群（常务副省长） 或督查室审批，答复时限 12月8日；暂停催办。');
    h.at('2026-12-07', '10:00');
    expect((await h.say('周建国', '统计 本月')).text).toMatch(/发改委｜[^\n]*｜逾期 0｜/);
    await h.say('陈立群', '驳回延期 D-0001 该事项须按期完成');
    expect((await h.say('周建国', '统计 本月')).text).toMatch(/发改委｜[^\n]*｜逾期 1｜/);
    const tue = await h.until('2026-12-08');
    expect(h.render(chaseTo(tue, 'wang-fang')!)).toContain('D-0001 编制专项债项目清单｜12月4日到期，逾期 4 天｜第 1 次催办');
    expect(
      toPerson(tue, '陈立群')
        .map((m) => h.render(m))
        .join('\n'),
    ).not.toContain('待您审批');
  });

  it('a 难以执行 waiting for its answer pauses chasing the same way', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] });
    await h.say('孙丽', '交办 财政厅 清理历史欠款 12月4日');
    await h.say('钱敏', '签收 D-0001');
    await h.say('钱敏', '难以执行 D-0001 涉及多年账目，须审计后方可清理');
    const mon = await h.until('2026-12-07');
    expect(chaseTo(mon, 'qian-min')?.createdAt.startsWith('2026-12-07') ?? false).toBe(false);
    expect(h.render(toPerson(mon, '孙丽').at(-1)!)).toContain('D-0001 清理历史欠款｜难以执行反馈待督查室审批');
    h.at('2026-12-07', '10:00');
    await h.say('孙丽', '答复 D-0001 继续执行 请先清理近三年账目');
    expect(h.render(chaseTo(await h.until('2026-12-08'), 'qian-min')!)).toContain('第 1 次催办');
  });
});

describe('co-units answer for their part (H6)', () => {
  it('完成配合: the co-unit is neither chased nor counted; the lead still is', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] });
    await h.say('陈立群', '交办 发改委 财政厅 编制专项债项目清单 12月4日');
    await h.say('王芳', '签收 D-0001');
    await h.say('钱敏', '签收 D-0001');
    expect((await h.say('王芳', '完成配合 D-0001 已完成')).text).toContain('由配合单位报告');
    const r = await h.say('钱敏', '完成配合 D-0001 已向发改委提供全部项目资金测算');
    expect(r.messages[0]?.reply.title).toBe('D-0001 配合部分已完成（省财政厅 钱敏 12-03 10:00）');
    expect(r.text).toContain('此后不再就该事项催办省财政厅；牵头单位 省发展改革委 负总责，继续办理。');
    const mon = await h.until('2026-12-07');
    expect(chaseTo(mon, 'wang-fang')?.createdAt.startsWith('2026-12-07')).toBe(true);
    expect(chasesOn(mon, '2026-12-07').filter((m) => m.reply.mentions?.[0] === 'qian-min')).toEqual([]);
    const ledger = await h.app.storage.transaction((x) => x.chases.forTask(1));
    expect(ledger.filter((c) => c.kind === 'overdue').map((c) => c.unitId)).toEqual(['fgw']);
    h.at('2026-12-07', '10:00');
    const month = (await h.say('孙丽', '统计 本月')).text;
    expect(month).toMatch(/发改委｜[^\n]*逾期 1｜催办 1/);
    expect(month).toMatch(/财政厅｜[^\n]*逾期 0｜催办 0/);
  });
});

describe('extensions and stages in the tallies', () => {
  it('a task completed within an approved extension is not 逾期, and the tally shows 按期 / 延期内 / 逾期办结 apart', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'] });
    await h.say('孙丽', '交办 发改委 事项甲 12月3日');
    await h.say('孙丽', '交办 发改委 事项乙 12月3日');
    await h.say('孙丽', '交办 发改委 事项丙 12月3日');
    await h.say('王芳', '签收 D-0001 D-0002 D-0003');
    await h.say('王芳', '延期 D-0002 至 12月10日 需等待省政府常务会议审议');
    await h.say('孙丽', '批准延期 D-0002');
    await h.say('王芳', '办结 D-0001 已按要求完成并报送');
    h.at('2026-12-08', '10:00');
    const inExt = await h.say('王芳', '办结 D-0002 方案已经常务会议审议通过');
    expect(inExt.messages[0]?.reply.title).toBe('D-0002 已办结：经批准延期，在延长期限内办结（较原定时限晚 5 天）');
    expect(inExt.text).not.toContain('逾期');
    const late = await h.say('王芳', '办结 D-0003 清单已报送');
    expect(late.messages[0]?.reply.title).toBe('D-0003 已办结（逾期 5 天）');
    const stats = (await h.say('孙丽', '统计 本月')).text;
    expect(stats).toContain('发改委｜交办 3｜当日签收 3/3｜按期办结 1/3｜延期内办结 1｜逾期办结 1｜');
    expect(stats).toContain('逾期办结：D-0003（发改委）');
    expect(stats).not.toContain('D-0002（发改委）');
    expect((await h.say('孙丽', '查询 D-0002')).text).toContain('（经批准延期，在延长期限内办结）');
  });

  it('a task with overdue stages is one overdue item for the unit, its stages listed under it', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'] });
    await h.say('孙丽', '交办 发改委 编制十五五规划纲要 2027-03-31');
    await h.say('王芳', '签收 D-0001');
    await h.say('王芳', '分解 D-0001 完成调研摸底 12月3日；形成纲要初稿 12月4日；征求意见 2027-02-26');
    await h.until('2026-12-07');
    h.at('2026-12-07', '10:00');
    const week = (await h.say('孙丽', '周报 本周')).text;
    expect(week).toMatch(/发改委｜[^\n]*逾期 1｜催办 1｜/);
    expect(week).toContain('逾期最久：D-0001（发改委，逾期 4 天；逾期阶段 D-0001-1、D-0001-2）');
  });
});

describe('leaders are never @-mentioned in group chasing', () => {
  it('over three weeks of chasing, notices and requests, no group message from a job @-mentions a leader, and leaders never get the handler footer', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'] });
    await h.say('周建国', '交办 发改委 事项甲 12月2日');
    await h.say('陈立群', '交办 财政厅 发改委 事项乙 12月3日');
    await h.say('刘海燕', '交办 办公厅 事项丙 12月3日'); // 办公厅's head is the 秘书长, a leader
    await h.say('孙丽', '交办 住建厅 事项丁 12月4日');
    await h.say('杨帆', '签收 D-0004');
    await h.say('杨帆', '延期 D-0004 至 12月18日 等待材料');
    const sent = await h.until('2026-12-22');
    // The chase and notices of the ladder (the afternoon 催签收 belongs to another job).
    const group = sent.filter((m) => m.targetKind === 'chat' && /^(每日督办提醒|督查室通报|办公厅通报)/.test(m.reply.title));
    expect(titled(group, '办公厅通报').length).toBeGreaterThan(0);
    for (const m of group)
      expect(
        mentionedPeople(m.reply).filter((id) => isLeader(h.directory.person(id))),
        m.reply.title,
      ).toEqual([]);
    const leaders = ['周建国', '陈立群', '刘海燕', '吴德明'];
    for (const m of sent.filter((x) => x.targetKind === 'person' && leaders.includes(x.targetId))) {
      expect(h.render(m)).not.toContain('回复「签收 编号」');
    }
    // At most one 专报 per person per working day.
    const days = sent.filter((m) => m.targetKind === 'person').map((m) => `${m.targetId}:${m.createdAt.slice(0, 10)}`);
    expect(new Set(days).size).toBe(days.length);
  });
});
