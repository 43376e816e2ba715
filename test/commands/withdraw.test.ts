import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
const audits = () => h.app.storage.transaction((r) => r.audit.count());
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07', '09:00');
  await h.say('孙丽', '交办 发改委 财政厅 编制明年重点项目清单 12月9日'); // D-0001, assigned by the office
  await h.say('陈立群', '交办 海州市 整治城区道路 12月9日'); // D-0002, assigned by a leader
  await h.say('孙丽', '交办 住建厅 排查燃气管网隐患 12月31日'); // D-0003
  await h.say('王芳', '签收 D-0001');
  await h.say('王芳', '协调 D-0001 与财政厅对资金来源意见不一致'); // C-0001
  await h.say('王芳', '延期 D-0001 至 12月20日 等待财政数据');
  await h.say('杨帆', '签收 D-0003');
  await h.say('孙丽', '分解 D-0003 摸底排查 12月15日；集中整治 12月25日'); // D-0003-1, D-0003-2
  await h.say('杨帆', '办结 D-0003-1 已完成摸底');
});
afterAll(() => h.close());

describe('撤销交办', () => {
  it('is refused to a handler by role, and to a leader who did not assign the task; nothing is recorded', async () => {
    const before = await audits();
    expect((await h.say('王芳', '撤销交办 D-0001 交办有误')).text).toContain('「撤销交办」仅限');
    expect((await h.say('刘海燕', '撤销交办 D-0001 交办有误')).text).toContain('D-0001 的撤销交办由督查室（孙丽）办理');
    expect(await audits()).toBe(before);
  });

  it('修改 or 更正 of assigned work changes nothing and names the commands that do', async () => {
    const before = await audits();
    for (const text of ['修改 D-0001 时限 12月25日', '更正 D-0001 牵头单位为财政厅']) {
      const r = await h.say('孙丽', text);
      expect(r.text).toContain('本条未作任何修改：已交办事项的单位、时限和内容不能直接修改');
      expect(r.text).toContain('撤销交办 事项编号 理由');
      expect(r.text).not.toContain('状态：');
    }
    expect(await audits()).toBe(before);
  });

  it('needs a reason and a task code, and points 撤销 G-… to 撤销告诫', async () => {
    expect((await h.say('孙丽', '撤销 D-0001')).text).toContain('须写明撤销理由');
    expect((await h.say('孙丽', '撤销 G-0001 误发')).text).toContain('撤销效能告诫请发「撤销告诫 G-0001 理由」');
    expect((await h.say('孙丽', '撤销交办 交办有误')).text).toContain('请写明事项编号');
  });

  it('withdraws the task, ends its coordination and its pending request in the same record, and tells its units', async () => {
    const r = await h.say('孙丽', '撤销 D-0001 交办单位有误，应为自然资源厅，已重新交办');
    expect(r.result.outcome).toBe('handled');
    expect(r.text).toContain('已撤销交办 D-0001');
    expect(r.text).toContain('请 省发展改革委（@王芳）、省财政厅（@钱敏） 知悉：本事项不再办理，不再催办。');
    expect(r.text).toContain('协调 C-0001 随之结束。');
    expect(r.text).toContain('待审批的延期申请随之了结，不再审批。');
    const card = (await h.say('周建国', '查询 D-0001')).text;
    expect(card).toContain('状态：已撤销');
    expect(card).toContain('孙丽 撤销交办：交办单位有误，应为自然资源厅，已重新交办；协调 C-0001 随之结束；待审批的延期申请随之了结');
    // Ended, never reported as agreed.
    expect((await h.say('周建国', 'C-0001 协调得怎么样')).text).toContain('状态：随事项撤销交办而终止，未协调一致');
    expect((await h.say('郑晓东', '协调意见 C-0001 由发改委牵头')).text).toContain('所涉事项已撤销交办，协调随之终止');
    expect((await h.say('孙丽', '批准延期 D-0001')).text).toContain('没有待审批的延期申请');
  });

  it('is answered once: the units cannot act on withdrawn work, and it cannot be withdrawn again', async () => {
    expect((await h.say('钱敏', '签收 D-0001')).text).toContain('D-0001 已撤销交办，无须再签收。');
    expect((await h.say('王芳', '进展 D-0001 50% 继续')).text).toContain('D-0001 已撤销交办，无须再报送进展。');
    expect((await h.say('王芳', '办结 D-0001 清单已编制完成并印发')).text).toContain('D-0001 已撤销交办，无须再办结。');
    expect((await h.say('孙丽', '撤销交办 D-0001 再撤一次')).text).toContain('D-0001 已撤销交办，无需再撤销。');
  });

  it('a leader withdraws what he assigned; a parent takes its open stages with it, never a completed one', async () => {
    expect((await h.say('陈立群', '撤销交办 D-0002 工作安排调整，不再办理')).text).toContain('已撤销交办 D-0002');
    const r = await h.say('孙丽', '撤销交办 D-0003 已纳入全省专项整治统一部署');
    expect(r.text).toContain('随之撤销的阶段：D-0003-2');
    expect((await h.say('周建国', '查询 D-0003-2')).text).toContain('状态：已撤销');
    expect((await h.say('周建国', '查询 D-0003-1')).text).toContain('状态：已办结');
    expect((await h.say('孙丽', '撤销交办 D-0003-1 阶段交办有误')).text).toContain('D-0003-1 已办结，不能撤销交办');
  });

  it('a stage withdrawn alone is owed by no one: the task completes with its other stages', async () => {
    await h.say('孙丽', '交办 交通厅 推进综合交通规划 12月31日'); // D-0004
    await h.say('孙丽', '分解 D-0004 编制初稿 12月15日；征求意见 12月25日');
    expect((await h.say('孙丽', '撤销交办 D-0004-2 征求意见并入初稿阶段')).text).toContain('已撤销交办 D-0004-2');
    const r = await h.say('许娜', '办结 D-0004-1 初稿已编制并征求各方意见');
    expect(r.text).toContain('D-0004-1 已办结');
    expect((await h.say('周建国', '查询 D-0004')).text).toContain('状态：已办结');
  });

  it('withdrawn work is not chased, listed or counted in the tallies', async () => {
    const sent = (await h.until('2026-12-14', '10:00')).map((m) => h.render(m)).join('\n');
    expect(sent).toContain('督办周通报（上周，12月7日—12月13日）');
    expect(sent).not.toMatch(/D-000[123]/);
    // Nothing of that week counts: the week's tally names no unit of the withdrawn work.
    // The week's only assignment counted is D-0004, which was not withdrawn.
    expect(sent).toMatch(/\d+\. 交通厅｜交办 1｜/);
    expect(sent).not.toMatch(/\d+\. (?:住建厅|海州市)｜/);
    expect(sent).not.toMatch(/发改委｜交办 1/);
    expect((await h.say('周建国', '哪些事逾期了')).text).toContain('全省逾期事项：0 件');
    const assigned = (await h.say('周建国', '上周交办了多少件')).text;
    expect(assigned).toContain('全省上周交办事项：1 件'); // D-0004 alone
    expect(assigned).not.toMatch(/D-000[123]/);
  });
});
