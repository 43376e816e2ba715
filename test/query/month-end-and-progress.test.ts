import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07');
  await h.say('陈立群', '交办 财政厅 测算资金缺口 12月18日'); // D-0001
  await h.say('陈立群', '交办 发改委 谋划明年项目 明年1月20日'); // D-0002
  await h.say('陈立群', '交办 海州市 整治城区道路 明年2月26日'); // D-0003
  await h.say('钱敏', '进展 D-0001 30% 已完成初步测算');
});
afterAll(() => h.close());

const ask = async (q: string) => (await h.say('周建国', q)).text;

describe('X月底前 in a question', () => {
  it('12月底前 is read whole: due by the end of December, nothing left unread', async () => {
    const t = await ask('12月底前要完成的有几件');
    expect(t).toContain('全省12月底前到期事项：1 件');
    expect(t).toContain('D-0001');
    expect(t).not.toContain('未能理解');
  });

  it('a month written without a year is its nearest one: 1月 asked in December is next January', async () => {
    const t = await ask('1月底前到期的有哪些');
    expect(t).toContain('全省2027年1月底前到期事项：2 件');
    expect(t).toMatch(/D-0001[\s\S]*D-0002/);
    expect(t).not.toContain('D-0003');
  });
});

describe('有进展吗', () => {
  it('财政厅的事有进展吗 answers with the reports made, quoted', async () => {
    const t = await ask('财政厅的事有进展吗');
    expect(t).toContain('省财政厅 最近7天');
    expect(t).toContain('报送进展 1 条');
    expect(t).toContain('钱敏（省财政厅）：30% 已完成初步测算');
  });

  it('发改委有没有新进展 says plainly that none was reported', async () => {
    expect(await ask('发改委有没有新进展')).toContain('省发展改革委 最近7天（12月1日（周二）至12月7日（周一））没有报送进展或办结');
  });
});

describe('a month named without a year', () => {
  it('12月份办结了几件 asked in January counts last December, not next', async () => {
    const j = await makeHarness();
    j.at('2026-12-07');
    await j.say('孙丽', '交办 发改委 编制清单 12月9日');
    await j.say('王芳', '办结 D-0001 清单已编制完成并报送');
    await j.say('孙丽', '交办 住建厅 排查燃气管网隐患 12月31日'); // D-0002, left open
    j.at('2027-01-04', '10:00');
    const t = (await j.say('周建国', '12月份办结了几件')).text;
    expect(t).toContain('全省2026年12月办结事项：1 件');
    expect((await j.say('周建国', '11月底前到期的有哪些')).text).toContain('2026年11月底前到期事项');
    // A day named without a year is in the nearest year too: 12月31日 asked in January is last December's.
    expect((await j.say('周建国', '12月31日到期的有哪些')).text).toContain('D-0002');
    await j.close();
  });
});
