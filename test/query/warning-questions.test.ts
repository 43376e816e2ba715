import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07', '09:00');
  await h.say('孙丽', '效能告诫 海州市 多次逾期未落实'); // G-0001
  await h.say('孙丽', '效能告诫 @王芳 报送材料严重滞后'); // G-0002
});
afterAll(() => h.close());

const ask = async (who: string, q: string) => (await h.say(who, q)).text;

describe('questions about 效能告诫', () => {
  it('今年有几个单位被告诫 answers from the register, not with the year’s assignments', async () => {
    const t = await ask('周建国', '今年有几个单位被告诫');
    expect(t).toContain('效能告诫台账（2026年）：2 次');
    expect(t).toMatch(/G-0001 [^\n]*海州市政府（单位）｜多次逾期未落实/);
    expect(t).not.toContain('交办事项');
  });

  it('海州市被告诫了吗 is the unit’s register', async () => {
    const t = await ask('周建国', '海州市被告诫了吗');
    expect(t).toContain('效能告诫台账（海州市政府，2026年）：1 次');
    expect(t).not.toContain('G-0002');
  });

  it('效能告诫的有哪些 (a command word first) is a question, not a 效能告诫 refused for a name', async () => {
    const t = await ask('周建国', '效能告诫的有哪些');
    expect(t).not.toContain('通讯录中没有');
    expect(t).toContain('效能告诫台账（2026年）：2 次');
  });

  it('a 交办 naming a unit missing from the directory stays a 交办 refused for it, whatever question words its title holds', async () => {
    const t = await ask('孙丽', '交办 教育厅 统计哪些学校逾期未改造 12月31日');
    expect(t).toContain('通讯录中没有「教育厅」');
    expect(t).not.toContain('事项：');
  });

  it('去年谁被告诫过 reads the year named', async () => {
    const t = await ask('周建国', '去年谁被告诫过');
    expect(t).toContain('效能告诫台账（2025年）：0 次');
    expect(t).not.toContain('未能理解');
  });

  it('the register is for the roles that may read it', async () => {
    expect(await ask('王芳', '我单位被告诫了吗')).toContain('效能告诫台账供主要领导、分管领导、秘书长、督查室、管理员查看');
  });
});
