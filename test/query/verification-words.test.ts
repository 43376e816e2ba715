import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07');
  await h.say('孙丽', '交办 交通厅 编制综合交通规划 12月18日 重点'); // D-0001, 重点: always drawn for 复核
  await h.say('孙丽', '交办 住建厅 排查燃气管网隐患 12月18日 重点'); // D-0002
  await h.say('许娜', '办结 D-0001 规划已编制完成并报省政府');
  await h.say('杨帆', '办结 D-0002 已完成全省燃气管网排查');
  await h.say('孙丽', '复核 D-0001 不实 规划尚未报省政府 截止:12月22日');
  await h.say('孙丽', '复核 D-0002 属实');
});
afterAll(() => h.close());

describe('questions about 复核', () => {
  it('复核不实的有哪些 from a leader is a question, not a 复核 refused for his role', async () => {
    const t = (await h.say('周建国', '复核不实的有哪些')).text;
    expect(t).not.toContain('仅限督查室');
    expect(t).toContain('全省退回重办事项：1 件');
    expect(t).toContain('D-0001');
    expect(t).not.toContain('D-0002');
  });

  it('有几件被退回重办 and 复核属实的有几件 count what the 复核 found', async () => {
    expect((await h.say('周建国', '有几件被退回重办')).text).toContain('全省退回重办事项：1 件');
    const verified = (await h.say('周建国', '复核属实的有几件')).text;
    expect(verified).toContain('全省复核属实事项：1 件');
    expect(verified).toContain('D-0002');
  });

  it('returned work reads 退回重办, never the 100% of the completion it lost', async () => {
    const card = (await h.say('周建国', '查询 D-0001')).text;
    expect(card).toContain('状态：退回重办（办理中）');
    expect(card).not.toContain('办理中 100%');
  });

  it('a 复核 command with a code from a leader is still refused for his role', async () => {
    expect((await h.say('周建国', '复核 D-0001 属实')).text).toContain('「复核」仅限督查室使用');
  });
});
