import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

const until = (date: string, time?: string) => h.until(date, time);

/** A week of work: 12-07 … 12-11, with on-time and late work, chases and a coordination. */
async function aWeekOfWork() {
  h = await makeHarness({ start: ['2026-12-07', '08:50'] });
  await h.say('陈立群', '交办 发改委 编制专项债清单 12月9日'); // D-0001 late, chased twice
  await h.say('陈立群', '交办 财政厅 测算资金 12月10日'); // D-0002 on time
  await h.say('刘海燕', '交办 住建厅 排查危房 12月8日'); // D-0003 signed next day, done late
  await h.say('王芳', '签收 D-0001');
  await h.say('钱敏', '签收 D-0002');
  await h.say('王芳', '协调 D-0001 与省财政厅对口径意见不一致');
  await until('2026-12-08', '10:00');
  await h.say('杨帆', '签收 D-0003');
  await until('2026-12-10', '10:00');
  await h.say('钱敏', '办结 D-0002 资金测算已完成并报送');
  await h.say('杨帆', '办结 D-0003 危房排查已完成');
  await until('2026-12-11', '17:00');
}

describe('周通报', () => {
  it('posts last week per unit on Monday morning: assigned, signed on the day, on time, overdue, chases, coordination, a ranking and the longest overdue', async () => {
    await aWeekOfWork();
    const monday = await until('2026-12-14', '09:30');
    const tally = monday.find((m) => m.reply.title.startsWith('督办周通报'));
    expect(tally?.reply.title).toBe('督办周通报（上周，12月7日—12月13日）');
    expect(tally?.createdAt).toBe('2026-12-14T09:00:00.000+08:00');
    const text = h.render(tally!);
    expect(text).toContain('1. 财政厅｜交办 1｜当日签收 1/1｜按期办结 1/1｜逾期 0｜催办 0｜协调 0');
    expect(text).toContain('2. 住建厅｜交办 1｜当日签收 0/1｜按期办结 0/1｜逾期办结 1｜逾期 0｜催办 2｜协调 0｜记入台账 1');
    expect(text).toContain('3. 发改委｜交办 1｜当日签收 1/1｜按期办结 0/0｜逾期 1｜催办 2｜协调 1｜记入台账 1');
    expect(text).toContain('逾期最久：D-0001（发改委，逾期 5 天）');
    expect(text).toContain('无事项：办公厅、自然资源厅');
  });

  it('can be asked for at any time by leaders: 周报, 统计 本月, and in plain words', async () => {
    await aWeekOfWork();
    h.at('2026-12-14', '10:00');
    const weekly = await h.say('周建国', '周报');
    expect(weekly.text).toContain('督办周通报（上周，12月7日—12月13日）');
    const month = await h.say('孙丽', '统计 本月');
    expect(month.text).toContain('督办月统计（本月，12月1日—12月31日）');
    expect(month.text).toContain('发改委｜交办 1｜当日签收 1/1｜按期办结 0/0｜逾期 1');
    const words = await h.say('周建国', '@督办助手 上周各单位情况');
    expect(words.text).toContain('督办周通报（上周，12月7日—12月13日）');
    const quarter = await h.say('陈立群', '统计 2026年第4季度');
    expect(quarter.text).toContain('季度督查考核（2026年第4季度，10月1日—12月31日）');
    const refused = await h.say('王芳', '周报');
    expect(refused.text).toContain('「周报」仅限主要领导、分管领导、秘书长、副秘书长、督查室、管理员、单位主要负责人使用');
  });
});

