import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  await h.say('陈立群', '交办 发改委 财政厅 编制十五五规划纲要 2027-03-31'); // D-0001: 发改委 leads, 财政厅 co
  await h.say('王芳', '签收 D-0001');
});
afterEach(() => h.close());

const task = (code: string) => h.app.storage.transaction((r) => r.tasks.findByCode(code));
const taskCount = () => h.app.storage.transaction((r) => r.tasks.count({}));

describe('分解 cannot assign across units', () => {
  it('refuses a handler who gives a stage to a unit that is not on the task, and creates nothing', async () => {
    const r = await h.say('王芳', '分解 D-0001 完成调研摸底 12月20日；编制交通专篇 2027-01-29 交通运输厅');
    expect(r.text).toContain('阶段「编制交通专篇」的责任方 省交通运输厅 不是 D-0001 的承办单位');
    expect(r.text).toContain('增加其他单位须由交办人或督查室分解');
    const byPerson = await h.say('王芳', '分解 D-0001 完成调研摸底 12月20日；自然资源专篇 2027-01-29 @何静');
    expect(byPerson.text).toContain('何静（省自然资源厅） 不是 D-0001 的承办单位');
    expect(await taskCount()).toBe(1);
  });

  it('lets the lead unit split among the task’s own units, and each stage records who split it', async () => {
    const r = await h.say('王芳', '分解 D-0001 完成调研摸底 12月20日；征求意见 2027-02-26 财政厅');
    expect(r.text).toContain('D-0001 已分解为 2 个阶段');
    expect(r.text).toContain('分解人：王芳');
    expect(await task('D-0001-2')).toMatchObject({ splitBy: 'wang-fang', units: [expect.objectContaining({ unitId: 'czt' })] });
    const shown = await h.say('孙丽', '查询 D-0001-2');
    expect(shown.text).toContain('分解：王芳（阶段由其分解）');
    // Its history says it was split from the task, never that its splitter assigned it.
    expect(shown.text).toMatch(/王芳 分解 D-0001 形成本阶段，牵头 省财政厅，时限 2027-02-26/);
    expect(shown.text).not.toMatch(/王芳 交办/);
    const audit = await h.app.storage.transaction(async (r2) => r2.audit.forTask((await r2.tasks.findByCode('D-0001-2'))?.id ?? 0));
    expect(audit[0]).toMatchObject({ action: 'assign', actorId: 'wang-fang', details: expect.objectContaining({ splitBy: 'wang-fang' }) });
  });

  it('lets the assigner or 督查室 bring another unit into a stage', async () => {
    const r = await h.say('孙丽', '分解 D-0001 完成调研摸底 12月20日；编制交通专篇 2027-01-29 交通运输厅');
    expect(r.text).toContain('D-0001 已分解为 2 个阶段');
    expect(await task('D-0001-2')).toMatchObject({ splitBy: 'sun-li', units: [expect.objectContaining({ unitId: 'jtt' })] });
  });
});
