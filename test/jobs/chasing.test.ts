import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { instantAt } from '../../src/time/shanghai.js';

let h: Harness;
afterEach(() => h.close());

const until = (date: string, time?: string) => h.until(date, time);
const titles = (ms: Awaited<ReturnType<typeof until>>) => ms.map((m) => m.reply.title);
const task = (code: string) => h.app.storage.transaction((r) => r.tasks.findByCode(code));

describe('working days only', () => {
  it('does not chase on a weekend, during 国庆 or on 春节, and does on a 调休 Saturday', () => {
    return (async () => {
      h = await makeHarness();
      const daily = (d: string) => h.app.scheduler.occurrencesOn(d).filter((o) => o.job === 'daily-chase');
      expect(daily('2026-12-12')).toEqual([]); // Saturday
      expect(daily('2026-12-13')).toEqual([]); // Sunday
      for (let d = 1; d <= 7; d++) expect(daily(`2026-10-0${d}`)).toEqual([]); // 国庆
      for (const d of ['2026-02-16', '2026-02-17', '2026-02-20', '2026-02-23']) expect(daily(d)).toEqual([]); // 春节
      expect(daily('2026-10-10')).toEqual([expect.objectContaining({ time: '09:00', period: '2026-10-10' })]); // 调休 Saturday
      expect(daily('2026-02-14')).toHaveLength(1); // 调休 Saturday before 春节
      // Nor at all outside working hours, even on a working day.
      expect(await h.app.scheduler.due(instantAt('2026-12-07', '07:00'))).toEqual([]);
      expect(await h.app.scheduler.due(instantAt('2026-12-07', '19:00'))).toEqual([]);
      expect(await h.app.scheduler.due(instantAt('2026-12-12', '10:00'))).toEqual([]);
    })();
  });

  it('chases an overdue task across 国庆 only on working days, the 调休 Saturday included', async () => {
    h = await makeHarness({ start: ['2026-09-25', '10:00'] });
    await h.say('孙丽', '交办 发改委 报送三季度经济运行分析 9月28日');
    await h.say('王芳', '签收 D-0001');
    const sent = await until('2026-10-12');
    const toWang = sent.filter((m) => m.reply.title.startsWith('每日督办提醒') && m.reply.mentions?.[0] === 'wang-fang');
    expect(toWang.map((m) => m.createdAt.slice(0, 10))).toEqual([
      '2026-09-28', // due today: 预警
      '2026-09-29',
      '2026-09-30', // chases 1 and 2
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12', // after 国庆, the 调休 Saturday included
    ]);
    expect((await task('D-0001'))?.chaseCount).toBe(6);
  });
});

