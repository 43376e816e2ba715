import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07');
  await h.say('孙丽', '交办 发改委 财政厅 编制明年重点项目清单 12月9日'); // D-0001 fgw lead, czt co
  await h.say('孙丽', '交办 海州市 回复网民留言 12月9日'); // D-0002 hz
  await h.say('孙丽', '交办 住建厅 排查燃气管网隐患 12月31日'); // D-0003 zjt, not overdue
  h.at('2026-12-11');
});
afterAll(() => h.close());

const ask = async (q: string) => (await h.say('周建国', q)).text;

describe('谁 beside a list question', () => {
  it('逾期的事情谁负责 names each unit of every listed item with its responsible person', async () => {
    const t = await ask('逾期的事情谁负责');
    expect(t).toContain('全省逾期事项：2 件');
    expect(t).toMatch(/D-0001 [^\n]*｜责任人：省发展改革委 王芳；配合 省财政厅 钱敏/);
    expect(t).toMatch(/D-0002 [^\n]*｜责任人：海州市政府 林雪/);
    expect(t).not.toContain('D-0003');
  });

  it('a list asked without 谁 keeps its short lines', async () => {
    expect(await ask('哪些事逾期了')).not.toContain('责任人：');
  });

  it('有几件逾期，谁负责的 is one question: the count and who, with nothing left unanswered', async () => {
    const t = await ask('有几件逾期，谁负责的');
    expect(t).toContain('全省逾期事项：2 件');
    expect(t).toContain('｜责任人：海州市政府 林雪');
    expect(t).not.toContain('未作答复');
  });

  it('a later clause asking something else is still named as not answered', async () => {
    const t = await ask('有几件逾期，哪个单位最差');
    expect(t).toContain('「哪个单位最差」未作答复');
  });
});

describe('tally words', () => {
  it('上周的周通报 reads 周通报 whole: nothing reported as not understood', async () => {
    const t = await ask('上周的周通报');
    expect(t).toContain('督办周通报（上周，11月30日—12月6日）');
    expect(t).not.toContain('未能理解');
  });

  it('本月的月通报 is the month tally', async () => {
    const t = await ask('本月的月通报');
    expect(t).toContain('督办月统计（本月，12月1日—12月31日）');
    expect(t).not.toContain('未能理解');
  });

  it('ranking lines give each unit its place in words, tied units sharing it, never a list number', async () => {
    const t = await ask('哪个单位逾期最多');
    expect(t).toContain('本月逾期最多：省发展改革委、海州市政府（1 件）');
    const places = [...t.matchAll(/^\s*(\S+)（并列第 (\d+)，共 \d+ 个有事项的单位）：逾期 1 件/gm)].map((m) => [m[1], m[2]]);
    expect(places.map((p) => p[0])).toEqual(['省发展改革委', '海州市政府']);
    expect(places[0]?.[1]).toBe(places[1]?.[1]);
    expect(t).not.toMatch(/^\s*\d+\. /m);
  });
});

describe('我分管的单位 in a ranking', () => {
  it('哪个最差 among the units a 分管领导 covers, never naming another leader’s unit', async () => {
    const t = (await h.say('陈立群', '我分管的单位哪个最差')).text;
    expect(t).toContain('您分管的单位中本月排名最后：');
    expect(t).not.toContain('住房城乡建设厅');
    expect(t).toContain('仅含您分管的单位：');
  });
});
