import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

const task = (code = 'D-0001') => h.app.storage.transaction((r) => r.tasks.findByCode(code));
const byJob = (sent: Harness['sent'], job: string) => sent.filter((m) => m.origin.startsWith(`job:${job}`)).map((m) => `${m.createdAt.slice(0, 10)} ${h.render(m)}`);

describe('上级文件 has two limits (H1, B四(四))', () => {
  it('notifies the unit head the same day, owes a 部署 report within 3 days, and completes by the 3-month rule', async () => {
    // Friday 2026-09-25: 3 days on is Monday 09-28.
    h = await makeHarness({ start: ['2026-09-25', '10:00'] });
    const r = await h.say('孙丽', '交办 发改委 贯彻落实国务院关于促进民营经济发展的意见 来源:上级文件');
    expect(r.text).toContain('上级文件收到当天报主要负责人（H1）：请 @李明 阅知');
    expect(r.text).toContain('最多 3 天内布置落实（H1）：请于 9月28日（周一）前回复「部署 D-0001 布置落实情况」');
    expect(r.text).toContain('未明确办结时限的，3个月内报告落实情况（B四(四)）');
    expect((await task())?.deadline).toBe('2026-12-25');
  });

  it('chases the 部署 report like a deadline, across 国庆 2026, with the head and 分管负责人 once late; a 部署 stops it', async () => {
    h = await makeHarness({ start: ['2026-09-29', '10:00'] });
    await h.say('孙丽', '交办 发改委 贯彻落实重大决策部署 12月31日 来源:决策部署');
    await h.say('王芳', '签收 D-0001');
    // 3 days: 10-02 is a holiday, so the limit is the next working day, 10-08.
    const sent = await h.until('2026-10-09', '10:00');
    const chases = byJob(sent, 'deployment-chase');
    expect(chases[0]).toMatch(/^2026-09-30 催报部署情况/);
    expect(chases[0]).toContain('布置落实 10月8日（周四）前');
    expect(chases.find((c) => c.startsWith('2026-10-08'))).toContain('布置落实 今日到期');
    const late = chases.find((c) => c.startsWith('2026-10-09')) ?? '';
    expect(late).toContain('【部署情况逾期】');
    expect(late).toContain('10月8日到期，已逾期 1 个工作日');
    expect(late).toContain('@李明');
    expect(late).toContain('@高翔');
    const d = await h.say('王芳', '部署 D-0001 已召开党组会传达学习，制定分工方案');
    expect(d.text).toContain('已记录 D-0001 部署情况（超过 3 天布置落实时限）');
    expect(d.text).toContain('办结时限：12月31日（周四）');
    expect(byJob(await h.until('2026-10-12', '10:00'), 'deployment-chase')).toEqual([]);
  });

  it('takes a 进展 that starts with 部署 as the report, and refuses 部署 on other sources', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 发改委 贯彻落实上级文件精神 来源:上级文件');
    await h.say('王芳', '进展 D-0001 部署：已印发分工方案');
    expect(byJob(await h.until('2026-12-11', '10:00'), 'deployment-chase')).toEqual([]);
    await h.say('孙丽', '交办 发改委 编制清单 12月31日');
    const r = await h.say('王芳', '部署 D-0002 已安排专人');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('不是上级文件、重大决策部署事项');
  });
});

describe('same-day 签收 after working hours (J五(一), B二(五))', () => {
  it('gives work assigned after 18:00 until the end of the next working day, across the 国庆 2026 holiday', async () => {
    h = await makeHarness({ start: ['2026-09-30', '19:30'] });
    const r = await h.say('孙丽', '交办 发改委 编制节后重点工作清单 10月16日');
    expect(r.text).toContain('已在工作时间外交办：10月8日（周四）下班前签收的，视同当天签收');
    expect((await task())?.ackDue).toBe('2026-10-08');
    const sent = await h.until('2026-10-08', '17:00');
    const ack = byJob(sent, 'ack-chase');
    expect(ack).toHaveLength(1);
    expect(ack[0]).toMatch(/^2026-10-08 催签收/);
    expect(ack[0]).toContain('【工作时间外交办，今日应签收】');
    await h.say('王芳', '签收 D-0001');
    const tally = await h.app.storage.transaction((x) => x.stats.ackedOnTimeByUnit('2026-09-28', '2026-10-04'));
    expect(tally.get('fgw')).toBe(1);
  });

  it('does not chase at 09:00 as unsigned the work assigned after hours the evening before (it is due that day)', async () => {
    h = await makeHarness({ start: ['2026-12-07', '19:30'] });
    await h.say('孙丽', '交办 发改委 编制年终总结 12月18日');
    expect((await task())?.ackDue).toBe('2026-12-08');
    const morning = byJob(await h.until('2026-12-08', '10:00'), 'daily-chase');
    expect(morning.filter((m) => m.includes('D-0001') && m.includes('未签收'))).toEqual([]);
    const next = byJob(await h.until('2026-12-09', '10:00'), 'daily-chase');
    expect(next.some((m) => m.includes('D-0001') && m.includes('未签收'))).toBe(true);
  });

  it('does not count work assigned on a rest day against the signing rate before its signing day', async () => {
    h = await makeHarness({ start: ['2026-12-05', '10:00'] }); // Saturday
    await h.say('孙丽', '交办 发改委 编制年终总结 12月18日');
    const weekly = (await h.until('2026-12-07', '09:30')).map((m) => h.render(m)).find((t) => t.startsWith('督办周通报'));
    expect(weekly).toContain('发改委｜交办 1｜当日签收 0/0｜');
    h.at('2026-12-07', '10:00');
    await h.say('王芳', '签收 D-0001');
    expect((await h.say('孙丽', '上周各单位情况')).text).toContain('发改委｜交办 1｜当日签收 1/1｜');
  });

  it('counts signing on the day after hours-work was assigned as not on time when it came in working hours', async () => {
    h = await makeHarness({ start: ['2026-12-07', '10:00'] });
    await h.say('孙丽', '交办 发改委 编制清单 12月18日');
    h.at('2026-12-08', '09:00');
    await h.say('王芳', '签收 D-0001');
    const tally = await h.app.storage.transaction((x) => x.stats.ackedOnTimeByUnit('2026-12-07', '2026-12-13'));
    expect(tally.get('fgw')).toBeUndefined();
  });

  it('brings unsigned work to the unit head and its 分管负责人 one working day after its signing day', async () => {
    h = await makeHarness({ start: ['2026-12-04', '10:00'] });
    await h.say('孙丽', '交办 发改委 编制清单 12月18日');
    const sent = await h.until('2026-12-07', '17:00');
    const monday = byJob(sent, 'ack-chase').filter((m) => m.startsWith('2026-12-07'));
    expect(monday.join('\n')).toContain('【本单位超过 1 个工作日未签收】');
    expect(monday.some((m) => m.includes('@李明'))).toBe(true);
    expect(monday.some((m) => m.includes('@高翔'))).toBe(true);
    expect(monday.join('\n')).toContain('承办人 王芳（省发展改革委）');
  });
});