describe('逐级催办 (两通报、一移交)', () => {
  it('climbs 1 → 2 → 3 over three working days, @-mentioning only the unit at each step, never the leader', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] }); // Thursday
    await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月4日');
    await h.say('王芳', '签收 D-0001');
    const chaseTo = (ms: Awaited<ReturnType<typeof until>>) =>
      ms.find((m) => m.reply.title.startsWith('每日督办提醒') && m.reply.mentions?.[0] === 'wang-fang' && m.createdAt.slice(0, 10) === h.clock.now().toISOString().slice(0, 10));
    // Monday 12-07: 1st chase, the responsible person only, and the 督查室通报.
    const mon = await until('2026-12-07');
    const first = chaseTo(mon);
    expect(first?.reply.mentions).toEqual(['wang-fang']);
    expect(h.render(first!)).toContain('D-0001 编制专项债项目清单｜12月4日到期，逾期 3 天｜第 1 次催办，予以督查室通报，记入日常考核工作台账');
    expect(titles(mon)).toContain('督查室通报〔2026〕第1期');
    // Tuesday: 2nd chase, also the unit head, with an 办公厅通报.
    const tue = await until('2026-12-08');
    const second = chaseTo(tue);
    expect(second?.reply.mentions).toEqual(['wang-fang', 'li-ming']);
    expect(h.render(second!)).toContain('第 2 次催办，予以办公厅通报，请单位主要负责人作出说明并提出整改落实措施');
    expect(titles(tue)).toContain('办公厅通报〔2026〕第1期');
    // Wednesday: 3rd chase lists it for 拟移交; the 分管领导 is not @-mentioned and nothing is handed over.
    const wed = await until('2026-12-09');
    const third = chaseTo(wed);
    expect(third?.reply.mentions).toEqual(['wang-fang', 'li-ming']);
    expect(h.render(third!)).toContain('第 3 次催办，列入拟移交名单，由督查室、秘书长研究');
    const t = await task('D-0001');
    expect(t?.chaseCount).toBe(3);
    expect(t?.ladderStep).toBe(3);
    expect(t?.accountabilityAt).toBeUndefined();
    // The daily ledger holds each chase with its number.
    const ledger = await h.app.storage.transaction((r) => r.chases.forTask(t?.id ?? 0));
    expect(ledger.filter((c) => c.kind === 'overdue').map((c) => [c.chasedDate, c.chaseNo])).toEqual([
      ['2026-12-07', 1],
      ['2026-12-08', 2],
      ['2026-12-09', 3],
    ]);
  });

  it('sends each person one combined message listing all their items', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'] });
    await h.say('孙丽', '交办 发改委 事项甲 12月2日');
    await h.say('孙丽', '交办 发改委 事项乙 12月3日');
    await h.say('孙丽', '交办 发改委 财政厅 事项丙 12月4日');
    await h.say('孙丽', '交办 发改委 事项丁 12月10日');
    await h.say('王芳', '签收 D-0001 D-0002 D-0003 D-0004');
    const mon = await until('2026-12-07');
    const monday = mon.filter((m) => m.createdAt.startsWith('2026-12-07') && m.reply.title.startsWith('每日督办提醒'));
    const toWang = monday.filter((m) => m.reply.mentions?.[0] === 'wang-fang');
    expect(toWang).toHaveLength(1);
    const text = h.render(toWang[0]!);
    for (const code of ['D-0001', 'D-0002', 'D-0003']) expect(text).toContain(`${code} 事项`);
    expect(text).toContain('【到期预警】\nD-0004 事项丁｜12月10日（周四）到期，还有 3 个工作日');
    // The co-unit's person gets their own single message.
    expect(monday.filter((m) => m.reply.mentions?.[0] === 'qian-min')).toHaveLength(1);
  });

  it('does not chase a paused task, and the count survives a handover', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'] });
    await h.say('孙丽', '交办 发改委 事项甲 12月2日');
    await h.say('孙丽', '交办 财政厅 事项乙 12月2日');
    await h.say('钱敏', '签收 D-0002');
    await h.say('钱敏', '难以执行 D-0002 系统停用');
    await h.say('孙丽', '答复 D-0002 暂缓执行');
    await until('2026-12-04');
    expect((await task('D-0001'))?.chaseCount).toBe(2);
    expect((await task('D-0002'))?.chaseCount).toBe(0);
    h.at('2026-12-04', '10:00');
    await h.say('李明', '转交 D-0001 @李明');
    const mon = await until('2026-12-07');
    const third = mon.find((m) => m.reply.mentions?.[0] === 'li-ming' && m.reply.title.startsWith('每日督办提醒'));
    expect(h.render(third!)).toContain('第 3 次催办，列入拟移交名单');
  });

  it('warns 3 and 1 working days before the deadline, and on the day', async () => {
    h = await makeHarness({ start: ['2026-12-04', '10:00'] }); // Friday
    await h.say('孙丽', '交办 @何静 整理用地清单 12月10日'); // Thursday next week
    await h.say('何静', '签收');
    const warnings = async (date: string) => (await until(date)).filter((m) => m.reply.title.startsWith('每日督办提醒')).map((m) => h.render(m));
    expect(await warnings('2026-12-07')).toEqual([expect.stringContaining('12月10日（周四）到期，还有 3 个工作日')]);
    expect(await warnings('2026-12-08')).toEqual([]);
    expect(await warnings('2026-12-09')).toEqual([expect.stringContaining('还有 1 个工作日')]);
    expect(await warnings('2026-12-10')).toEqual([expect.stringContaining('今日到期')]);
  });

  it('chases unacknowledged work the same afternoon, then daily', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 海州市 排查港区隐患 12月18日');
    const afternoon = await until('2026-12-07', '17:00');
    expect(titles(afternoon)).toEqual(['催签收 · 12月7日（周一）']);
    expect(h.render(afternoon[0]!)).toContain('D-0001 排查港区隐患（海州市政府）');
    const next = await until('2026-12-08');
    expect(h.render(next.find((m) => m.reply.title.startsWith('每日督办提醒'))!)).toContain('已 1 个工作日未签收');
    await h.say('林雪', '签收 D-0001');
    expect((await until('2026-12-09')).filter((m) => h.render(m).includes('未签收'))).toEqual([]);
  });

  it('prompts a task running over a month that has no progress report this month', async () => {
    h = await makeHarness({ start: ['2026-10-12', '10:00'] });
    await h.say('孙丽', '交办 发改委 编制十五五规划 2027-03-31'); // D-0001: long, silent
    await h.say('孙丽', '交办 财政厅 编制年度预算 2027-01-29'); // D-0002: long, reports
    await h.say('孙丽', '交办 海州市 短期事项 12月31日'); // D-0003
    h.at('2026-11-05', '10:00');
    await h.say('孙丽', '交办 江城市 新近交办 2027-03-31'); // D-0004: not yet a month old
    h.at('2026-11-10', '10:00');
    await h.say('钱敏', '进展 D-0002 30% 已下发编制通知');
    const sent = await until('2026-11-20', '10:00'); // 11-20 is a Friday: the prompt day
    const prompts = sent.filter((m) => m.reply.title.startsWith('月度进展提醒'));
    const text = prompts.map((m) => h.render(m)).join('\n');
    expect(text).toContain('D-0001 编制十五五规划｜10月12日交办，尚未报送过进展');
    expect(text).toContain('D-0003 短期事项');
    expect(text).not.toContain('D-0002');
    expect(text).not.toContain('D-0004');
    expect(prompts[0]?.createdAt.slice(0, 10)).toBe('2026-11-20');
  });
});

describe('long lists', () => {
  it('lists at most 30 items in one message and counts the rest', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'] });
    for (let i = 1; i <= 40; i++) await h.say('孙丽', `交办 @何静 事项${i} 12月2日`);
    const sent = await h.until('2026-12-03');
    const msg = sent.find((m) => m.createdAt.startsWith('2026-12-03') && m.reply.title.startsWith('每日督办提醒'));
    const text = h.render(msg!);
    expect(text.match(/｜12月2日到期，逾期 1 天｜第 1 次催办/g)).toHaveLength(30);
    expect(text).toContain('另有 50 项未列出，发「查询 我的」查看全部。'); // 10 more overdue, and 40 unsigned
  });
});
