import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

/** Point 11 of #12: phrases in the documents' register, nothing doubled, no act claimed that nobody took. */
describe('wording in the documents’ register', () => {
  it('签收 names the unit, the person and the time; 预警 is 【到期预警】', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:40'] });
    await h.say('孙丽', '交办 发改委 编制清单 12月10日');
    const r = await h.say('王芳', '签收 D-0001');
    expect(r.messages[0]?.reply.title).toBe('D-0001 已签收（省发展改革委 王芳 12-07 09:40）');
    expect(r.text).not.toContain('签收成功');
    const tue = (await h.until('2026-12-09')).map((m) => h.render(m)).join('\n');
    expect(tue).toContain('【到期预警】\nD-0001 编制清单｜12月10日（周四）到期，还有 1 个工作日');
    expect(tue).not.toContain('即将到期');
  });

  it('a refusal names each person once, with no doubled brackets', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 发改委 编制清单 12月18日');
    await h.say('陈立群', '交办 发改委 研究方案 12月18日');
    await h.say('王芳', '签收 D-0001 D-0002');
    await h.say('王芳', '延期 D-0001 至 12月25日 需要核对额度');
    await h.say('王芳', '延期 D-0002 至 12月25日 需要核对额度');
    const own = await h.say('王芳', '批准延期 D-0001');
    expect(own.text).toBe('D-0001 的延期审批由督查室（孙丽）办理。');
    const other = await h.say('王芳', '批准延期 D-0002');
    expect(other.text).toBe('D-0002 的延期审批由交办人 陈立群 或督查室（孙丽）办理。');
    const noCo = await h.say('王芳', '完成配合 D-0001 已完成清单');
    expect(noCo.text).toBe('D-0001 没有配合单位，无需报告配合完成；牵头单位办结请发「办结 D-0001 办理结果」。');
    for (const t of [own.text, other.text, noCo.text]) {
      expect(t).not.toMatch(/（[^）]*（/);
      expect(t).not.toMatch(/：。/);
    }
  });

  it('never says 监察部门, 已移交问责, 已通报督查室 or 已协调一致 after a leader decided', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] });
    await h.say('陈立群', '交办 发改委 财政厅 编制清单 12月4日');
    await h.say('王芳', '签收 D-0001');
    await h.say('钱敏', '签收 D-0001');
    await h.say('王芳', '协调 D-0001 与省财政厅对资金来源意见不一致');
    await h.until('2026-12-09', '10:00');
    await h.say('孙丽', '拟移交 D-0001 被催办 3 次仍未落实');
    await h.say('陈立群', '升级 C-0001 分管领导也难以协调');
    await h.say('周建国', '协调意见 C-0001 省市各承担一半');
    await h.say('周建国', '同意移交 D-0001');
    await h.until('2026-12-10', '10:00');
    const all = h.sent.map((m) => h.render(m)).join('\n');
    expect(all).not.toMatch(/监察部门|已移交问责|已通报督查室|签收成功|即将到期/);
    expect(all).toContain('纪检监察机关');
    expect((await h.say('钱敏', '表态 C-0001 同意')).text).toContain('C-0001 已由省长作出决定，请遵照执行');
  });
});
