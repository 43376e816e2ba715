import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('绑定', () => {
  it('binds a platform account to a directory person so that account can act as them', async () => {
    // An unknown console account is told its id and how to get bound.
    const before = await h.say('wangfang-phone', '签收');
    expect(before.text).toContain('请管理员（孙丽）发送「绑定 wangfang-phone 通讯录姓名」');
    const r = await h.say('孙丽', '绑定 wangfang-phone 王芳');
    expect(r.text).toContain('已绑定：控制台账号 wangfang-phone → 王芳（省发展改革委综合处处长）');
    await h.say('孙丽', '交办 发改委 研究 12月20日');
    const ack = await h.say('wangfang-phone', '签收 D-0001');
    expect(ack.text).toContain('D-0001 已签收（省发展改革委 王芳');
    const list = await h.say('孙丽', '绑定 列表');
    expect(list.text).toContain('王芳 · 控制台 · wangfang-phone');
  });

  it('is for administrators only', async () => {
    const r = await h.say('王芳', '绑定 someone 王芳');
    expect(r.text).toContain('「绑定」仅限管理员使用');
  });

  it('refuses an unknown name and unbinds', async () => {
    expect((await h.say('孙丽', '绑定 acct-1 张三')).text).toContain('通讯录中没有「张三」');
    await h.say('孙丽', '绑定 acct-1 王芳');
    expect((await h.say('孙丽', '解绑 王芳')).text).toContain('已解除 王芳 的控制台账号绑定');
    expect((await h.say('acct-1', '帮助')).text).toContain('尚未登记');
  });
});

describe('task card', () => {
  it('shows each unit’s signing state and offers only the actions still open', async () => {
    await h.say('陈立群', '交办 发改委 财政厅 研究资金方案 12月20日');
    h.at('2026-12-08', '09:12');
    await h.say('王芳', '签收 D-0001');
    const card = await h.app.bot.taskCard('D-0001');
    const fields = Object.fromEntries((card?.fields ?? []).map((f) => [f.label, f.value]));
    expect(fields['牵头']).toBe('省发展改革委（王芳）已签收 · 王芳 · 12-08 09:12');
    expect(fields['配合']).toBe('省财政厅（钱敏）待签收');
    expect(card?.actions?.map((a) => [a.label, a.forPersonIds])).toEqual([
      ['签收', ['qian-min', 'zhao-gang']],
      ['报送进展', ['wang-fang', 'li-ming', 'qian-min', 'zhao-gang']],
      ['办结', ['wang-fang', 'li-ming']],
    ]);
    expect(await h.app.bot.taskCard('D-0404')).toBeUndefined();
  });
});