describe('月统计 and 季度考核', () => {
  it('posts last month on its first working day, naming late and overdue items by unit', async () => {
    h = await makeHarness({ start: ['2026-11-23', '10:00'] });
    await h.say('孙丽', '交办 发改委 事项甲 11月25日');
    await h.say('孙丽', '交办 海州市 事项乙 11月26日');
    h.at('2026-11-27', '10:00');
    await h.say('王芳', '办结 D-0001 已完成并报送');
    const sent = await until('2026-12-01', '09:30');
    const monthly = sent.find((m) => m.reply.title.startsWith('督办月统计'));
    expect(monthly?.reply.title).toBe('督办月统计（2026年11月，11月1日—11月30日）');
    const text = h.render(monthly!);
    expect(text).toContain('逾期办结：D-0001（发改委）');
    expect(text).toContain('海州市｜交办 1｜当日签收 0/1｜按期办结 0/0｜逾期 1');
  });

  it('reviews the quarter in the first working week, assigns the last-ranked unit a rectification task and names units over 10% undone', async () => {
    h = await makeHarness({ start: ['2026-09-21', '10:00'] });
    await h.say('孙丽', '交办 发改委 事项甲 9月23日');
    await h.say('孙丽', '交办 财政厅 事项乙 9月24日');
    await h.say('钱敏', '签收 D-0002');
    await until('2026-09-24', '10:00');
    await h.say('钱敏', '办结 D-0002 已按期完成');
    // 10-01 … 10-07 is 国庆: the review comes on the first working day of October.
    const sent = await until('2026-10-08', '09:30');
    const review = sent.find((m) => m.reply.title.startsWith('季度督查考核'));
    expect(review?.createdAt.slice(0, 10)).toBe('2026-10-08');
    const text = h.render(review!);
    expect(text).toContain('季度督查考核（2026年第3季度，7月1日—9月30日）');
    expect(text).toContain('1. 财政厅');
    expect(text).toMatch(/限时整改：省发展改革委 排名靠后，已开具整改清单 D-0003（@李明，10-21 前，2 项）/);
    expect(text).toContain('年度计划预警：省发展改革委 2026年计划 1 件，截至10月1日前未按期落实 1 件（100%），全年超过10%的须向上级作出书面说明。');
    expect(text).toContain('予以表扬：财政厅');
    const rectification = await h.app.storage.transaction((r) => r.tasks.findByCode('D-0003'));
    expect(rectification).toMatchObject({ leadUnitId: 'fgw', isKey: true, assignerId: 'sun-li', deadline: '2026-10-21', title: '整改清单：2026年第3季度督查考核排名靠后限时整改' });
    const items = await h.app.storage.transaction((r) => r.tasks.stages(rectification!.id));
    expect(items.map((t) => t.title)).toEqual(['针对排名靠后问题提出限时整改方案', 'D-0001 事项甲（逾期未办结）整改到位']);
  });
});

describe('协调 on the scheduler', () => {
  it('climbs an unanswered coordination item after two working days, and reminds parties that have not stated a position', async () => {
    h = await makeHarness({ start: ['2026-12-07', '10:00'] });
    await h.say('陈立群', '交办 发改委 财政厅 编制规划 12月31日');
    await h.say('王芳', '协调 D-0001 与省财政厅对资金口径意见不一致');
    const wed = await until('2026-12-09', '09:30');
    const up = wed.find((m) => m.reply.title === 'C-0001 提请分管领导协调');
    expect(up?.reply.mentions).toEqual([]); // the 分管领导 hears by 专报, not by @ in the group
    expect(h.render(up!)).toContain('请 陈立群 出具协调意见。');
    h.at('2026-12-09', '10:00');
    await h.say('陈立群', '协调意见 C-0001 按财政厅口径执行');
    await h.say('王芳', '表态 C-0001 同意');
    const fri = await until('2026-12-11', '09:30');
    const remind = fri.find((m) => m.reply.title.startsWith('协调事项待表态'));
    expect(remind?.reply.mentions).toEqual(['qian-min']);
    expect(h.render(remind!)).toContain('C-0001（D-0001 编制规划）：省财政厅尚未表态');
  });
});

describe('节假日安排提醒', () => {
  it('tells the group weekly from December while next year is missing', async () => {
    h = await makeHarness({ start: ['2026-11-23', '10:00'] });
    await h.say('孙丽', '帮助');
    const nov = await until('2026-11-30', '09:30');
    expect(nov.filter((m) => m.reply.title === '节假日安排待载入')).toEqual([]);
    const dec = await until('2026-12-07', '09:30');
    const warn = dec.filter((m) => m.reply.title === '节假日安排待载入');
    expect(warn).toHaveLength(1);
    expect(h.render(warn[0]!)).toContain('2027年节假日安排尚未载入');
  });
});
