import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

const task = (code = 'D-0001') => h.app.storage.transaction((r) => r.tasks.findByCode(code));

describe('a deadline must leave a working day (H12)', () => {
  it('refuses 10月1日 on 9月30日 2026 (国庆 follows: 0 working days left) and names the earliest acceptable date', async () => {
    h = await makeHarness({ start: ['2026-09-30', '10:00'] });
    const r = await h.say('孙丽', '交办 发改委 报送节前安全检查落实情况 10月1日');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('时限 10月1日（周四）距今没有一个工作日');
    expect(r.text).toContain('请至少留 1 个工作日，最早可定 10月8日（周四）');
    expect(await task()).toBeUndefined();
    const ok = await h.say('孙丽', '交办 发改委 报送节前安全检查落实情况 10月8日');
    expect(ok.text).toContain('时限：10月8日（周四），还有 1 个工作日');
  });

  it('counts the 调休 Saturday before 春节 2026 as the working day left, and refuses from it into the holiday', async () => {
    h = await makeHarness({ start: ['2026-02-13', '10:00'] });
    // Friday 02-13 → Sunday 02-15: Saturday 02-14 is a 调休 working day, so one is left.
    const sunday = await h.say('孙丽', '交办 发改委 报送节前值班安排 2026-02-15');
    expect(sunday.result.outcome).toBe('handled');
    h.at('2026-02-14', '10:00');
    const intoHoliday = await h.say('孙丽', '交办 发改委 报送节日期间安全检查情况 2026-02-20');
    expect(intoHoliday.result.outcome).toBe('refused');
    expect(intoHoliday.text).toContain('最早可定 2月24日（周二）');
  });

  it('still lets a 领导批示 be due the same day (即收即办)', async () => {
    h = await makeHarness({ start: ['2026-09-30', '10:00'] });
    const r = await h.say('周建国', '交办 发改委 落实批示精神 今天 来源:批示');
    expect(r.result.outcome).toBe('handled');
  });
});

describe('sources and their default time limits (B三(五), B三(六), B四(四))', () => {
  it('requires a deadline for 领导调研明确事项', async () => {
    h = await makeHarness();
    const r = await h.say('陈立群', '交办 海州市 落实调研中明确的园区道路改造 来源:领导调研');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('领导调研明确的事项须在规定时间内办结（B三(五)），请写明时限');
    const ok = await h.say('陈立群', '交办 海州市 落实调研中明确的园区道路改造 来源:领导调研 12月31日');
    expect(ok.text).toContain('来源：领导调研明确事项');
  });

  it('gives a 人大议案 6 months, a 人大建议 3 months (never past 6)', async () => {
    h = await makeHarness();
    const motion = await h.say('孙丽', '交办 住建厅 办理关于城市更新的议案 来源:人大议案');
    expect((await task('D-0001'))?.deadline).toBe('2027-06-07'); // 06-07 is a Monday
    expect(motion.text).toContain('来源：人大议案');
    expect(motion.text).toContain('人大议案（领衔办理）6个月内办结（B三(六)）');
    await h.say('孙丽', '交办 住建厅 办理关于加装电梯的建议 来源:人大建议');
    expect((await task('D-0002'))?.deadline).toBe('2027-03-08');
    const late = await h.say('孙丽', '交办 住建厅 办理议案 来源:议案 2027-07-01');
    expect(late.text).toContain('不能晚于 2027年6月7日');
  });
});

describe('难以执行 counts from 交办 (H3)', () => {
  it('counts 5 working days from 交办 across 春节 2026 and its 调休 Saturday, signed or not', async () => {
    h = await makeHarness({ start: ['2026-02-10', '10:00'] });
    await h.say('孙丽', '交办 自然资源厅 调整重大项目用地布局 2026-04-30');
    await h.say('孙丽', '交办 自然资源厅 编制国土空间专项规划 2026-04-30');
    // 02-11 (1), 02-12 (2), 02-13 (3), 02-14 Saturday 调休 (4), 02-15..23 春节, 02-24 (5).
    h.at('2026-02-24', '10:00');
    const within = await h.say('何静', '难以执行 D-0001 涉及生态红线调整，需国家审批');
    expect(within.result.outcome).toBe('handled');
    h.at('2026-02-25', '10:00');
    const unsigned = await h.say('何静', '难以执行 D-0002 规划基础数据尚未下发');
    expect(unsigned.result.outcome).toBe('refused');
    expect(unsigned.text).toContain('D-0002 于 2月10日（周二）交办，至今 6 个工作日，超过 5 个工作日，不能再反馈难以执行');
    expect(unsigned.text).toContain('从交办起算，不论是否签收');
  });
});

describe('time limits in 2027 without a loaded arrangement (暂按法定节假日计算)', () => {
  it('refuses 2027-01-01 on 2026-12-31 (provisional 元旦) and names 2027-01-04, with the provisional note', async () => {
    h = await makeHarness({ start: ['2026-12-31', '10:00'] });
    const r = await h.say('孙丽', '交办 发改委 报送年度总结 2027-01-01');
    expect(r.text).toContain('最早可定 2027年1月4日（周一）');
    const ok = await h.say('孙丽', '交办 发改委 报送年度总结 2027-01-04');
    expect(ok.text).toContain('2027年节假日安排尚未载入，工作日暂按法定节假日计算（调休未知），公布后请核对');
  });

  it('counts 难以执行 and the after-hours signing day across the provisional 2027 春节', async () => {
    h = await makeHarness({ start: ['2027-02-03', '19:00'] });
    await h.say('孙丽', '交办 自然资源厅 调整用地布局 2027-04-30');
    // After hours on 02-03: signing is due 02-04 (a working day before 除夕 02-05).
    expect((await h.app.storage.transaction((r) => r.tasks.findByCode('D-0001')))?.ackDue).toBe('2027-02-04');
    // 02-04 (1), 02-05..02-10 off (春节 and 补假), 02-11 (2), 02-12 (3), 02-15 (4), 02-16 (5), 02-17 (6).
    h.at('2027-02-16', '10:00');
    expect((await h.say('何静', '难以执行 D-0001 需国家审批')).result.outcome).toBe('handled');
  });
});

describe('帮助 lists the new commands and sources', () => {
  it('shows 部署 and 确认表态, and the sources with 人大议案 and 领导调研', async () => {
    h = await makeHarness();
    const all = await h.say('孙丽', '帮助');
    expect(all.text).toContain('部署：上级文件、重大决策部署：收到后最多 3 天内报送布置落实情况（H1）');
    expect(all.text).toContain('确认表态：单位主要负责人（或代行人）确认本单位经办人的表态');
    const assign = await h.say('孙丽', '帮助 交办');
    expect(assign.text).toContain('人大议案');
    expect(assign.text).toContain('领导调研明确事项');
  });
});
