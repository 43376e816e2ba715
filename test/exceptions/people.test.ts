import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeHarness, type Harness } from '../support/harness.js';
import { DEMO_DIRECTORY_PATH, parseDirectory } from '../../src/directory/load-directory.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const task = (code: string) => h.app.storage.transaction((r) => r.tasks.findByCode(code));

describe('转交 (新官要理旧账)', () => {
  it('moves every open task and coordination item of a departing person to the successor, keeping history, deadlines and chase counts', async () => {
    // The directory already lists 王芳's successor 赵新 in the same unit.
    const yaml = readFileSync(DEMO_DIRECTORY_PATH, 'utf8').replace(
      '  - { id: zhao-gang,',
      '  - { id: zhao-xin, name: 赵新, title: 省发展改革委综合处副处长, unit: fgw, roles: [经办人] }\n  - { id: zhao-gang,',
    );
    await h.close();
    h = await makeHarness({ directory: parseDirectory(yaml, 'test') });
    // 王芳 holds three open tasks in three states, a coordination request and a finished task.
    await h.say('陈立群', '交办 发改委 编制专项规划 12月31日'); // D-0001 待签收
    await h.say('陈立群', '交办 发改委 财政厅 测算资金缺口 12月18日'); // D-0002 办理中
    await h.say('王芳', '签收 D-0002');
    await h.say('孙丽', '交办 发改委 梳理项目清单 12月25日'); // D-0003 暂缓执行
    await h.say('王芳', '难以执行 D-0003 项目库系统停用');
    await h.say('孙丽', '答复 D-0003 暂缓执行');
    await h.say('王芳', '协调 D-0002 与省财政厅对测算口径意见不一致'); // C-0001
    await h.say('孙丽', '交办 发改委 报送年度总结 12月20日'); // D-0004 completed: stays
    await h.say('王芳', '办结 D-0004 已按要求完成并报送');
    await h.app.storage.transaction((r) => r.tasks.update(2, { chaseCount: 2 }, 'x'));
    const historyBefore = await h.app.storage.transaction(async (r) => (await r.audit.forTask(2)).length);

    expect((await h.say('钱敏', '转交 @王芳 @赵新')).text).toContain('人员整体转交由所在单位主要负责人或督查室办理');
    expect((await h.say('李明', '转交 @王芳 @蒋涛')).text).toContain('接任者须与原经办人同属 省发展改革委');

    const r = await h.say('李明', '转交 @王芳 @赵新');
    expect(r.text).toContain('已转交：王芳 → 赵新（4 项）');
    expect(r.text).toContain('@赵新');
    expect(r.text).toContain('D-0001 编制专项规划｜待签收');
    expect(r.text).toContain('D-0002 测算资金缺口｜办理中｜12-18 截止｜已催办 2 次');
    expect(r.text).toContain('D-0003 梳理项目清单｜暂缓执行');
    expect(r.text).toContain('C-0001 协调事项（提请人）');
    expect(r.text).not.toContain('D-0004');
    for (const code of ['D-0001', 'D-0002', 'D-0003']) {
      const t = await task(code);
      expect(t?.units.find((u) => u.unitId === 'fgw')?.responsibleId, code).toBe('zhao-xin');
    }
    expect((await task('D-0004'))?.units[0]?.responsibleId).toBe('wang-fang');
    const d2 = await task('D-0002');
    expect(d2).toMatchObject({ chaseCount: 2, deadline: '2026-12-18', status: 'active' });
    expect(d2?.units[0]?.ackedBy).toBe('wang-fang'); // the unit's receipt stands
    const history = await h.app.storage.transaction((x) => x.audit.forTask(2));
    expect(history.length).toBe(historyBefore + 2); // + the task's handover, + C-0001's handover
    expect((await h.app.storage.transaction((x) => x.coordinations.findByCode('C-0001')))?.requesterId).toBe('zhao-xin');
    // The successor can act at once; the departed person no longer can.
    expect((await h.say('赵新', '进展 D-0002 50% 已接手，正在核对测算口径')).result.outcome).toBe('handled');
    expect((await h.say('王芳', '进展 D-0002 10% 交接中')).text).toContain('省发展改革委：赵新、李明');
  });

  it('hands over a single task within the unit', async () => {
    await h.say('孙丽', '交办 发改委 编制专项规划 12月31日');
    const r = await h.say('王芳', '转交 D-0001 @李明');
    expect(r.text).toContain('D-0001 已转交：王芳 → 李明');
    expect((await task('D-0001'))?.units[0]?.responsibleId).toBe('li-ming');
    expect((await h.say('李明', '转交 D-0001 @钱敏')).text).toContain('钱敏 所在单位不是 D-0001 的承办单位');
  });
});

describe('代行', () => {
  it('lets the acting person act for the unit during the period, and not after', async () => {
    await h.say('孙丽', '交办 海州市 推进港口建设 12月31日');
    const notHead = await h.say('林雪', '代行 @林雪 至 12月11日');
    expect(notHead.text).toContain('「代行」仅限单位主要负责人、督查室、管理员使用');
    const r = await h.say('邓强', '代行 @林雪 至 12月11日');
    expect(r.text).toContain('海州市政府：12月7日（周一）至12月11日（周五）由 林雪 代行主要负责人职责');
    expect((await h.say('邓强', '代行 @王芳 至 12月11日')).text).toContain('代行人须为本单位人员');
    // 林雪 is the responsible handler anyway; reassign to show acting authority on another task.
    await h.say('孙丽', '交办 @邓强 审定港口规划 12月31日');
    expect((await h.say('林雪', '签收 D-0002')).text).toContain('D-0002 已签收（海州市政府 林雪');
    h.at('2026-12-14');
    await h.say('孙丽', '交办 @邓强 审定航道规划 12月31日');
    expect((await h.say('林雪', '签收 D-0003')).result.outcome).toBe('refused');
  });

  it('shows the acting person among those who may act, and 代行 结束 ends it', async () => {
    await h.say('孙丽', '交办 @邓强 审定港口规划 12月31日');
    await h.say('邓强', '代行 @林雪 至 12月31日');
    const card = await h.app.bot.taskCard('D-0001');
    expect(card?.actions?.[0]?.forPersonIds).toEqual(['deng-qiang', 'lin-xue']);
    await h.say('邓强', '代行 结束');
    expect((await h.say('林雪', '签收 D-0001')).text).toContain('海州市政府：邓强');
  });
});

describe('请假', () => {
  it('registers and ends an absence; only the office may register someone else', async () => {
    expect((await h.say('王芳', '请假 @李明 至 12月11日')).text).toContain('只能为本人请假');
    const r = await h.say('郑晓东', '请假 至 12月11日 赴京汇报');
    expect(r.text).toContain('已登记 郑晓东 缺位：12月7日（周一）至12月11日（周五）');
    expect(r.text).toContain('协调事项由 黄志远 递补');
    expect((await h.say('郑晓东', '请假 到明天')).result.outcome).toBe('handled');
    expect((await h.say('郑晓东', '销假')).text).toContain('郑晓东 已销假');
    expect((await h.say('郑晓东', '请假 至 2026-12-01')).text).toContain('已过');
  });
});
