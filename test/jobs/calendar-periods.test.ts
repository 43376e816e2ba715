import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

const titles = (sent: Array<{ reply: { title: string }; createdAt: string }>, prefix: string) =>
  sent.filter((m) => m.reply.title.startsWith(prefix)).map((m) => `${m.createdAt.slice(0, 10)} ${m.reply.title}`);

describe('every week with a working day gets exactly one 周通报', () => {
  it('reports 2月9日—2月15日 2026 (working Saturday, then 春节) once, on 2月24日, folding in the week without a working day', async () => {
    h = await makeHarness({ start: ['2026-02-06', '18:30'] });
    await h.say('孙丽', '交办 发改委 编制节后复工复产工作方案 2026-03-31');
    const sent = await h.until('2026-03-10', '10:00');
    expect(titles(sent, '督办周通报')).toEqual([
      '2026-02-09 督办周通报（上周，2月2日—2月8日）',
      '2026-02-24 督办周通报（两周合并，2月16日—2月22日无工作日，2月9日—2月22日）',
      '2026-03-02 督办周通报（上周，2月23日—3月1日）',
      '2026-03-09 督办周通报（上周，3月2日—3月8日）',
    ]);
  });

  it('reports each week of 国庆 2026 once: the 调休 Sunday 9月20日 does not make a second tally', async () => {
    h = await makeHarness({ start: ['2026-09-18', '18:30'] });
    await h.say('孙丽', '交办 发改委 编制节后工作方案 2026-11-30');
    const sent = await h.until('2026-10-13', '10:00');
    expect(titles(sent, '督办周通报')).toEqual([
      '2026-09-21 督办周通报（上周，9月14日—9月20日）',
      '2026-09-28 督办周通报（上周，9月21日—9月27日）',
      // 9月28日—10月4日 has working days (9-28..9-30); 10-05..10-07 are off, 10-08 is the first working day.
      '2026-10-08 督办周通报（上周，9月28日—10月4日）',
      '2026-10-12 督办周通报（上周，10月5日—10月11日）',
    ]);
  });

  it('uses the provisional 2027 春节 (no loaded arrangement): 2月1日—2月7日 is reported on 2月11日, nothing on the holiday', async () => {
    h = await makeHarness({ start: ['2027-01-29', '18:30'] });
    await h.say('孙丽', '交办 发改委 编制节后复工复产工作方案 2027-03-31');
    const sent = await h.until('2027-02-16', '10:00');
    expect(titles(sent, '督办周通报')).toEqual(['2027-02-01 督办周通报（上周，1月25日—1月31日）', '2027-02-11 督办周通报（上周，2月1日—2月7日）', '2027-02-15 督办周通报（上周，2月8日—2月14日）']);
    expect(sent.filter((m) => m.createdAt.slice(0, 10) >= '2027-02-05' && m.createdAt.slice(0, 10) <= '2027-02-10')).toEqual([]);
  });
});

describe('an unloaded year is not Monday–Friday', () => {
  it('does not chase on 元旦 2027 and warns in the group until 2027 is loaded', async () => {
    h = await makeHarness({ start: ['2026-12-28', '08:40'] });
    await h.say('孙丽', '交办 发改委 报送年度工作总结 2026-12-30');
    const sent = await h.until('2027-01-04', '10:00');
    const days = new Set(sent.map((m) => m.createdAt.slice(0, 10)));
    expect(days.has('2027-01-01')).toBe(false);
    // The daily chase runs on each working day up to 12-31 and next on 2027-01-04, not on 元旦.
    const chaseDays = [...new Set(sent.filter((m) => m.origin.startsWith('job:daily-chase')).map((m) => m.createdAt.slice(0, 10)))];
    expect(chaseDays).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04']);
    const warnings = sent.filter((m) => m.reply.title === '节假日安排待载入').map((m) => `${m.createdAt.slice(0, 10)} ${m.reply.lines?.join('')}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^2026-12-28 2027年节假日安排尚未载入，跨年的时限暂按法定节假日计算/),
      expect.stringMatching(/^2027-01-04 2027年节假日安排尚未载入，工作日暂按法定节假日计算/),
    ]);
  });
});
