import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const task = (code: string) => h.app.storage.transaction((r) => r.tasks.findByCode(code));

describe('交办', () => {
  it('assigns to the first named unit as lead and the rest as co-units, @-mentioning their handlers', async () => {
    const r = await h.say('陈立群', '交办 发改委 财政厅 海州市 制定营商环境优化提升实施方案 12月15日 重点');
    expect(r.result.outcome).toBe('handled');
    expect(r.text).toContain('已交办 D-0001【重点】');
    expect(r.text).toContain('牵头：省发展改革委（@王芳）');
    expect(r.text).toContain('配合：省财政厅（@钱敏）；海州市政府（@林雪）');
    expect(r.text).toContain('12月15日（周二），还有 6 个工作日');
    const t = await task('D-0001');
    expect(t).toMatchObject({
      title: '制定营商环境优化提升实施方案',
      leadUnitId: 'fgw',
      deadline: '2026-12-15',
      originalDeadline: '2026-12-15',
      isKey: true,
      status: 'pending',
      assignerId: 'chen-liqun',
    });
    expect(t?.units.map((u) => [u.unitId, u.role, u.responsibleId])).toEqual([
      ['fgw', 'lead', 'wang-fang'],
      ['czt', 'co', 'qian-min'],
      ['hz', 'co', 'lin-xue'],
    ]);
    expect(r.messages[0]?.reply.actions?.[0]).toMatchObject({ command: '签收 D-0001', forPersonIds: ['wang-fang', 'qian-min', 'lin-xue'] });
  });

  it('honours 牵头: and 配合: fields, and numbers tasks in sequence', async () => {
    await h.say('孙丽', '交办 发改委 研究一下 3个工作日');
    const r = await h.say('孙丽', '交办 推进城市更新试点 牵头:住建厅 配合:海州市、江城市 截止:月底 来源:会议');
    expect(r.text).toContain('已交办 D-0002');
    const t = await task('D-0002');
    expect(t?.leadUnitId).toBe('zjt');
    expect(t?.units.map((u) => u.unitId)).toEqual(['zjt', 'hz', 'jc']);
    expect(t?.deadline).toBe('2026-12-31');
    expect(t?.source).toBe('meeting');
  });

  it('reads 牵头/配合 written after unit names: 财政厅配合 发改委牵头', async () => {
    await h.say('孙丽', '交办 财政厅配合 发改委牵头 编制专项债项目清单 本周五');
    const t = await task('D-0001');
    expect(t?.leadUnitId).toBe('fgw');
    expect(t?.units.map((u) => [u.unitId, u.role])).toEqual([
      ['fgw', 'lead'],
      ['czt', 'co'],
    ]);
    expect(t?.deadline).toBe('2026-12-11');
  });

  it('assigns to a person by @mention: their unit, with them responsible', async () => {
    await h.say('孙丽', '交办 @何静 整理全省重大项目用地清单 5个工作日');
    const t = await task('D-0001');
    expect(t?.units).toEqual([expect.objectContaining({ unitId: 'zrzyt', responsibleId: 'he-jing', role: 'lead' })]);
    expect(t?.deadline).toBe('2026-12-14');
  });

  it('uses the source default: 网民留言 10 working days, 人大建议 3 months', async () => {
    await h.say('孙丽', '交办 海州市 回复网民关于学区划分的留言 来源:网民留言');
    expect((await task('D-0001'))?.deadline).toBe('2026-12-21');
    const r = await h.say('孙丽', '交办 江城市 办理关于加装电梯的建议 来源:人大建议');
    expect((await task('D-0002'))?.deadline).toBe('2027-03-08'); // 03-07 is a Sunday
    expect(r.text).toContain('人大代表建议一般在交办后3个月内答复');
    expect(r.text).toContain('2027年节假日安排尚未载入');
  });

  it('refuses a 人大建议 deadline beyond six months, and a 批示 without a time limit', async () => {
    const a = await h.say('孙丽', '交办 江城市 办理建议 来源:人大建议 2027-07-01');
    expect(a.result.outcome).toBe('refused');
    expect(a.text).toContain('最长不超过6个月');
    const b = await h.say('周建国', '交办 发改委 落实批示精神 来源:批示');
    expect(b.text).toContain('须写明办结时限');
    expect(await task('D-0001')).toBeUndefined();
  });

  it('refuses a deadline on the day of assignment (no 上午开会、下午报落实)', async () => {
    const r = await h.say('孙丽', '交办 发改委 报送会议落实情况 今天 来源:会议');
    expect(r.text).toContain('防止“上午开会、下午报落实情况”');
    expect(await task('D-0001')).toBeUndefined();
  });

  it('answers an unreadable, a past and an impossible deadline with the correct form', async () => {
    const past = await h.say('孙丽', '交办 发改委 研究 2026-11-01');
    expect(past.text).toContain('截止日期 2026-11-01 已过');
    expect(past.text).toContain('正确写法：交办 牵头单位');
    const bad = await h.say('孙丽', '交办 发改委 研究 2月30日');
    expect(bad.text).toContain('「2月30日」不是有效日期');
    const twice = await h.say('孙丽', '交办 发改委 研究 12月15日 12月20日');
    expect(twice.text).toContain('时限写了两次');
    const none = await h.say('孙丽', '交办 发改委 研究 截止:下辈子');
    expect(none.text).toContain('时限「下辈子」无法识别');
    expect(await task('D-0001')).toBeUndefined();
  });

  it('refuses unknown units and people by name', async () => {
    const a = await h.say('孙丽', '交办 财政部 研究资金 12月20日');
    expect(a.text).toContain('通讯录中没有「财政部」');
    const b = await h.say('孙丽', '交办 @张三 研究资金 12月20日');
    expect(b.text).toContain('通讯录中没有「张三」');
    const c = await h.say('孙丽', '交办 研究资金 牵头:商务局 12月20日');
    expect(c.text).toContain('「商务局」');
    const d = await h.say('孙丽', '交办 研究资金问题 12月20日');
    expect(d.text).toContain('请写明承办单位或承办人');
  });

  it('refuses a leader as assignee and two lead units', async () => {
    const a = await h.say('孙丽', '交办 @陈立群 研究 12月20日');
    expect(a.text).toContain('陈立群 不属于承办单位');
    const b = await h.say('孙丽', '交办 研究 牵头:发改委 牵头:财政厅 12月20日');
    expect(b.text).toContain('只能确定一个牵头单位');
  });

  it('is refused to a handler, naming the roles that may assign', async () => {
    const r = await h.say('王芳', '交办 财政厅 研究 12月20日');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('「交办」仅限主要领导、分管领导、秘书长、副秘书长、督查室使用');
  });

  it('records the assignment in the audit trail with who, when and the message', async () => {
    await h.say('陈立群', '交办 发改委 研究 12月20日', { messageId: 'lark-msg-77' });
    const t = await task('D-0001');
    const audit = await h.app.storage.transaction((r) => r.audit.forTask(t?.id ?? 0));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: 'chen-liqun',
      action: 'assign',
      at: '2026-12-07T09:00:00.000+08:00',
      source: { message: { platform: 'console', chatId: 'group-1', messageId: 'lark-msg-77' } },
    });
    expect(audit[0]?.details.message).toBe('交办 发改委 研究 12月20日');
  });

  it('does not record the same 交办 twice the same day, and says which item it is', async () => {
    await h.say('孙丽', '交办 发改委 编制方案 12月20日');
    const again = await h.say('孙丽', '交办 发改委 编制方案 12月20日');
    expect(again.result.outcome).toBe('refused');
    expect(again.text).toContain('今天已交办过相同事项 D-0001（编制方案，牵头 省发展改革委，时限相同），本条未重复交办');
    expect(await task('D-0002')).toBeUndefined();
    // Another deadline, or another assigner, is another item.
    expect((await h.say('孙丽', '交办 发改委 编制方案 12月25日')).text).toContain('已交办 D-0002');
    expect((await h.say('陈立群', '交办 发改委 编制方案 12月20日')).text).toContain('已交办 D-0003');
  });

  it('refuses 尽快 as a deadline and records nothing', async () => {
    const r = await h.say('孙丽', '交办 发改委 抓紧推进重大项目开工 尽快');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('「尽快」不是具体时限，请写明日期或期限');
    expect(r.text).toContain('正确写法：交办');
    expect(await task('D-0001')).toBeUndefined();
  });

  it('reads 今天下班前 as today (refused under H12), a time of day as its day with a note, and 牵头发改委 as the lead', async () => {
    const today = await h.say('孙丽', '交办 南岭市 报送上午会议落实情况 今天下班前');
    expect(today.result.outcome).toBe('refused');
    expect(today.text).toContain('时限不能定在交办当天');
    expect(await task('D-0001')).toBeUndefined();
    const timed = await h.say('孙丽', '交办 南岭市 报送防汛物资储备情况 12月10日下午5点前');
    expect(timed.text).toContain('事项：报送防汛物资储备情况\n');
    expect(timed.text).toContain('时限按日计：「下午5点」不单独计时');
    expect((await task('D-0001'))?.deadline).toBe('2026-12-10');
    const led = await h.say('孙丽', '交办 财政厅 牵头发改委 研究制定民营经济发展措施 12月31日');
    expect(led.text).toContain('牵头：省发展改革委');
    expect(led.text).toContain('配合：省财政厅');
    expect(led.text).toContain('事项：研究制定民营经济发展措施\n');
  });

  it('reads a role word written apart from its unit, before or after it, and a trailing run of units whole', async () => {
    const forms: Array<[string, string, string[]]> = [
      ['交办 生态环境厅 牵头 住建厅 配合 开展城市黑臭水体排查 12月31日', '省生态环境厅', ['省住房城乡建设厅']],
      ['交办 牵头 住建厅 配合 海州市、江城市 推进城市更新试点 12月31日', '省住房城乡建设厅', ['海州市政府', '江城市政府']],
      ['交办 由生态环境厅牵头，住建厅、海州市配合，开展河道整治 12月30日', '省生态环境厅', ['省住房城乡建设厅', '海州市政府']],
      ['交办 生态环境厅牵头单位 住建厅配合单位 开展空气质量监测 12月31日', '省生态环境厅', ['省住房城乡建设厅']],
      ['交办 排查城市燃气管网隐患 住建厅 牵头 海州市 江城市 配合 12月31日', '省住房城乡建设厅', ['海州市政府', '江城市政府']],
    ];
    for (const [i, [text, lead, co]] of forms.entries()) {
      const r = await h.say('孙丽', text);
      expect(r.text, text).toContain(`已交办 D-000${i + 1}`);
      expect(r.text, text).toContain(`牵头：${lead}`);
      for (const c of co) expect(r.text, text).toContain(c);
      expect(r.text, text).not.toMatch(/事项：[^\n]*(牵头|配合)/);
    }
    // A role word inside the title stays the title's.
    const title = await h.say('孙丽', '交办 发改委 研究建立牵头 配合机制 12月31日');
    expect(title.text).toContain('事项：研究建立牵头 配合机制');
  });

  it('reads 12.30 at the end as the deadline, and refuses a time it cannot read instead of a default', async () => {
    const dot = await h.say('孙丽', '交办 发改委 报送年度总结 12.30');
    expect(dot.text).toContain('事项：报送年度总结\n');
    expect((await task('D-0001'))?.deadline).toBe('2026-12-30');
    for (const when of ['春节前', '1月中旬', '节前']) {
      const r = await h.say('孙丽', `交办 发改委 报送节日值班安排 ${when}`);
      expect(r.result.outcome, when).toBe('refused');
      expect(r.text, when).toContain(`时限「${when}」无法识别为具体日期，本条未交办`);
    }
    expect(await task('D-0002')).toBeUndefined();
  });

  it('notes a deadline that falls on a rest day', async () => {
    const r = await h.say('孙丽', '交办 发改委 研究 2026-12-12');
    expect(r.text).toContain('时限当天为休息日');
  });
});
