import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07', '09:00');
  await h.say('孙丽', '交办 发改委 编制明年重点项目清单 12月9日'); // D-0001: chased 12-10, 12-11, 12-14
  await h.say('孙丽', '交办 住建厅 排查燃气管网隐患 12月31日'); // D-0002: not due
  await h.until('2026-12-14', '10:00');
});
afterAll(() => h.close());

describe('拟移交 in a question', () => {
  it('拟移交的有哪些 from the 主要领导 lists the work on the 拟移交 list, not a refusal of the 拟移交 command', async () => {
    const t = (await h.say('周建国', '拟移交的有哪些')).text;
    expect(t).not.toContain('仅限督查室');
    expect(t).toContain('全省列入拟移交名单事项：1 件');
    expect(t).toContain('D-0001');
    expect(t).not.toContain('D-0002');
  });
});
